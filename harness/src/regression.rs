//! What a corpus log proves when `cargo test` replays it.
//!
//! 1. On the rules as they are (no bug planted), the actions break nothing: a failure once
//!    found stays fixed.
//! 2. If the log was found against a planted bug, replaying it with that bug planted still
//!    breaks the recorded invariant at the recorded step: the harness still catches it.
//!
//! Beside the logs, every domain gets one determinism self-check ([`deterministic`]): a
//! domain that iterates a hash map or reads the clock fails it before any log is written.

use rewind_engine::{Bugs, Model, TypedLog};

use crate::sim::{SimPlan, simulate};

use crate::check::thorough;

/// Checks one decoded log; the error says what failed and how to look at it.
/// `program` starts the `replay` command the error suggests.
pub fn verify<M: Model>(log: &TypedLog<M>, file: &str, program: &str) -> Result<(), String> {
    let clean = thorough::<M>(&log.config, log.seed, Bugs::NONE, &log.steps, &log.draws);
    if let Some(violation) = clean.violation {
        return Err(format!(
            "{file}: with no bug planted, `{}` broke at step {}: {}\n  look at it: {program} replay {file} --without-bug",
            violation.invariant, violation.step, violation.message
        ));
    }
    let Some(bug) = log.bug else { return Ok(()) };
    let planted = thorough::<M>(&log.config, log.seed, log.bugs(), &log.steps, &log.draws);
    let recorded = &log.violation;
    match planted.violation {
        Some(found) if found.invariant == recorded.invariant && found.step == recorded.step => {
            Ok(())
        }
        Some(found) => Err(format!(
            "{file}: with `{}` planted, `{}` broke at step {} but the log recorded `{}` at step {}\n  look at it: {program} replay {file}",
            bug.name, found.invariant, found.step, recorded.invariant, recorded.step
        )),
        None => Err(format!(
            "{file}: with `{}` planted, nothing broke; the log recorded `{}` at step {}: the harness no longer catches this bug\n  look at it: {program} replay {file}",
            bug.name, recorded.invariant, recorded.step
        )),
    }
}

/// Runs of the self-check, and actions per run: two batches, enough to meet most of a
/// domain's paths in well under a second.
const SELF_CHECK_RUNS: u64 = 512;
const SELF_CHECK_STEPS: usize = 100;

/// The same master seed gives the same summary (counts, coverage, failures) on one thread
/// and on two, with every run re-dispatched from its seed to reproduce its events. Planted
/// bugs stay off; a violation found here is left to the simulation to report.
pub fn deterministic<M: Model>() -> Result<(), String> {
    let plan = |jobs| SimPlan {
        seed: 0x7265_7769_6e64,
        first_run: 0,
        end_run: SELF_CHECK_RUNS,
        steps: SELF_CHECK_STEPS,
        jobs,
        swarm: true,
        history_every: 1,
        faults: true,
    };
    let config = M::Config::default();
    let one = simulate::<M>(&config, &plan(1), Bugs::NONE, &|_| {});
    let two = simulate::<M>(&config, &plan(2), Bugs::NONE, &|_| {});
    let describe = |result: &crate::sim::SimResult<M>| {
        let failures: Vec<String> = result
            .failures
            .iter()
            .map(|(run, _, failure)| {
                let v = &failure.violation;
                format!(
                    "run {run}: `{}` at step {}: {}",
                    v.invariant, v.step, v.message
                )
            })
            .collect();
        format!(
            "{:?}, coverage {:?}, failures [{}]",
            result.counts,
            result.coverage.counts(),
            failures.join("; ")
        )
    };
    let (one, two) = (describe(&one), describe(&two));
    if one != two {
        return Err(format!(
            "{}: the same seed gave different results on one thread and on two; something in \
             the domain is not deterministic (a HashMap iterated, a clock or OS randomness read, \
             state shared between runs)\n  one thread:  {one}\n  two threads: {two}",
            M::NAME
        ));
    }
    Ok(())
}
