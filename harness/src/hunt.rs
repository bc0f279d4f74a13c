//! How fast the harness finds each planted bug: the numbers behind `rewind hunt`.
//!
//! One hunt plays runs of one master seed in order, on one thread, until a run breaks an
//! invariant, then shrinks that run. Dispatches are counted up to and including the failing
//! run, so the figure does not depend on batching or threads.

use std::time::Instant;

use rewind_engine::{Bug, Bugs, Coverage, Model, run_seed};

use crate::check::Checks;
use crate::run::{RunCounts, RunSpec, run_once};
use crate::shrink::shrink_failure;

/// The outcome of hunting one bug from one master seed.
#[derive(Clone, Debug, PartialEq)]
pub struct Hunt {
    /// Whether a run broke an invariant within the run budget.
    pub found: bool,
    /// Runs played, the failing one included.
    pub runs: u64,
    /// Steps taken in those runs (see [`crate::run::RunCounts::dispatches`]).
    pub dispatches: u64,
    /// Time to find it (or to give up).
    pub seconds: f64,
    /// Time to find plus time to shrink what was found.
    pub seconds_with_shrink: f64,
    /// The invariant that caught it, and the shrunk sequence's length.
    pub invariant: Option<String>,
    /// The number of steps of the shrunk case.
    pub shrunk_length: Option<usize>,
}

/// Hunts `bug` of `M` from `seed`, playing at most `max_runs` runs of `steps` steps.
pub fn hunt<M: Model>(bug: &Bug, seed: u64, max_runs: u64, steps: usize) -> Hunt {
    let config = M::Config::default();
    let bugs = Bugs::NONE.with(bug.id);
    let mut counts = RunCounts::default();
    let mut coverage = Coverage::new(crate::world::coverage_labels::<M>().len());
    let checks = Checks::all();
    let started = Instant::now();
    let mut spare = None;
    for run in 0..max_runs {
        let spec = RunSpec::<M> {
            config: &config,
            seed: run_seed(seed, run),
            steps,
            bugs,
            swarm: false,
            deep: false,
            json: false,
            faults: true,
            concurrency: true,
            checks: &checks,
        };
        if let Some(failure) = run_once(&spec, &mut counts, &mut coverage, &mut spare) {
            let seconds = started.elapsed().as_secs_f64();
            let shrunk = shrink_failure::<M>(&config, spec.seed, bugs, failure, &checks);
            return Hunt {
                found: true,
                runs: counts.runs,
                dispatches: counts.dispatches,
                seconds,
                seconds_with_shrink: started.elapsed().as_secs_f64(),
                invariant: Some(shrunk.violation.invariant),
                shrunk_length: Some(shrunk.steps.len()),
            };
        }
    }
    Hunt {
        found: false,
        runs: counts.runs,
        dispatches: counts.dispatches,
        seconds: started.elapsed().as_secs_f64(),
        seconds_with_shrink: started.elapsed().as_secs_f64(),
        invariant: None,
        shrunk_length: None,
    }
}

/// The median of `values` (the lower middle for an even count); `None` when empty.
pub fn median<T: PartialOrd + Copy>(values: &[T]) -> Option<T> {
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    sorted.get((sorted.len().max(1) - 1) / 2).copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn median_takes_the_lower_middle() {
        assert_eq!(super::median(&[3, 1, 2]), Some(2));
        assert_eq!(super::median(&[4, 1, 3, 2]), Some(2));
        assert_eq!(super::median::<u32>(&[]), None);
    }
}
