//! Shared set-up for the benchmarks: recorded histories to replay and action lists to dispatch,
//! all made from fixed seeds so every run measures the same work.

use rewind_domains::ShortName;
use rewind_domains::poll::{PollEvent, PollState};
use rewind_engine::{Bugs, Choices, Engine, Model, Projection, RandomChoices, SeededRng};

/// A poll's event log of `votes` votes: opened with four choices, then votes from 10,000
/// voters, one in twenty a misspelling. (The bot closes its polls within a hundred steps, so
/// long poll histories are made here rather than played.)
pub fn poll_events(votes: usize, seed: u64) -> Vec<PollEvent> {
    let offered = ["tea", "coffee", "cocoa", "juice"].map(ShortName::of);
    let misspelled = ShortName::of("cofee");
    let mut rng = SeededRng::new(seed, 0);
    let mut events = Vec::with_capacity(votes + 1);
    events.push(PollEvent::PollOpened {
        choices: offered.to_vec(),
    });
    for _ in 0..votes {
        let choice = if rng.below(20) == 0 {
            misspelled
        } else {
            offered[rng.below(4) as usize]
        };
        events.push(PollEvent::VoteCast {
            voter: 1 + rng.below(10_000),
            choice,
        });
    }
    events
}

/// The hand-written fold a programmer would write over the same events without rewind,
/// rebuilding the same facts `Poll::apply` does (phase, choices, votes, votes at close): the
/// practical limit for event replay.
pub fn poll_fold_by_hand(events: &[PollEvent]) -> HandFolded {
    let mut folded = HandFolded::default();
    for event in events {
        match event {
            PollEvent::PollOpened { choices } => {
                folded.open = true;
                folded.choices.clone_from(choices);
            }
            PollEvent::VoteCast { .. } => folded.votes += 1,
            PollEvent::VotingStopped => {
                folded.open = false;
                folded.votes_at_close = Some(folded.votes);
            }
        }
    }
    folded
}

/// What [`poll_fold_by_hand`] rebuilds.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HandFolded {
    pub open: bool,
    pub choices: Vec<ShortName>,
    pub votes: u64,
    pub votes_at_close: Option<u64>,
}

/// What `Engine::replay_events` rebuilt, in the hand fold's terms, to check both agree.
pub fn poll_summary(state: &PollState) -> HandFolded {
    HandFolded {
        open: state.phase == rewind_domains::poll::Phase::Open,
        choices: state.choices.clone(),
        votes: state.votes_cast,
        votes_at_close: state.votes_at_close,
    }
}

/// One long history of at least `events` events, played by `M`'s bot from `seed` in one
/// engine (bounded at ten steps per event wanted), for the replay benchmarks.
///
/// # Panics
/// When the bot cannot make that many events within the bound.
pub fn long_history<M: Model>(events: usize, seed: u64) -> Vec<M::Event> {
    let mut engine = Engine::<M>::new(M::Config::default(), seed, Bugs::NONE);
    let mut choices = RandomChoices::new(seed);
    for _ in 0..events.saturating_mul(10) {
        if engine.events().len() >= events {
            return engine.events().to_vec();
        }
        let action = M::next_action(engine.state(), &mut choices as &mut dyn Choices);
        let _ = engine.dispatch(action);
    }
    panic!(
        "{}'s bot made {} of {events} events within the bound",
        M::NAME,
        engine.events().len()
    );
}

/// `count` actions the bot of `M` plays from `seed`, in runs of `steps` (each from a fresh
/// engine), as the dispatch benchmark replays them.
pub fn bot_runs<M: Model>(runs: usize, steps: usize, seed: u64) -> Vec<Vec<M::Action>> {
    (0..runs as u64)
        .map(|run| {
            let seed = rewind_engine::run_seed(seed, run);
            let mut engine = Engine::<M>::new(M::Config::default(), seed, Bugs::NONE);
            let mut choices = RandomChoices::new(seed);
            for _ in 0..steps {
                let action = M::next_action(engine.state(), &mut choices as &mut dyn Choices);
                let _ = engine.dispatch(action);
            }
            engine.actions().to_vec()
        })
        .collect()
}

/// Which invariants a dispatch benchmark checks after each dispatch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checking {
    /// None: bare dispatch.
    Nothing,
    /// Every invariant after every dispatch.
    Everything,
    /// Those the step's events touch, as a simulation's run does (`Model::touches`; every
    /// one for a domain that declares nothing).
    Touched,
}

/// Dispatches every run's actions on a fresh engine (run `i` seeded from `seed` and `i`),
/// folding the projections and making the checks `checking` asks for; returns how many
/// actions were dispatched.
pub fn dispatch_runs<M: Model>(runs: &[Vec<M::Action>], seed: u64, checking: Checking) -> u64 {
    let checks = rewind_harness::check::Checks::<M>::all();
    let mut dispatched = 0;
    for (run, actions) in runs.iter().enumerate() {
        let seed = rewind_engine::run_seed(seed, run as u64);
        let mut engine = Engine::<M>::new(M::Config::default(), seed, Bugs::NONE);
        engine.reserve(actions.len());
        let mut views = M::projections(&M::Config::default(), Bugs::NONE);
        for (step, action) in actions.iter().enumerate() {
            let appended = engine.dispatch(action.clone()).unwrap_or(0..0);
            if checking == Checking::Nothing {
                dispatched += 1;
                continue;
            }
            let events = &engine.events()[appended];
            for event in events {
                views.fold(event);
            }
            let found = match checking {
                Checking::Touched => {
                    checks.touched_invariants(engine.state(), &views, step, events)
                }
                _ => checks.invariants(engine.state(), &views, step),
            };
            assert_eq!(found, None, "an invariant broke");
            dispatched += 1;
        }
    }
    dispatched
}
