//! `corpus check`: the regression suite, outside `cargo test`.

use std::path::Path;

use super::{Found, Invocation, outln};
use crate::corpus;
use anyhow::{Context, Result};

pub(crate) fn check(context: &Invocation, dir: &Path) -> Result<Found> {
    let files = corpus::files(dir)
        .with_context(|| format!("reading the corpus folder {}", dir.display()))?;
    let (mut passed, mut failed) = (0, 0);
    for path in &files {
        let file = path.display().to_string();
        let verdict = corpus::read(path)
            .map_err(|e| e.to_string())
            .and_then(|log| {
                let entry = context.catalog.entry_of(&log, &file)?;
                entry.verify(&log, &file, &context.program)
            });
        match verdict {
            Ok(()) => {
                passed += 1;
                outln!("ok    {file}")?;
            }
            Err(message) => {
                failed += 1;
                outln!("FAIL  {message}")?;
            }
        }
    }
    outln!("{passed} passed, {failed} failed")?;
    Ok(if failed == 0 {
        Found::Nothing
    } else {
        Found::Violation
    })
}
