//! rewind beside its peers, in the same run:
//! - proptest-state-machine driving the same poll (reference model + system under test):
//!   steps per second on the correct rules, and time to find a planted bug, against
//!   `rewind hunt`'s way of finding it;
//! - cqrs-es folding the same event log through its `Aggregate::apply`, against rewind's
//!   event replay.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use cqrs_es::event_sink::EventSink;
use cqrs_es::{Aggregate, DomainEvent};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use proptest_state_machine::{ReferenceStateMachine, StateMachineTest};
use rewind_benches::poll_events;
use rewind_domains::ShortName;
use rewind_domains::poll::{Phase, Poll, PollAction, PollEvent, PollViews, SECOND_VOTE_COUNTS};
use rewind_engine::{Bug, Bugs, Engine, Model, Projection};
use serde::{Deserialize, Serialize};

// ---- proptest-state-machine ---------------------------------------------------------------

const WORDS: [&str; 4] = ["tea", "coffee", "cocoa", "cofee"];

/// The reference model: what a poll should be, in proptest-state-machine's terms.
struct PollReference;

impl ReferenceStateMachine for PollReference {
    type State = Phase;
    type Transition = PollAction;

    fn init_state() -> BoxedStrategy<Phase> {
        Just(Phase::NotOpen).boxed()
    }

    fn transitions(_state: &Phase) -> BoxedStrategy<PollAction> {
        let word = proptest::sample::select(WORDS.to_vec()).prop_map(ShortName::of);
        prop_oneof![
            2 => proptest::collection::vec(word.clone(), 1..4).prop_map(|mut choices| {
                choices.dedup();
                PollAction::OpenPoll { choices }
            }),
            20 => (1u32..24, word).prop_map(|(voter, choice)| PollAction::Vote { voter, choice }),
            1 => Just(PollAction::StopVoting),
        ]
        .boxed()
    }

    fn apply(state: Phase, transition: &PollAction) -> Phase {
        match (state, transition) {
            (Phase::NotOpen, PollAction::OpenPoll { .. }) => Phase::Open,
            (Phase::Open, PollAction::StopVoting) => Phase::Closed,
            (phase, _) => phase,
        }
    }
}

/// Which bug the system under test plants (a bench sets it before running).
static PLANTED: std::sync::Mutex<Bugs> = std::sync::Mutex::new(Bugs::NONE);

/// The system under test: rewind's poll engine with its projections.
struct PollUnderTest;

impl StateMachineTest for PollUnderTest {
    type SystemUnderTest = (Engine<Poll>, PollViews);
    type Reference = PollReference;

    fn init_test(_reference: &Phase) -> Self::SystemUnderTest {
        let bugs = *PLANTED.lock().expect("not poisoned");
        (Engine::new((), 0, bugs), Poll::projections(&(), bugs))
    }

    fn apply(
        mut sut: Self::SystemUnderTest,
        _reference: &Phase,
        transition: PollAction,
    ) -> Self::SystemUnderTest {
        if let Ok(range) = sut.0.dispatch(transition) {
            for event in &sut.0.events()[range] {
                sut.1.fold(event);
            }
        }
        sut
    }

    fn check_invariants(sut: &Self::SystemUnderTest, _reference: &Phase) {
        for invariant in Poll::invariants() {
            if let Err(message) = (invariant.check)(sut.0.state(), &sut.1) {
                panic!("{}: {message}", invariant.name);
            }
        }
    }
}

/// Runs `cases` proptest-state-machine cases of up to 100 transitions; Err when one failed
/// (after proptest's shrinking).
fn run_proptest(cases: u32, seed: u8) -> Result<(), String> {
    let config = Config {
        cases,
        failure_persistence: None,
        verbose: 0,
        ..Config::default()
    };
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]);
    let mut runner = TestRunner::new_with_rng(config.clone(), rng);
    let strategy = PollReference::sequential_strategy(1..100);
    runner
        .run(
            &strategy,
            |(reference, transitions, seen): (Phase, Vec<PollAction>, Option<Arc<AtomicUsize>>)| {
                PollUnderTest::test_sequential(config.clone(), reference, transitions, seen);
                Ok(())
            },
        )
        .map_err(|error| error.to_string())
}

