//! shop: an e-commerce order, the running example of the event-sourcing literature, tested
//! with rewind from outside rewind's own workspace, as a user's crate would be.
//!
//! A shopper fills a cart (items added and removed, at most eight SKUs), checks out by paying
//! the exact total in cents, and the order ships and is delivered. It can be cancelled, with
//! a full refund, until it ships. Every change is an event; the state is their fold.

mod action;
mod apply;
mod bot;
mod bugs;
mod coverage;
mod decide;
mod event;
mod invariants;
mod reject;
mod state;
#[cfg(test)]
mod tests;

pub use action::{Cents, MAX_LINES, MAX_QUANTITY, MAX_SKU, MAX_UNIT_PRICE, OrderAction, Sku};
pub use bot::{CATALOG, list_price};
pub use bugs::{BUGS, REMOVE_KEEPS_LINE_TOTAL, SHIP_BEFORE_PAYMENT};
pub use event::OrderEvent;
pub use reject::OrderReject;
pub use state::{Line, OrderState, Phase};

use rewind::{Bug, Bugs, Choices, Coverage, Domain, Env, Invariant, Model};

/// The order domain: implements [`Domain`] (the rules) and [`Model`] (how to test them).
pub struct Order;

impl Domain for Order {
    const NAME: &'static str = "order";
    const SCHEMA: u32 = 1;

    type Config = ();
    type State = OrderState;
    type Action = OrderAction;
    type Event = OrderEvent;
    type Reject = OrderReject;

    fn initial(_config: &(), bugs: Bugs) -> OrderState {
        OrderState::new(bugs)
    }

    fn decide(
        state: &OrderState,
        action: &OrderAction,
        env: &mut Env,
        out: &mut Vec<OrderEvent>,
    ) -> Result<(), OrderReject> {
        decide::decide(state, action, env, out)
    }

    fn apply(state: &mut OrderState, event: &OrderEvent) {
        apply::apply(state, event);
    }
}

impl Model for Order {
    type Projections = ();

    const ACTION_KINDS: &'static [&'static str] = OrderAction::KINDS;
    const COVERAGE: &'static [&'static str] = coverage::LABELS;
    const BUGS: &'static [Bug] = BUGS;

    fn projections(_config: &(), _bugs: Bugs) {}

    fn next_action(state: &OrderState, choices: &mut dyn Choices) -> OrderAction {
        bot::next_action(state, choices)
    }

    fn action_kind(action: &OrderAction) -> usize {
        action.kind()
    }

    fn invariants() -> &'static [Invariant<Self>] {
        invariants::INVARIANTS
    }

    fn shrink_action(action: &OrderAction) -> Vec<OrderAction> {
        action.simpler()
    }

    fn cover(state: &OrderState, event: &OrderEvent, coverage: &mut Coverage) {
        coverage::cover(state, event, coverage);
    }
}
