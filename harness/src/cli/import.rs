//! `import`: libFuzzer crash artifacts become shrunk logs in the corpus.
//!
//! Each artifact's bytes are replayed through the fuzz driver, as the fuzz target did, then
//! shrunk. Of many artifacts breaking the same invariant (an overnight run finds one bug
//! hundreds of times, from different seeds) only the shortest log is stored, as `rewind sim`
//! stores one failure per invariant.

use std::collections::BTreeMap;

use super::args::ImportArgs;
use super::{Found, Invocation, outln};
use crate::text::plural;
use crate::{DomainEntry, corpus};
use anyhow::{Context, Result, bail};
use rewind_engine::Log;

pub(crate) fn import(context: &Invocation, args: &ImportArgs) -> Result<Found> {
    let entry = context
        .catalog
        .find(&args.domain)
        .map_err(anyhow::Error::msg)?;
    let bug = args.bug.as_deref().filter(|name| !name.is_empty());
    let mut shortest: BTreeMap<String, Log> = BTreeMap::new();
    let mut problems = Vec::new();
    for path in &args.artifacts {
        let artifact = path.display().to_string();
        match decode(entry, &args.domain, &artifact, bug) {
            Ok(log) => {
                let kept = shortest
                    .entry(log.violation.invariant.clone())
                    .or_insert_with(|| log.clone());
                if log.actions.len() < kept.actions.len() {
                    *kept = log;
                }
            }
            Err(problem) => {
                eprintln!("error: {problem:#}");
                problems.push(artifact);
            }
        }
    }
    let decoded = args.artifacts.len() - problems.len();
    if decoded > shortest.len() {
        outln!(
            "{} broke {}: storing the shortest log of each",
            plural(decoded, "artifact"),
            plural(shortest.len(), "invariant")
        )?;
    }
    if !shortest.is_empty() {
        let storing = || format!("storing the imported logs under {}", args.corpus.display());
        let mut shelf = corpus::shelf_of(&args.corpus, entry).with_context(storing)?;
        for log in shortest.values() {
            let meaning = entry.meaning(log, &log.found_by)?;
            let written = shelf.store(log, meaning).with_context(storing)?;
            outln!("{}", corpus::describe(&written, &context.program))?;
        }
    }
    if !problems.is_empty() {
        bail!(
            "{} of {} could not be imported: {}",
            problems.len(),
            plural(args.artifacts.len(), "artifact"),
            problems.join(", ")
        );
    }
    Ok(Found::Nothing)
}

/// One artifact, decoded and shrunk into a log; an error says why it could not be.
fn decode(entry: &dyn DomainEntry, domain: &str, artifact: &str, bug: Option<&str>) -> Result<Log> {
    let bytes =
        std::fs::read(artifact).with_context(|| format!("reading the fuzz artifact {artifact}"))?;
    let Some((log, report)) = entry
        .import(&bytes, artifact, bug)
        .map_err(anyhow::Error::msg)?
    else {
        let planted = bug.map_or_else(
            || "with no bug planted".to_string(),
            |bug| format!("with `{bug}` planted"),
        );
        let mut message = format!(
            "{artifact}: nothing broke: its {} bytes, replayed through the {domain} bot {planted}, break no invariant",
            bytes.len(),
        );
        let breaking = entry.bugs_breaking(&bytes);
        if bug.is_none() && !breaking.is_empty() {
            message.push_str(&format!(
                "\n  it breaks with a planted bug: rerun with --bug {} (or REWIND_BUG set as for the fuzz run)",
                breaking.join(" / --bug ")
            ));
        } else {
            message.push_str(
                "\n  was it found by another target or bug? A crash on an overflow or debug_assert \
                 only reproduces in a build with debug assertions: `cargo run -- import ...` \
                 (not --release)",
            );
        }
        bail!(message);
    };
    outln!(
        "decoded {artifact}: `{}` broke; shrunk {} → {} in {}",
        log.violation.invariant,
        report.from,
        plural(report.to, "step"),
        plural(report.attempts, "replay")
    )?;
    for pass in &report.passes {
        outln!("  {pass}")?;
    }
    Ok(log)
}
