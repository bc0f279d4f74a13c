//! `rewind replay` and `rewind shrink`: work on one stored log.

use anyhow::{Context, Result};
use rewind_harness::catalog;
use rewind_harness::corpus;
use rewind_harness::trace::TraceOptions;

use crate::Found;
use crate::args::{ReplayArgs, ShrinkArgs};

pub fn replay(args: &ReplayArgs) -> Result<Found> {
    let file = args.file.display().to_string();
    let log = corpus::read(&args.file)?;
    let entry =
        catalog::find(&log.domain).map_err(|e| anyhow::anyhow!("{file}: field `domain`: {e}"))?;
    let steps = log.actions.len();
    if let Some(to) = args.to
        && to >= steps
    {
        let has = match steps {
            0 => "no steps".to_string(),
            n => format!("{n} steps (0 to {})", n - 1),
        };
        anyhow::bail!("{file}: --to {to} is past the end of the log, which has {has}");
    }
    let options = TraceOptions {
        to: args.to,
        diff: args.diff,
        without_bug: args.without_bug,
        raw: args.raw,
    };
    print!("{}", entry.trace(&log, &file, &options)?);
    Ok(Found::Nothing)
}

pub fn shrink(args: &ShrinkArgs) -> Result<Found> {
    let file = args.file.display().to_string();
    let log = corpus::read(&args.file)?;
    let entry =
        catalog::find(&log.domain).map_err(|e| anyhow::anyhow!("{file}: field `domain`: {e}"))?;
    let (shrunk, report) = entry.shrink(&log, &file)?;
    println!(
        "shrunk {file}: {} → {} actions in {} replays",
        report.from, report.to, report.attempts
    );
    for pass in &report.passes {
        println!("  {pass}");
    }
    let written = corpus::write(&args.corpus, &shrunk)
        .with_context(|| format!("storing the shrunk log under {}", args.corpus.display()))?;
    println!(
        "stored {}\nreplay rewind replay {}",
        written.path().display(),
        written.path().display()
    );
    Ok(Found::Nothing)
}
