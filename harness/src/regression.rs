//! What a corpus log proves when `cargo test` replays it.
//!
//! 1. On the rules as they are (no bug planted), the actions break nothing: a failure once
//!    found stays fixed.
//! 2. If the log was found against a planted bug, replaying it with that bug planted still
//!    breaks the recorded invariant at the recorded step: the harness still catches it.
//! 3. A log marked as a known defect (not fixed yet) inverts the first: it must still break
//!    as recorded, so the day it stops, the test says the defect looks fixed.
//!
//! Beside the logs, every domain gets one determinism self-check ([`deterministic`]): a
//! domain that iterates a hash map or reads the clock fails it before any log is written.

use rewind_engine::{Bugs, Model, TypedLog, Violation};

use crate::check::{Checks, replay_log};
use crate::sim::{SimPlan, simulate};

/// Checks one decoded log; the error says what failed and what to do about it. `program`
/// starts the commands the error suggests.
///
/// - A log marked as a known defect is a strict expected failure: it passes while replaying
///   it on the rules as they are still breaks the recorded invariant at the recorded step,
///   and fails once it does not, saying the defect looks fixed and how to drop the mark.
/// - Any other log passes when the rules as they are break nothing; one that names a planted
///   bug must also still break as recorded with that bug planted.
pub fn verify<M: Model>(log: &TypedLog<M>, file: &str, program: &str) -> Result<(), String> {
    let recorded = &log.violation;
    let replayed = |bugs| replay_log(log, bugs, &mut |_| {}).violation;
    let look = format!("look at it: {program} replay {file}");
    if let Some(reason) = &log.known {
        if let Some(bug) = log.bug {
            return Err(format!(
                "{file}: field `known`: a log found with the planted bug `{}` is a test of the \
                 harness, not a defect to mark known; drop the mark: {program} corpus unmark {file}",
                bug.name
            ));
        }
        return match replayed(Bugs::NONE) {
            Some(found) if same_place(&found, recorded) => Ok(()),
            other => Err(format!(
                "{file}: marked as a known defect ({reason}), but it looks fixed: {}\n  \
                 if the fix is meant, drop the mark, and the log guards the fix from now on: \
                 {program} corpus unmark {file}\n  {look}",
                instead(other.as_ref(), recorded)
            )),
        };
    }
    if let Some(violation) = replayed(Bugs::NONE) {
        let advice = match log.bug {
            Some(_) => format!("look at it: {program} replay {file} --without-bug"),
            None => format!(
                "this defect is not fixed: fix it, or until it is, mark the log as a known \
                 defect: {program} corpus mark {file} --reason '<issue link or sentence>'\n  {look}"
            ),
        };
        let planted = if log.bug.is_some() {
            "with no bug planted, "
        } else {
            ""
        };
        return Err(format!(
            "{file}: {planted}`{}` broke at step {}: {}\n  {advice}",
            violation.invariant, violation.step, violation.message
        ));
    }
    let Some(bug) = log.bug else { return Ok(()) };
    match replayed(log.bugs()) {
        Some(found) if same_place(&found, recorded) => Ok(()),
        Some(found) => Err(format!(
            "{file}: with `{}` planted, `{}` broke at step {} but the log recorded `{}` at step {}\n  {look}",
            bug.name, found.invariant, found.step, recorded.invariant, recorded.step
        )),
        None => Err(format!(
            "{file}: with `{}` planted, nothing broke; the log recorded `{}` at step {}: the harness no longer catches this bug\n  {look}",
            bug.name, recorded.invariant, recorded.step
        )),
    }
}

/// Whether `found` is the recorded violation: the same check, at the same step.
pub fn same_place(found: &Violation, recorded: &Violation) -> bool {
    found.invariant == recorded.invariant && found.step == recorded.step
}

/// What a replay found instead of the recorded violation, in words.
pub fn instead(found: Option<&Violation>, recorded: &Violation) -> String {
    match found {
        None => format!(
            "replayed on the rules as they are, nothing breaks (the log records `{}` at step {})",
            recorded.invariant, recorded.step
        ),
        Some(found) => format!(
            "replayed on the rules as they are, `{}` breaks at step {} rather than `{}` at step \
             {}, as recorded",
            found.invariant, found.step, recorded.invariant, recorded.step
        ),
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
        concurrency: true,
        fail_fast: false,
    };
    let config = M::Config::default();
    let checks = Checks::all();
    let one = simulate::<M>(&config, &plan(1), Bugs::NONE, &checks, &|_| {});
    let two = simulate::<M>(&config, &plan(2), Bugs::NONE, &checks, &|_| {});
    let describe = |result: &crate::sim::SimResult<M>| {
        let failures: Vec<String> = result
            .broken
            .iter()
            .flat_map(|broken| broken.samples())
            .map(|failing| {
                let v = &failing.failure.violation;
                format!(
                    "run {}: `{}` at step {}: {}",
                    failing.run, v.invariant, v.step, v.message
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