fn state_machine(c: &mut Criterion) {
    const CASES: u32 = 200;
    *PLANTED.lock().expect("not poisoned") = Bugs::NONE;
    let mut group = c.benchmark_group("peers/proptest-state-machine poll");
    group.sample_size(10);
    // Each case is up to 100 transitions (about 50 on average): the throughput is in cases.
    group.throughput(Throughput::Elements(u64::from(CASES)));
    group.bench_function("200 cases, correct rules", |b| {
        b.iter(|| assert!(run_proptest(CASES, 1).is_ok()))
    });
    group.finish();

    let bug: &Bug = &Poll::BUGS[SECOND_VOTE_COUNTS.0 as usize];
    let mut group = c.benchmark_group("peers/find second_vote_counts, shrinking included");
    group.sample_size(10);
    *PLANTED.lock().expect("not poisoned") = Bugs::NONE.with(SECOND_VOTE_COUNTS);
    group.bench_function("proptest-state-machine", |b| {
        b.iter(|| {
            // proptest-state-machine reports a broken invariant by panicking, once per
            // shrinking step; the default hook would print each of those expected panics.
            let default_hook = std::panic::take_hook();
            std::panic::set_hook(Box::new(|_| {}));
            let outcome = run_proptest(10_000, 2);
            std::panic::set_hook(default_hook);
            assert!(
                outcome.is_err(),
                "proptest-state-machine missed the planted bug"
            )
        })
    });
    *PLANTED.lock().expect("not poisoned") = Bugs::NONE;
    group.bench_function("rewind hunt", |b| {
        b.iter(|| assert!(rewind_harness::hunt::hunt::<Poll>(bug, 2, 100_000, 100).found))
    });
    group.finish();
}

// ---- cqrs-es ------------------------------------------------------------------------------

/// The poll event, as cqrs-es wants it (the orphan rule needs a local type).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct CqrsPollEvent(PollEvent);

impl DomainEvent for CqrsPollEvent {
    fn event_type(&self) -> String {
        "poll".to_string()
    }

    fn event_version(&self) -> String {
        "1".to_string()
    }
}

/// The same calculator as `Poll::apply`, as a cqrs-es aggregate.
#[derive(Default, Serialize, Deserialize)]
struct PollAggregate {
    open: bool,
    choices: Vec<ShortName>,
    votes: u64,
}

#[derive(Debug)]
struct Refused;

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("refused")
    }
}

impl std::error::Error for Refused {}

impl Aggregate for PollAggregate {
    const TYPE: &'static str = "poll";
    type Command = PollAction;
    type Event = CqrsPollEvent;
    type Error = Refused;
    type Services = ();

    async fn handle(
        &mut self,
        _command: PollAction,
        _services: &(),
        _sink: &EventSink<Self>,
    ) -> Result<(), Refused> {
        Err(Refused)
    }

    fn apply(&mut self, event: CqrsPollEvent) {
        match event.0 {
            PollEvent::PollOpened { choices } => {
                self.open = true;
                self.choices = choices;
            }
            PollEvent::VoteCast { .. } => self.votes += 1,
            PollEvent::VotingStopped => self.open = false,
        }
    }
}

fn cqrs(c: &mut Criterion) {
    let events = poll_events(1_000_000, 1);
    let wrapped: Vec<CqrsPollEvent> = events.iter().cloned().map(CqrsPollEvent).collect();
    let mut group = c.benchmark_group("peers/replay poll 1M events");
    group.throughput(Throughput::Elements(events.len() as u64));
    group.bench_function("cqrs-es Aggregate::apply", |b| {
        b.iter(|| {
            let mut aggregate = PollAggregate::default();
            for event in black_box(&wrapped) {
                aggregate.apply(event.clone());
            }
            aggregate.votes
        })
    });
    group.bench_function("rewind Engine::replay_events", |b| {
        b.iter(|| Engine::<Poll>::replay_events(&(), Bugs::NONE, black_box(&events)).votes_cast)
    });
    group.finish();
}

criterion_group!(benches, state_machine, cqrs);
criterion_main!(benches);
