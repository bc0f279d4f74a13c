//! Actions per second through `Engine::dispatch`: with every invariant, with those the
//! step's events touch (`Model::touches`, as a simulation checks), and without any,
//! replaying action lists the bot played (so the bot's own cost is left out).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rewind_benches::{Checking, bot_runs, dispatch_runs};
use rewind_domains::accounts::Accounts;
use rewind_domains::payments::Payments;
use rewind_domains::poker::Poker;
use rewind_domains::poll::Poll;
use rewind_domains::subscriptions::Subscriptions;
use rewind_engine::Model;

const RUNS: usize = 1_000;
const STEPS: usize = 100;

fn domain<M: Model>(c: &mut Criterion) {
    let runs = bot_runs::<M>(RUNS, STEPS, 5);
    let dispatches = runs.iter().map(Vec::len).sum::<usize>() as u64;
    let mut group = c.benchmark_group(format!("dispatch/{}", M::NAME));
    group.throughput(Throughput::Elements(dispatches));
    group.bench_function("with invariants", |b| {
        b.iter(|| dispatch_runs::<M>(black_box(&runs), 5, Checking::Everything))
    });
    group.bench_function("with the invariants its events touch", |b| {
        b.iter(|| dispatch_runs::<M>(black_box(&runs), 5, Checking::Touched))
    });
    group.bench_function("without invariants", |b| {
        b.iter(|| dispatch_runs::<M>(black_box(&runs), 5, Checking::Nothing))
    });
    group.finish();
}

fn dispatch(c: &mut Criterion) {
    domain::<Poll>(c);
    domain::<Payments>(c);
    domain::<Accounts>(c);
    domain::<Subscriptions>(c);
    domain::<Poker>(c);
}

criterion_group!(benches, dispatch);
criterion_main!(benches);
