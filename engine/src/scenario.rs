//! Given/when/then rule tests: the way every domain's rules are written down and checked.
//!
//! ```text
//! Scenario::<Poll>::new()
//!     .given([PollEvent::Opened { choices }])
//!     .when(PollAction::StopVoting)
//!     .then_events([PollEvent::Closed]);
//! ```
//!
//! A step's randomness can be scripted (`when_drawing(action, [Draw::Order(deck)])`), so a
//! rule that needs a rigged deck is written with the dealer's own code rather than with
//! hand-built dealing events. A scripted step must draw what was scripted, in order (it
//! may draw more after it, from the seed), or the scenario fails saying what it drew.

use std::fmt::Debug;

use crate::{BugId, Bugs, Domain, Draw, Engine, Refusal};

/// The "given" part: a history to start from. `Clone`, so one table can be continued two
/// ways and the outcomes compared.
pub struct Scenario<D: Domain> {
    config: D::Config,
    seed: u64,
    bugs: Bugs,
    given: Vec<D::Event>,
    given_actions: Vec<(D::Action, Vec<Draw>)>,
}

// Written out rather than derived, so the domain's marker type need not be `Clone`.
impl<D: Domain> Clone for Scenario<D> {
    fn clone(&self) -> Self {
        Scenario {
            config: self.config.clone(),
            seed: self.seed,
            bugs: self.bugs,
            given: self.given.clone(),
            given_actions: self.given_actions.clone(),
        }
    }
}

impl<D: Domain> Default for Scenario<D> {
    fn default() -> Self {
        Scenario {
            config: D::Config::default(),
            seed: 0,
            bugs: Bugs::NONE,
            given: Vec::new(),
            given_actions: Vec::new(),
        }
    }
}

impl<D: Domain> Scenario<D> {
    /// No history, the default config, seed 0, no bug planted.
    pub fn new() -> Self {
        Self::default()
    }

    /// Plays on `config` instead of the default.
    pub fn config(mut self, config: D::Config) -> Self {
        self.config = config;
        self
    }

    /// The seed of the `Env` (default 0).
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Plants a bug, to show what the rules do with it switched on.
    pub fn planted(mut self, bug: BugId) -> Self {
        self.bugs = self.bugs.with(bug);
        self
    }

    /// Events that already happened.
    pub fn given(mut self, events: impl IntoIterator<Item = D::Event>) -> Self {
        self.given.extend(events);
        self
    }

    /// Actions dispatched after the given events, each of which must be accepted.
    pub fn given_actions(mut self, actions: impl IntoIterator<Item = D::Action>) -> Self {
        self.given_actions
            .extend(actions.into_iter().map(|action| (action, Vec::new())));
        self
    }

    /// A given action whose randomness is scripted: it must be accepted and draw `draws`
    /// first (the poker action that deals a hand, with the deck rigged).
    pub fn given_action_drawing(
        mut self,
        action: D::Action,
        draws: impl IntoIterator<Item = Draw>,
    ) -> Self {
        self.given_actions
            .push((action, draws.into_iter().collect()));
        self
    }

    /// Dispatches `action` against the given history.
    #[track_caller]
    pub fn when(self, action: D::Action) -> Then<D> {
        self.when_drawing(action, [])
    }

    /// Dispatches `action` against the given history with its randomness scripted: it must
    /// draw `draws` first.
    #[track_caller]
    pub fn when_drawing(self, action: D::Action, draws: impl IntoIterator<Item = Draw>) -> Then<D> {
        let mut engine = Engine::resume(self.config, self.seed, self.bugs, self.given);
        for (index, (given, draws)) in self.given_actions.into_iter().enumerate() {
            if let Err(refusal) = engine.dispatch_scripted(given.clone(), &draws) {
                panic!("given action #{index} {given:?} was refused: {refusal}");
            }
            drew_as_scripted(&engine, &given, &draws);
        }
        Then::dispatch(engine, action, draws.into_iter().collect())
    }
}

/// Fails the scenario when the last step's first draws are not what was scripted for it: a
/// rigged deck that was never dealt, or a number out of the range drawn, is a mistake in the
/// test, not something to pass over.
#[track_caller]
fn drew_as_scripted<D: Domain>(engine: &Engine<D>, action: &D::Action, scripted: &[Draw]) {
    if scripted.is_empty() {
        return;
    }
    let drew = engine.step_draws(engine.steps() - 1);
    if !drew.starts_with(scripted) {
        panic!(
            "{action:?} was scripted to draw {scripted:?}\nbut drew {drew:?} (a shuffle of \
             another length, a number out of range, or draws the step never made)"
        );
    }
}

