//! accounts: two actors sharing one identity.
//!
//! A user signs up and logs in with a password; wrong passwords within a window of logical
//! time lock the account until a cooldown passes (a `Tick` advances the domain's clock). A
//! game player with the same id listens to the same stream: a payment grants lives, a death
//! spends one. Every event on an identity's stream carries its version, and an action may
//! carry the version it expects (optimistic concurrency).

mod action;
mod apply;
mod bonus;
mod bot;
pub mod bugs;
mod concurrency;
mod coverage;
mod decide;
mod event;
mod invariants;
mod ledger;
mod reject;
mod state;

use rewind::{
    Bug, Bugs, Choices, Coverage, Domain, Env, Faults, Invariant, Model, OnConflict, Stream,
};

pub use action::{AccountAction, PASSWORD_CAPACITY, Password, UserId};
pub use bot::PASSWORDS;
pub use decide::{MAX_LIVES_PER_PAYMENT, MAX_TICK, MIN_PASSWORD};
pub use event::AccountEvent;
pub use ledger::LivesLedger;
pub use reject::AccountReject;
pub use state::{
    AccountsConfig, AccountsState, FAILURE_MEMORY, MAX_USERS, Player, Session, User, hash_password,
};

/// The accounts domain.
pub struct Accounts;

impl Domain for Accounts {
    const NAME: &'static str = "accounts";
    const SCHEMA: u32 = 1;
    const ASYNC: bool = true;
    const CONCURRENT: bool = true;

    type Config = AccountsConfig;
    type State = AccountsState;
    type Action = AccountAction;
    type Event = AccountEvent;
    type Reject = AccountReject;

    fn initial(config: &AccountsConfig, bugs: Bugs) -> AccountsState {
        AccountsState::new(config, bugs)
    }

    fn reads(state: &AccountsState, action: &AccountAction, bugs: Bugs, out: &mut Vec<Stream>) {
        concurrency::reads(state, action, bugs, out);
    }

    fn in_stream(event: &AccountEvent, stream: &Stream) -> bool {
        concurrency::in_stream(event, stream)
    }

    fn on_conflict(action: &AccountAction, bugs: Bugs) -> OnConflict {
        concurrency::on_conflict(action, bugs)
    }

    fn forget_volatile(state: &mut AccountsState) {
        bonus::forget_volatile(state);
    }

    fn outbox(state: &AccountsState, out: &mut Vec<AccountAction>) {
        bonus::outbox(state, out);
    }

    fn decide(
        state: &AccountsState,
        action: &AccountAction,
        env: &mut Env,
        out: &mut Vec<AccountEvent>,
    ) -> Result<(), AccountReject> {
        decide::decide(state, action, env, out)
    }

    fn apply(state: &mut AccountsState, event: &AccountEvent) {
        apply::apply(state, event);
    }
}

impl Model for Accounts {
    type Projections = LivesLedger;

    const ACTION_KINDS: &'static [&'static str] = &[
        "sign_up",
        "log_in",
        "pay_for_lives",
        "die",
        "tick",
        "grant_bonus",
    ];
    /// The bonus is granted once per login whatever the bus does, and its record is durable.
    const FAULTS: Faults = Faults::AT_LEAST_ONCE;
    const COVERAGE: &'static [&'static str] = coverage::COVERAGE;
    const BUGS: &'static [Bug] = bugs::BUGS;

    fn projections(_config: &AccountsConfig, _bugs: Bugs) -> LivesLedger {
        LivesLedger::default()
    }

    fn next_action(state: &AccountsState, choices: &mut dyn Choices) -> AccountAction {
        bot::next_action(state, choices)
    }

    fn action_kind(action: &AccountAction) -> usize {
        match action {
            AccountAction::SignUp { .. } => 0,
            AccountAction::LogIn { .. } => 1,
            AccountAction::PayForLives { .. } => 2,
            AccountAction::Die { .. } => 3,
            AccountAction::Tick { .. } => 4,
            AccountAction::GrantBonus { .. } => 5,
        }
    }

    fn invariants() -> &'static [Invariant<Self>] {
        invariants::INVARIANTS
    }

    fn eventually() -> &'static [Invariant<Self>] {
        invariants::EVENTUALLY
    }

    fn rename_ids(action: &mut AccountAction, rename: &mut dyn FnMut(&'static str, u64) -> u64) {
        if let Some(user) = action.user_mut() {
            rewind::rename_id(user, "user", rename);
        }
    }

    /// Two ticks of the clock in a row are one longer tick.
    fn merge_actions(first: &AccountAction, second: &AccountAction) -> Vec<AccountAction> {
        match (first, second) {
            (AccountAction::Tick { by: a }, AccountAction::Tick { by: b }) => {
                vec![AccountAction::Tick {
                    by: a.saturating_add(*b),
                }]
            }
            _ => Vec::new(),
        }
    }

    fn shrink_action(action: &AccountAction) -> Vec<AccountAction> {
        bot::shrink_action(action)
    }

    fn cover(state: &AccountsState, event: &AccountEvent, coverage: &mut Coverage) {
        coverage::cover(state, event, coverage);
    }
}

#[cfg(test)]
mod tests;
