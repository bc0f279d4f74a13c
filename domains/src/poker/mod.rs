//! No-Limit Hold'em cash-game table: 2 to 9 seats, integer chips, blinds and optional antes,
//! side pots, and a fast 7-card evaluator ([`eval`]).
//!
//! Players are known by their seat. `decide` validates an action, emits its events and lets
//! the dealer move the hand along (next street, showdown, next hand) in the same dispatch.

pub mod action;
mod apply;
pub mod bot;
pub mod bugs;
pub mod cards;
pub mod config;
mod coverage;
mod dealer;
mod decide;
mod describe;
pub mod eval;
pub mod event;
mod invariants;
pub mod ledger;
mod payout_checks;
pub mod positions;
pub mod reject;
pub mod showdown;
pub mod state;
mod table_checks;
mod touches;
pub mod view;

pub use action::PokerAction;
pub use config::TableConfig;
pub use event::{Blind, Commit, PokerEvent, Street};
pub use ledger::HandLedger;
pub use reject::PokerReject;
pub use state::{NO_SEAT, Phase, PokerState};
pub use view::{TableView, view};

use rewind::{Bug, Bugs, Choices, Coverage, Domain, Env, Invariant, Model, Touched};

/// The poker domain.
pub struct Poker;

impl Domain for Poker {
    const NAME: &'static str = "poker";
    const SCHEMA: u32 = 1;

    type Config = TableConfig;
    type State = PokerState;
    type Action = PokerAction;
    type Event = PokerEvent;
    type Reject = PokerReject;

    fn check_config(config: &TableConfig) -> Result<(), String> {
        config.check()
    }

    fn initial(config: &TableConfig, bugs: Bugs) -> PokerState {
        PokerState::new(*config, bugs)
    }

    fn decide(
        state: &PokerState,
        action: &PokerAction,
        env: &mut Env,
        out: &mut Vec<PokerEvent>,
    ) -> Result<(), PokerReject> {
        decide::decide(state, action, env, out)
    }

    fn execute(
        state: &mut PokerState,
        action: &PokerAction,
        env: &mut Env,
        out: &mut Vec<PokerEvent>,
    ) -> Result<(), PokerReject> {
        decide::execute(state, action, env, out)
    }

    fn apply(state: &mut PokerState, event: &PokerEvent) {
        apply::apply(state, event);
    }
}

impl Model for Poker {
    type Projections = HandLedger;

    const ACTION_KINDS: &'static [&'static str] = PokerAction::KINDS;
    const COVERAGE: &'static [&'static str] = coverage::COVERAGE;
    const BUGS: &'static [Bug] = bugs::BUGS;

    fn projections(_: &TableConfig, _: Bugs) -> HandLedger {
        HandLedger::default()
    }

    fn next_action(state: &PokerState, choices: &mut dyn Choices) -> PokerAction {
        bot::next_action(state, choices)
    }

    fn action_kind(action: &PokerAction) -> usize {
        action.kind()
    }

    fn invariants() -> &'static [Invariant<Self>] {
        &invariants::INVARIANTS
    }

    const CHECKS_TOUCHED_ONLY: bool = true;

    fn touches(event: &PokerEvent) -> Touched {
        touches::touches(event)
    }

    fn shrink_action(action: &PokerAction) -> Vec<PokerAction> {
        action.simpler()
    }

    fn rename_ids(action: &mut PokerAction, rename: &mut dyn FnMut(&'static str, u64) -> u64) {
        rewind::rename_id(action.seat_mut(), "seat", rename);
    }

    fn cover(state: &PokerState, event: &PokerEvent, coverage: &mut Coverage) {
        coverage::cover(state, event, coverage);
    }

    fn describe(state: &PokerState) -> String {
        describe::describe(state)
    }

    fn describe_event(event: &PokerEvent) -> String {
        describe::describe_event(event)
    }

    fn describe_projections(ledger: &HandLedger) -> String {
        describe::describe_ledger(ledger)
    }
}
#[cfg(test)]
mod invariant_tests;
#[cfg(test)]
mod sim_tests;
