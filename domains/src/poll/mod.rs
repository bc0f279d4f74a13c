//! The poll: the voting example from the event-sourcing literature.
//!
//! The event stream records every vote as cast, typos and second votes included: the stream
//! is the truth. What counts is decided by projections over it: the raw tally, one ballot per
//! voter, and that ballot only when it names an offered choice. Votes after `StopVoting` are
//! refused.

mod action;
mod apply;
mod bot;
mod bugs;
mod coverage;
mod decide;
mod event;
#[cfg(test)]
mod fuzz_tests;
mod invariants;
mod projections;
#[cfg(test)]
mod property_tests;
mod state;
mod voter_set;

pub use action::{Choice, MAX_CHOICES, PollAction, Voter};
pub use bugs::{BUGS, MISSPELLING_COUNTS_AS_VALID, SECOND_VOTE_COUNTS, VOTE_AFTER_CLOSE_ACCEPTED};
pub use decide::PollReject;
pub use event::PollEvent;
pub use projections::{Ballots, PollViews, RawTally, ValidTally, first_votes};
pub use state::{Phase, PollState};
pub use voter_set::VoterSet;

use rewind::{Bug, Bugs, Choices, Coverage, Domain, Env, Invariant, Model};

/// The poll domain: implements [`Domain`] (the rules) and [`Model`] (how to test them).
pub struct Poll;

impl Domain for Poll {
    const NAME: &'static str = "poll";
    const SCHEMA: u32 = 1;

    type Config = ();
    type State = PollState;
    type Action = PollAction;
    type Event = PollEvent;
    type Reject = PollReject;

    fn initial(_config: &(), bugs: Bugs) -> PollState {
        PollState::new(bugs)
    }

    fn decide(
        state: &PollState,
        action: &PollAction,
        env: &mut Env,
        out: &mut Vec<PollEvent>,
    ) -> Result<(), PollReject> {
        decide::decide(state, action, env, out)
    }

    fn apply(state: &mut PollState, event: &PollEvent) {
        apply::apply(state, event);
    }
}

impl Model for Poll {
    type Projections = PollViews;

    const ACTION_KINDS: &'static [&'static str] = PollAction::KINDS;
    const COVERAGE: &'static [&'static str] = coverage::LABELS;
    const BUGS: &'static [Bug] = BUGS;

    fn projections(_config: &(), bugs: Bugs) -> PollViews {
        PollViews::new(bugs)
    }

    fn next_action(state: &PollState, choices: &mut dyn Choices) -> PollAction {
        bot::next_action(state, choices)
    }

    fn action_kind(action: &PollAction) -> usize {
        action.kind()
    }

    fn invariants() -> &'static [Invariant<Self>] {
        invariants::INVARIANTS
    }

    fn rename_ids(action: &mut PollAction, rename: &mut dyn FnMut(&'static str, u64) -> u64) {
        if let PollAction::Vote { voter, .. } = action {
            rewind::rename_id(voter, "voter", rename);
        }
    }

    fn shrink_action(action: &PollAction) -> Vec<PollAction> {
        action.simpler()
    }

    fn cover(state: &PollState, event: &PollEvent, coverage: &mut Coverage) {
        coverage::cover(state, event, coverage);
    }
}
