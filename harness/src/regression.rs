//! What a corpus log proves when `cargo test` replays it.
//!
//! 1. On the rules as they are (no bug planted), the actions break nothing: a failure once
//!    found stays fixed.
//! 2. If the log was found against a planted bug, replaying it with that bug planted still
//!    breaks the recorded invariant at the recorded step: the harness still catches it.

use rewind_engine::{Bugs, Model, TypedLog};

use crate::check::thorough;

/// Checks one decoded log; the error says what failed and how to look at it.
pub fn verify<M: Model>(log: &TypedLog<M>, file: &str) -> Result<(), String> {
    let clean = thorough::<M>(&log.config, log.seed, Bugs::NONE, &log.actions);
    if let Some(violation) = clean.violation {
        return Err(format!(
            "{file}: with no bug planted, `{}` broke at step {}: {}\n  look at it: rewind replay {file} --without-bug",
            violation.invariant, violation.step, violation.message
        ));
    }
    let Some(bug) = log.bug else { return Ok(()) };
    let planted = thorough::<M>(&log.config, log.seed, log.bugs(), &log.actions);
    let recorded = &log.violation;
    match planted.violation {
        Some(found) if found.invariant == recorded.invariant && found.step == recorded.step => {
            Ok(())
        }
        Some(found) => Err(format!(
            "{file}: with `{}` planted, `{}` broke at step {} but the log recorded `{}` at step {}\n  look at it: rewind replay {file}",
            bug.name, found.invariant, found.step, recorded.invariant, recorded.step
        )),
        None => Err(format!(
            "{file}: with `{}` planted, nothing broke; the log recorded `{}` at step {}: the harness no longer catches this bug\n  look at it: rewind replay {file}",
            bug.name, recorded.invariant, recorded.step
        )),
    }
}
