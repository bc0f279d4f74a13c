//! `replay` and `shrink`: work on one stored log.

use super::args::{ReplayArgs, ShrinkArgs};
use super::{Found, Invocation, out, outln};
use crate::DomainEntry;
use crate::corpus;
use crate::text::plural;
use crate::trace::TraceOptions;
use anyhow::{Context, Result};
use rewind_engine::Log;
use std::path::Path;

/// The log at `path`, parsed, with its domain's entry and the path as text for messages: a
/// malformed log or an unknown domain is an error naming the file (exit 2).
pub(super) fn open(
    context: &Invocation,
    path: &Path,
) -> Result<(Log, &'static dyn DomainEntry, String)> {
    let file = path.display().to_string();
    let log = corpus::read(path)?;
    let entry = context
        .catalog
        .entry_of(&log, &file)
        .map_err(anyhow::Error::msg)?;
    Ok((log, entry, file))
}

pub(crate) fn replay(context: &Invocation, args: &ReplayArgs) -> Result<Found> {
    let (log, entry, file) = open(context, &args.file)?;
    let steps = log.actions.len();
    if let Some(to) = args.to
        && to >= steps
    {
        let has = match steps {
            0 => "no steps".to_string(),
            n => format!("{} (0 to {})", plural(n, "step"), n - 1),
        };
        anyhow::bail!("{file}: --to {to} is past the end of the log, which has {has}");
    }
    let options = TraceOptions {
        to: args.to,
        diff: args.diff,
        without_bug: args.without_bug,
        raw: args.raw,
        program: context.program.clone(),
    };
    out!("{}", entry.trace(&log, &file, &options)?)?;
    Ok(Found::Nothing)
}

pub(crate) fn shrink(context: &Invocation, args: &ShrinkArgs) -> Result<Found> {
    let (log, entry, file) = open(context, &args.file)?;
    let (shrunk, report) = entry.shrink(&log, &file, &context.program)?;
    outln!(
        "shrunk {file}: {} → {} in {}",
        report.from,
        plural(report.to, "step"),
        plural(report.attempts, "replay")
    )?;
    for pass in &report.passes {
        outln!("  {pass}")?;
    }
    let storing = || format!("storing the shrunk log under {}", args.corpus.display());
    let meaning = entry.meaning(&shrunk, &file)?;
    let written = corpus::shelf_of(&args.corpus, entry)
        .and_then(|mut shelf| shelf.store(&shrunk, meaning))
        .with_context(storing)?;
    outln!("{}", corpus::describe(&written, &context.program))?;
    Ok(Found::Nothing)
}
