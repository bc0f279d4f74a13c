//! tickets: a box office, tested with rewind from outside rewind's own workspace, as a
//! user's crate would be.
//!
//! Promoters put shows on sale (a hall of so many seats, a price per seat). Customers hold
//! seats, which the box office keeps for a few ticks of logical time while they pay; a group
//! of six or more pays ten percent less. A paid booking can be cancelled for a full refund,
//! or some of its seats returned. A timer releases holds that ran out, and a promoter can
//! call a show off, which refunds everyone. Every change is an event; the state is their
//! fold.
//!
//! The rules carry four defects, as written; each `fix-*` feature fixes one (see README.md).

mod action;
mod apply;
mod bot;
mod coverage;
mod decide;
mod event;
mod invariants;
mod reject;
mod state;
#[cfg(test)]
mod tests;

pub use action::{
    BookingId, BoxOfficeAction, Cents, CustomerId, GROUP_DISCOUNT_PERCENT, GROUP_SEATS, HOLD_TICKS,
    MAX_BOOKINGS, MAX_CAPACITY, MAX_PRICE, MAX_SEATS, MAX_SHOWS, PaymentRef, ShowId,
};
pub use bot::PRICES;
pub use event::BoxOfficeEvent;
pub use reject::BoxOfficeReject;
pub use state::{Booking, BoxOfficeState, Show, Status};

use rewind::{Bugs, Choices, Coverage, Domain, Env, Invariant, Model};

/// The box office domain: implements [`Domain`] (the rules) and [`Model`] (how to test them).
pub struct BoxOffice;

impl Domain for BoxOffice {
    const NAME: &'static str = "tickets";
    const SCHEMA: u32 = 1;

    type Config = ();
    type State = BoxOfficeState;
    type Action = BoxOfficeAction;
    type Event = BoxOfficeEvent;
    type Reject = BoxOfficeReject;

    fn initial(_config: &(), _bugs: Bugs) -> BoxOfficeState {
        BoxOfficeState::default()
    }

    fn decide(
        state: &BoxOfficeState,
        action: &BoxOfficeAction,
        env: &mut Env,
        out: &mut Vec<BoxOfficeEvent>,
    ) -> Result<(), BoxOfficeReject> {
        decide::decide(state, action, env, out)
    }

    fn apply(state: &mut BoxOfficeState, event: &BoxOfficeEvent) {
        apply::apply(state, event);
    }
}

impl Model for BoxOffice {
    type Projections = ();

    const ACTION_KINDS: &'static [&'static str] = BoxOfficeAction::KINDS;
    const COVERAGE: &'static [&'static str] = coverage::LABELS;

    fn projections(_config: &(), _bugs: Bugs) {}

    fn next_action(state: &BoxOfficeState, choices: &mut dyn Choices) -> BoxOfficeAction {
        bot::next_action(state, choices)
    }

    fn action_kind(action: &BoxOfficeAction) -> usize {
        action.kind()
    }

    fn invariants() -> &'static [Invariant<Self>] {
        invariants::INVARIANTS
    }

    fn shrink_action(action: &BoxOfficeAction) -> Vec<BoxOfficeAction> {
        action.simpler()
    }

    fn rename_ids(action: &mut BoxOfficeAction, rename: &mut dyn FnMut(&'static str, u64) -> u64) {
        action.rename_ids(rename);
    }

    fn cover(state: &BoxOfficeState, event: &BoxOfficeEvent, coverage: &mut Coverage) {
        coverage::cover(state, event, coverage);
    }
}
