//! `rewind import`: a libFuzzer crash artifact becomes a shrunk log in the corpus.

use anyhow::{Context, Result, bail};
use rewind_harness::{catalog, corpus};

use crate::Found;
use crate::args::ImportArgs;

pub fn import(args: &ImportArgs) -> Result<Found> {
    let entry = catalog::find(&args.domain).map_err(anyhow::Error::msg)?;
    let artifact = args.artifact.display().to_string();
    let bytes = std::fs::read(&args.artifact)
        .with_context(|| format!("reading the fuzz artifact {artifact}"))?;
    let bug = args.bug.as_deref().filter(|name| !name.is_empty());
    let Some((log, report)) = entry
        .import(&bytes, &artifact, bug)
        .map_err(anyhow::Error::msg)?
    else {
        let planted = bug.map_or_else(
            || "with no bug planted".to_string(),
            |bug| format!("with `{bug}` planted"),
        );
        let mut message = format!(
            "{artifact}: nothing broke: its {} bytes, replayed through the {} bot {planted}, break no invariant",
            bytes.len(),
            args.domain
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
                 only reproduces in a build with debug assertions: `cargo run --bin rewind -- import ...` \
                 (not --release)",
            );
        }
        bail!(message);
    };
    println!(
        "decoded {artifact}: `{}` broke; shrunk {} → {} actions in {} replays",
        log.violation.invariant, report.from, report.to, report.attempts
    );
    for pass in &report.passes {
        println!("  {pass}");
    }
    let written = corpus::write(&args.corpus, &log)
        .with_context(|| format!("storing the imported log under {}", args.corpus.display()))?;
    let state = match written {
        corpus::Written::New(_) => "stored",
        corpus::Written::AlreadyStored(_) => "already stored",
    };
    let path = written.path().display();
    println!("{state} {path}\nreplay rewind replay {path}");
    Ok(Found::Nothing)
}
