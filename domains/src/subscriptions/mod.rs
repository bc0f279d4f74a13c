//! subscriptions: commands, calculators, reactors, upcasting.
//!
//! A creator platform: fans subscribe, activate with a payment provider's key and cancel;
//! the creator writes, publishes, retitles and pins posts. Commands validate attributes and
//! state with typed reasons and emit nothing when nothing would change; a synchronous reactor
//! keeps one post pinned; asynchronous reactors queue emails into an outbox projection, and
//! the welcome email goes through a real outbox in the state, delivered by the bus late, out
//! of order or twice (see [`mailer`]).

mod action;
mod apply;
mod bot;
pub mod bugs;
mod concurrency;
mod coverage;
mod decide;
mod event;
mod invariants;
mod mailer;
mod outbox;
mod react;
mod reject;
mod state;
mod upcast;
mod validate;

use rewind::{
    Bug, Bugs, Choices, Coverage, Domain, Env, Faults, Invariant, Model, OnConflict, Stream,
};

pub use action::{Currency, PostId, ProviderKey, SubscriberId, SubscriptionAction, Title, text};
pub use bot::{CURRENCIES, KEYS, PLANS, TITLES};
pub use event::SubscriptionEvent;
pub use outbox::{Email, Outbox, RECENT_EMAILS};
pub use reject::{KeyProblem, SubscriptionReject, TitleProblem};
pub use state::{
    MAX_POSTS, MAX_SUBS, Post, PostStatus, SubStatus, Subscription, SubscriptionsState,
};
pub use validate::{MAX_PLAN_CENTS, MIN_PLAN_CENTS};

/// The subscriptions domain.
pub struct Subscriptions;

impl Domain for Subscriptions {
    const NAME: &'static str = "subscriptions";
    /// 2: `Subscribe` and `Subscribed` carry a currency (see [`upcast`]).
    const SCHEMA: u32 = 2;
    const REACTS: bool = true;
    const ASYNC: bool = true;
    const CONCURRENT: bool = true;

    type Config = ();
    type State = SubscriptionsState;
    type Action = SubscriptionAction;
    type Event = SubscriptionEvent;
    type Reject = SubscriptionReject;

    fn initial(_config: &(), bugs: Bugs) -> SubscriptionsState {
        SubscriptionsState::new(bugs)
    }

    fn decide(
        state: &SubscriptionsState,
        action: &SubscriptionAction,
        env: &mut Env,
        out: &mut Vec<SubscriptionEvent>,
    ) -> Result<(), SubscriptionReject> {
        decide::decide(state, action, env, out)
    }

    fn reads(
        state: &SubscriptionsState,
        action: &SubscriptionAction,
        bugs: Bugs,
        out: &mut Vec<Stream>,
    ) {
        concurrency::reads(state, action, bugs, out);
    }

    fn in_stream(event: &SubscriptionEvent, stream: &Stream) -> bool {
        concurrency::in_stream(event, stream)
    }

    fn on_conflict(action: &SubscriptionAction, bugs: Bugs) -> OnConflict {
        concurrency::on_conflict(action, bugs)
    }

    fn apply(state: &mut SubscriptionsState, event: &SubscriptionEvent) {
        apply::apply(state, event);
    }

    fn outbox(state: &SubscriptionsState, out: &mut Vec<SubscriptionAction>) {
        mailer::outbox(state, out);
    }

    fn upcast_action(schema: u32, action: serde_json::Value) -> Result<serde_json::Value, String> {
        upcast::upcast_action(schema, action)
    }

    fn react(
        state: &SubscriptionsState,
        event: &SubscriptionEvent,
        out: &mut Vec<SubscriptionAction>,
    ) {
        react::react(state, event, out);
    }
}

impl Model for Subscriptions {
    type Projections = Outbox;

    const ACTION_KINDS: &'static [&'static str] = &[
        "subscribe",
        "activate",
        "cancel",
        "create_post",
        "publish_post",
        "update_post",
        "pin_post",
        "unpin_post",
        "send_welcome",
    ];
    const COVERAGE: &'static [&'static str] = coverage::COVERAGE;
    const BUGS: &'static [Bug] = bugs::BUGS;
    /// The mailer is idempotent and drops a welcome that arrives after a cancellation, so
    /// any order, delay, duplicate or restart is survived.
    const FAULTS: Faults = Faults::AT_LEAST_ONCE;

    fn projections(_config: &(), bugs: Bugs) -> Outbox {
        Outbox::new(bugs)
    }

    fn next_action(state: &SubscriptionsState, choices: &mut dyn Choices) -> SubscriptionAction {
        bot::next_action(state, choices)
    }

    fn action_kind(action: &SubscriptionAction) -> usize {
        match action {
            SubscriptionAction::Subscribe { .. } => 0,
            SubscriptionAction::Activate { .. } => 1,
            SubscriptionAction::Cancel { .. } => 2,
            SubscriptionAction::CreatePost { .. } => 3,
            SubscriptionAction::PublishPost { .. } => 4,
            SubscriptionAction::UpdatePost { .. } => 5,
            SubscriptionAction::PinPost { .. } => 6,
            SubscriptionAction::UnpinPost { .. } => 7,
            SubscriptionAction::SendWelcome { .. } => 8,
        }
    }

    fn invariants() -> &'static [Invariant<Self>] {
        invariants::INVARIANTS
    }

    fn eventually() -> &'static [Invariant<Self>] {
        invariants::EVENTUALLY
    }

    fn rename_ids(
        action: &mut SubscriptionAction,
        rename: &mut dyn FnMut(&'static str, u64) -> u64,
    ) {
        bot::rename_ids(action, rename);
    }

    fn shrink_action(action: &SubscriptionAction) -> Vec<SubscriptionAction> {
        bot::shrink_action(action)
    }

    fn cover(state: &SubscriptionsState, event: &SubscriptionEvent, coverage: &mut Coverage) {
        coverage::cover(state, event, coverage);
    }
}

#[cfg(test)]
mod tests;