/// The "then" part: assertions on what one action did. `Clone`, to continue one outcome two
/// ways.
pub struct Then<D: Domain> {
    engine: Engine<D>,
    action: D::Action,
    outcome: Result<Vec<D::Event>, Refusal<D::Reject>>,
}

impl<D: Domain> Clone for Then<D> {
    fn clone(&self) -> Self {
        Then {
            engine: self.engine.clone(),
            action: self.action.clone(),
            outcome: self.outcome.clone(),
        }
    }
}

impl<D: Domain> Then<D> {
    #[track_caller]
    fn dispatch(mut engine: Engine<D>, action: D::Action, draws: Vec<Draw>) -> Self {
        let outcome = engine
            .dispatch_scripted(action.clone(), &draws)
            .map(|range| engine.events()[range].to_vec());
        drew_as_scripted(&engine, &action, &draws);
        Then {
            engine,
            action,
            outcome,
        }
    }

    /// Asserts the action was accepted and emitted exactly `expected`, in order.
    #[track_caller]
    pub fn then_events(self, expected: impl IntoIterator<Item = D::Event>) -> Self {
        let expected: Vec<D::Event> = expected.into_iter().collect();
        match &self.outcome {
            Ok(events) if *events == expected => {}
            Ok(events) => panic!(
                "when {:?}\nexpected events:\n{}\nbut got:\n{}",
                self.action,
                listing(&expected),
                listing(events)
            ),
            Err(refusal) => panic!(
                "when {:?}\nexpected events:\n{}\nbut it was refused: {refusal}",
                self.action,
                listing(&expected)
            ),
        }
        self
    }

    /// Asserts the action was accepted and emitted no event (a no-op command).
    #[track_caller]
    pub fn then_nothing(self) -> Self {
        self.then_events([])
    }

    /// Asserts the action was refused by `decide` with exactly `expected`.
    #[track_caller]
    pub fn then_reject(self, expected: D::Reject) -> Self {
        match &self.outcome {
            Err(Refusal::Rejected(reason)) if *reason == expected => {}
            Err(other) => panic!(
                "when {:?}\nexpected the reject {expected:?}\nbut it was refused with {other:?}",
                self.action
            ),
            Ok(events) => panic!(
                "when {:?}\nexpected the reject {expected:?}\nbut it was accepted with:\n{}",
                self.action,
                listing(events)
            ),
        }
        self
    }

    /// Asserts the action was refused in any way (for hostile input where the reason varies).
    #[track_caller]
    pub fn then_refused(self) -> Self {
        if let Ok(events) = &self.outcome {
            panic!(
                "when {:?}\nexpected a refusal but it was accepted with:\n{}",
                self.action,
                listing(events)
            );
        }
        self
    }

    /// Runs `check` on the state after the action (it asserts what it needs).
    #[track_caller]
    pub fn and_state(self, check: impl FnOnce(&D::State)) -> Self {
        check(self.engine.state());
        self
    }

    /// Continues the story: dispatches another action after this one.
    #[track_caller]
    pub fn when(self, action: D::Action) -> Then<D> {
        Then::dispatch(self.engine, action, Vec::new())
    }

    /// Continues the story with an action whose randomness is scripted.
    #[track_caller]
    pub fn when_drawing(self, action: D::Action, draws: impl IntoIterator<Item = Draw>) -> Then<D> {
        Then::dispatch(self.engine, action, draws.into_iter().collect())
    }

    /// The engine after the action, with its whole history.
    pub fn engine(&self) -> &Engine<D> {
        &self.engine
    }

    /// The state after the action.
    pub fn state(&self) -> &D::State {
        self.engine.state()
    }

    /// The events emitted, or the refusal.
    pub fn outcome(&self) -> &Result<Vec<D::Event>, Refusal<D::Reject>> {
        &self.outcome
    }
}

fn listing<E: Debug>(events: &[E]) -> String {
    if events.is_empty() {
        return "  (no events)".to_string();
    }
    events
        .iter()
        .map(|event| format!("  {event:?}"))
        .collect::<Vec<_>>()
        .join("\n")
}
