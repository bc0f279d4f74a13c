//! payments: events, handlers and archivers.
//!
//! A payment holds one auth, captures and refunds. Creating one emits `PaymentCreated`; the
//! authoriser reactor sends the auth to a simulated provider, which approves, declines, times
//! out or holds it for a fraud check that a webhook settles later. Captures and refunds can
//! fail upstream too. The payment's status follows its parts through an explicit lifecycle,
//! the archiver freezes terminal payments, and a ledger projection keeps customer, merchant
//! and provider balances. `graph::dot` draws the flow from the domain's own declarations.

pub mod action;
pub mod apply;
pub mod bot;
pub mod bugs;
mod concurrency;
pub mod coverage;
pub mod decide;
pub mod event;
pub mod flow;
pub mod graph;
pub mod hostile;
pub mod invariants;
pub mod ledger;
pub mod lifecycle;
pub mod money;
pub mod provider;
pub mod react;
pub mod reject;
#[cfg(test)]
mod selfcheck;
pub mod settlement;
pub mod state;

use rewind::{
    Bug, Bugs, Choices, Coverage, Domain, Env, Faults, Invariant, Model, OnConflict, Stream,
};

pub use action::PaymentAction;
pub use bugs::{
    BUGS, CAPTURE_IGNORES_REFUNDS, CAPTURE_WITHOUT_AUTH, LEDGER_DROPS_FEE, REFUND_EXCEEDS_CAPTURE,
    WEBHOOK_REOPENS_SETTLED_AUTH,
};
pub use event::{IgnoredBecause, PaymentEvent};
pub use ledger::Ledger;
pub use lifecycle::PaymentStatus;
pub use reject::PaymentReject;
pub use state::{AuthState, Payment, PaymentId, PaymentsConfig, PaymentsState};

/// The payments domain.
pub struct Payments;

impl Domain for Payments {
    const NAME: &'static str = "payments";
    const SCHEMA: u32 = 1;
    const REACTS: bool = true;
    const ASYNC: bool = true;
    const CONCURRENT: bool = true;

    type Config = PaymentsConfig;
    type State = PaymentsState;
    type Action = PaymentAction;
    type Event = PaymentEvent;
    type Reject = PaymentReject;

    fn outbox(state: &PaymentsState, out: &mut Vec<PaymentAction>) {
        settlement::outbox(state, out);
    }

    fn initial(config: &PaymentsConfig, bugs: Bugs) -> PaymentsState {
        PaymentsState::new(*config, bugs)
    }

    fn decide(
        state: &PaymentsState,
        action: &PaymentAction,
        env: &mut Env,
        out: &mut Vec<PaymentEvent>,
    ) -> Result<(), PaymentReject> {
        decide::decide(state, action, env, out)
    }

    fn reads(state: &PaymentsState, action: &PaymentAction, bugs: Bugs, out: &mut Vec<Stream>) {
        concurrency::reads(state, action, bugs, out);
    }

    fn in_stream(event: &PaymentEvent, stream: &Stream) -> bool {
        concurrency::in_stream(event, stream)
    }

    fn on_conflict(action: &PaymentAction, bugs: Bugs) -> OnConflict {
        concurrency::on_conflict(action, bugs)
    }

    fn apply(state: &mut PaymentsState, event: &PaymentEvent) {
        apply::apply(state, event);
    }

    fn react(state: &PaymentsState, event: &PaymentEvent, out: &mut Vec<PaymentAction>) {
        react::react(state, event, out);
    }
}

impl Model for Payments {
    type Projections = Ledger;

    const ACTION_KINDS: &'static [&'static str] = action::ACTION_KINDS;
    const COVERAGE: &'static [&'static str] = coverage::COVERAGE;
    const BUGS: &'static [Bug] = bugs::BUGS;
    /// Settlement reports are paid out once each, in any order, however often they come.
    const FAULTS: Faults = Faults::AT_LEAST_ONCE;

    fn projections(_config: &PaymentsConfig, bugs: Bugs) -> Ledger {
        Ledger::new(bugs)
    }

    fn next_action(state: &PaymentsState, choices: &mut dyn Choices) -> PaymentAction {
        bot::next_action(state, choices)
    }

    fn action_kind(action: &PaymentAction) -> usize {
        action::action_kind(action)
    }

    fn graph() -> Option<String> {
        Some(graph::dot())
    }

    fn invariants() -> &'static [Invariant<Self>] {
        invariants::INVARIANTS
    }

    fn eventually() -> &'static [Invariant<Self>] {
        invariants::EVENTUALLY
    }

    fn rename_ids(action: &mut PaymentAction, rename: &mut dyn FnMut(&'static str, u64) -> u64) {
        action::rename_ids(action, rename);
    }

    fn shrink_action(action: &PaymentAction) -> Vec<PaymentAction> {
        action::shrink_action(action)
    }

    fn cover(state: &PaymentsState, event: &PaymentEvent, coverage: &mut Coverage) {
        coverage::cover(state, event, coverage);
    }
}
