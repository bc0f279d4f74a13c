//! Many runs across threads, with results that do not depend on the thread count.
//!
//! Runs are grouped in fixed batches of [`BATCH`] by run index; threads take batches in order.
//! When a batch holds a failure, no later batch starts, and the result is made of every batch
//! up to and including the first failing one. Batch boundaries never depend on `--jobs`, so
//! neither do the counts, the coverage or the failures reported.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use rewind_engine::{Bugs, Coverage, Model, run_seed};

use crate::run::{RunCounts, RunFailure, RunSpec, run_once};

/// Runs per batch: the unit of work a thread takes, and of early stopping.
pub const BATCH: u64 = 256;
/// Default of [`SimPlan::history_every`].
pub const DEFAULT_HISTORY_EVERY: u64 = 8;
/// Failures kept per batch (the lowest run indices).
const FAILURES_KEPT: usize = 8;

/// Which runs to play and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimPlan {
    /// The master seed: run `i` plays from [`rewind_engine::run_seed`]`(seed, i)`.
    pub seed: u64,
    /// Run indices `first_run..end_run` (a shard of the whole range, or one run).
    pub first_run: u64,
    /// One past the last run index.
    pub end_run: u64,
    /// Steps per run at most.
    pub steps: usize,
    /// Worker threads; never changes the result.
    pub jobs: usize,
    /// Switch a random subset of action kinds off in each run.
    pub swarm: bool,
    /// Every run replays its events at the end; runs whose index is a multiple of this also
    /// re-dispatch their actions and rebuild their projections (1: every run).
    pub history_every: u64,
    /// Inject the delivery faults each domain declares (`--faults off` turns them off).
    pub faults: bool,
}

/// What the runs added up to.
pub struct SimResult<M: Model> {
    /// The counts of every run played.
    pub counts: RunCounts,
    /// The coverage of every run played: the domain's labels, then the faults'.
    pub coverage: Coverage,
    /// `(run index, run seed, failure)`, lowest index first.
    pub failures: Vec<(u64, u64, RunFailure<M>)>,
    /// Runs planned but not played because an earlier batch failed.
    pub skipped: u64,
}

struct Batch<M: Model> {
    counts: RunCounts,
    coverage: Coverage,
    failures: Vec<(u64, u64, RunFailure<M>)>,
}

/// Plays the plan's runs of `M` with `bugs` planted; `progress` is told how many runs finished.
pub fn simulate<M: Model>(
    config: &M::Config,
    plan: &SimPlan,
    bugs: Bugs,
    progress: &(dyn Fn(u64) + Sync),
) -> SimResult<M> {
    let total = plan.end_run.saturating_sub(plan.first_run);
    let batches = total.div_ceil(BATCH);
    let next = AtomicU64::new(0);
    let first_failing = AtomicU64::new(u64::MAX);
    let done: Mutex<Vec<Option<Batch<M>>>> = Mutex::new((0..batches).map(|_| None).collect());
    let worker = || {
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            if index >= batches || index > first_failing.load(Ordering::Acquire) {
                break;
            }
            let start = plan.first_run + index * BATCH;
            let end = (start + BATCH).min(plan.end_run);
            let batch = play_batch::<M>(config, plan, bugs, start..end);
            if !batch.failures.is_empty() {
                first_failing.fetch_min(index, Ordering::AcqRel);
            }
            progress(end - start);
            done.lock()
                .expect("no worker panics while holding the lock")[index as usize] = Some(batch);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..plan.jobs.max(1) {
            scope.spawn(worker);
        }
        worker();
    });
    let last = first_failing.into_inner().min(batches.saturating_sub(1));
    let mut result = SimResult {
        counts: RunCounts::default(),
        coverage: Coverage::new(crate::world::coverage_labels::<M>().len()),
        failures: Vec::new(),
        skipped: 0,
    };
    for (index, batch) in done
        .into_inner()
        .expect("workers finished")
        .into_iter()
        .enumerate()
    {
        if batches == 0 || index as u64 > last {
            break;
        }
        let batch = batch.expect("every batch up to the first failing one was played");
        result.counts.add(&batch.counts);
        result.coverage.merge(&batch.coverage);
        result.failures.extend(batch.failures);
    }
    result.skipped = total - result.counts.runs;
    result
}

fn play_batch<M: Model>(
    config: &M::Config,
    plan: &SimPlan,
    bugs: Bugs,
    runs: std::ops::Range<u64>,
) -> Batch<M> {
    let mut batch = Batch {
        counts: RunCounts::default(),
        coverage: Coverage::new(crate::world::coverage_labels::<M>().len()),
        failures: Vec::new(),
    };
    let mut spare = None;
    for run in runs {
        let seed = run_seed(plan.seed, run);
        let spec = RunSpec::<M> {
            config,
            seed,
            steps: plan.steps,
            bugs,
            swarm: plan.swarm,
            deep: run.is_multiple_of(plan.history_every.max(1)),
            faults: plan.faults,
        };
        if let Some(failure) = run_once(&spec, &mut batch.counts, &mut batch.coverage, &mut spare) {
            batch.counts.failed += 1;
            if batch.failures.len() < FAILURES_KEPT {
                batch.failures.push((run, seed, failure));
            }
        }
    }
    batch
}
