//! Many runs across threads, with results that do not depend on the thread count.
//!
//! Runs are grouped in fixed batches of [`BATCH`] by run index; threads take batches in order.
//! Every run is played, and a run that breaks something stops there: the result counts, for
//! every check that broke, how many runs broke it, and keeps its first and last failing run.
//! With [`SimPlan::fail_fast`], no batch starts after one that holds a failure, and the result
//! is made of every batch up to and including the first failing one. Batch boundaries never
//! depend on `--jobs`, and batches are added up in order, so neither do the counts, the
//! coverage or the failures reported.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use rewind_engine::{Bugs, Coverage, Model, run_seed};

use crate::check::Checks;
use crate::run::{RunCounts, RunFailure, RunSpec, run_once};

/// Runs per batch: the unit of work a thread takes, and of early stopping.
pub const BATCH: u64 = 256;
/// Default of [`SimPlan::history_every`].
pub const DEFAULT_HISTORY_EVERY: u64 = 8;
/// One deep run in this many (see [`SimPlan::history_every`]) also sends every action and
/// event through a JSON round trip at its end: every 1,024th run by default. A round trip
/// costs about four poll runs' worth of work per run checked, so it is sampled sparsely
/// (under 1% of a simulation); a failing run's steps go through it when they are shrunk.
pub const JSON_EVERY_DEEP: u64 = 128;

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
    /// Let concurrent clients interleave for each domain that declares them
    /// (`--concurrency off` turns them off).
    pub concurrency: bool,
    /// Stop at the first batch of runs that holds a failure, rather than playing every run.
    pub fail_fast: bool,
}

/// One failing run: its index, its seed and what broke.
pub struct FailingRun<M: Model> {
    /// The run's index in the plan.
    pub run: u64,
    /// The run's seed.
    pub seed: u64,
    /// What broke, and the steps up to it.
    pub failure: RunFailure<M>,
}

/// The runs that broke one check.
pub struct Broken<M: Model> {
    /// The invariant or generic check.
    pub invariant: String,
    /// How many runs broke it (each run breaks at most one thing: it stops there).
    pub runs: u64,
    /// The first run that broke it.
    pub first: FailingRun<M>,
    /// The last run that broke it, when that is another: a second sample, from the other
    /// end of the range, in case two defects break the same check.
    pub last: Option<FailingRun<M>>,
}

impl<M: Model> Broken<M> {
    /// Adds what a later part of the run range found for the same check.
    fn then(&mut self, later: Broken<M>) {
        self.runs += later.runs;
        self.last = Some(later.last.unwrap_or(later.first));
    }

    /// The failing runs kept, first first.
    pub fn samples(&self) -> impl Iterator<Item = &FailingRun<M>> {
        std::iter::once(&self.first).chain(&self.last)
    }
}

/// Every check broken in part of the run range, by name.
type Findings<M> = BTreeMap<String, Broken<M>>;

/// What the runs added up to.
pub struct SimResult<M: Model> {
    /// The counts of every run played.
    pub counts: RunCounts,
    /// The coverage of every run played: the domain's labels, then the faults'.
    pub coverage: Coverage,
    /// Every check that broke, in the order of the first run that broke it.
    pub broken: Vec<Broken<M>>,
    /// Runs planned but not played because an earlier batch failed (with `fail_fast`).
    pub skipped: u64,
}

struct Batch<M: Model> {
    counts: RunCounts,
    coverage: Coverage,
    broken: Findings<M>,
}

/// Plays the plan's runs of `M` with `bugs` planted and `checks` made; `progress` is told how
/// many runs finished.
pub fn simulate<M: Model>(
    config: &M::Config,
    plan: &SimPlan,
    bugs: Bugs,
    checks: &Checks<M>,
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
            let batch = play_batch::<M>(config, plan, bugs, checks, start..end);
            if plan.fail_fast && !batch.broken.is_empty() {
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
        broken: Vec::new(),
        skipped: 0,
    };
    let mut broken: Findings<M> = BTreeMap::new();
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
        for (name, found) in batch.broken {
            match broken.get_mut(&name) {
                Some(earlier) => earlier.then(found),
                None => {
                    broken.insert(name, found);
                }
            }
        }
    }
    result.broken = broken.into_values().collect();
    result.broken.sort_by_key(|found| found.first.run);
    result.skipped = total - result.counts.runs;
    result
}

fn play_batch<M: Model>(
    config: &M::Config,
    plan: &SimPlan,
    bugs: Bugs,
    checks: &Checks<M>,
    runs: std::ops::Range<u64>,
) -> Batch<M> {
    let mut batch = Batch {
        counts: RunCounts::default(),
        coverage: Coverage::new(crate::world::coverage_labels::<M>().len()),
        broken: BTreeMap::new(),
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
            json: run.is_multiple_of(plan.history_every.max(1) * JSON_EVERY_DEEP),
            faults: plan.faults,
            concurrency: plan.concurrency,
            checks,
        };
        if let Some(failure) = run_once(&spec, &mut batch.counts, &mut batch.coverage, &mut spare) {
            batch.counts.failed += 1;
            let failing = FailingRun { run, seed, failure };
            let name = &failing.failure.violation.invariant;
            match batch.broken.get_mut(name) {
                Some(found) => {
                    found.runs += 1;
                    found.last = Some(failing);
                }
                None => {
                    let found = Broken {
                        invariant: name.clone(),
                        runs: 1,
                        first: failing,
                        last: None,
                    };
                    batch.broken.insert(found.invariant.clone(), found);
                }
            }
        }
    }
    batch
}
