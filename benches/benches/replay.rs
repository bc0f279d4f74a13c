//! Event replay: rebuilding state from a recorded log, against a hand-written fold over the
//! same `Vec` (the practical limit), and `Timeline::state_at` against a full replay.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rewind_benches::{long_history, poll_events, poll_fold_by_hand, poll_summary};
use rewind_domains::accounts::Accounts;
use rewind_domains::payments::Payments;
use rewind_domains::poker::Poker;
use rewind_domains::poll::Poll;
use rewind_domains::subscriptions::Subscriptions;
use rewind_engine::{Bugs, Engine, Timeline};

const EVENTS: usize = 1_000_000;
const LONG: usize = 10_000_000;

fn replay(c: &mut Criterion) {
    let events = poll_events(EVENTS, 1);
    assert_eq!(
        poll_summary(&Engine::<Poll>::replay_events(&(), Bugs::NONE, &events)),
        poll_fold_by_hand(&events)
    );
    let mut group = c.benchmark_group("replay/poll");
    group.throughput(Throughput::Elements(events.len() as u64));
    group.bench_function("rewind Engine::replay_events", |b| {
        b.iter(|| Engine::<Poll>::replay_events(&(), Bugs::NONE, black_box(&events)))
    });
    group.bench_function("hand-written fold", |b| {
        b.iter(|| poll_fold_by_hand(black_box(&events)))
    });
    group.finish();
}

/// A domain's own history replayed; `Engine::replay_events` is the loop a hand-written fold
/// over `apply` would be, so only poll (whose fold can be written without `apply`) has both.
fn replay_domain<D: rewind_engine::Model>(c: &mut Criterion) {
    let events = long_history::<D>(EVENTS, 1);
    let mut group = c.benchmark_group(format!("replay/{}", D::NAME));
    group.throughput(Throughput::Elements(events.len() as u64));
    group.bench_function("rewind Engine::replay_events", |b| {
        b.iter(|| Engine::<D>::replay_events(&D::Config::default(), Bugs::NONE, black_box(&events)))
    });
    group.finish();
}

fn replay_domains(c: &mut Criterion) {
    replay_domain::<Payments>(c);
    replay_domain::<Accounts>(c);
    replay_domain::<Subscriptions>(c);
    replay_domain::<Poker>(c);
}

fn timeline(c: &mut Criterion) {
    let events = poll_events(LONG, 2);
    let timeline = Timeline::<Poll>::new(&(), Bugs::NONE, events.clone(), 4096);
    let middle = LONG / 2 + 1234;
    assert_eq!(
        timeline.state_at(middle),
        Engine::<Poll>::replay_events(&(), Bugs::NONE, &events[..middle])
    );
    let mut group = c.benchmark_group("timeline/poll 10M events");
    group.sample_size(10);
    group.bench_function("state_at(n) with snapshots every 4096", |b| {
        b.iter(|| timeline.state_at(black_box(middle)))
    });
    group.bench_function("full replay to n", |b| {
        b.iter(|| Engine::<Poll>::replay_events(&(), Bugs::NONE, black_box(&events[..middle])))
    });
    group.finish();
}

criterion_group!(benches, replay, replay_domains, timeline);
criterion_main!(benches);
