//! Whole harness runs end to end (bot, dispatch, invariants after every dispatch, history
//! checks), on one and two threads.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rewind_domains::accounts::Accounts;
use rewind_domains::payments::Payments;
use rewind_domains::poker::Poker;
use rewind_domains::poll::Poll;
use rewind_domains::subscriptions::Subscriptions;
use rewind_engine::{Bugs, Model};
use rewind_harness::check::Checks;
use rewind_harness::sim::{DEFAULT_HISTORY_EVERY, SimPlan, simulate};

const RUNS: u64 = 2_000;
const STEPS: usize = 100;

fn domain<M: Model>(c: &mut Criterion) {
    let plan = |jobs| SimPlan {
        seed: 3,
        first_run: 0,
        end_run: RUNS,
        steps: STEPS,
        jobs,
        swarm: false,
        history_every: DEFAULT_HISTORY_EVERY,
        faults: true,
        concurrency: true,
        fail_fast: false,
    };
    let checks = Checks::all();
    let dispatches = simulate::<M>(
        &M::Config::default(),
        &plan(1),
        Bugs::NONE,
        &checks,
        &|_| {},
    )
    .counts
    .dispatches;
    let mut group = c.benchmark_group(format!("sim/{}", M::NAME));
    group.throughput(Throughput::Elements(dispatches));
    group.sample_size(20);
    for jobs in [1, 2] {
        group.bench_function(format!("{jobs} thread(s)"), |b| {
            b.iter(|| {
                simulate::<M>(
                    &M::Config::default(),
                    &plan(jobs),
                    Bugs::NONE,
                    &checks,
                    &|_| {},
                )
                .counts
                .dispatches
            })
        });
    }
    group.finish();
}

fn sim(c: &mut Criterion) {
    domain::<Poll>(c);
    domain::<Payments>(c);
    domain::<Accounts>(c);
    domain::<Subscriptions>(c);
    domain::<Poker>(c);
}

criterion_group!(benches, sim);
criterion_main!(benches);
