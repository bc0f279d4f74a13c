//! The state of every identity: the user (credentials, lockout, session) and the player
//! (lives) side by side, keyed by the same id.

use arrayvec::ArrayVec;
use rewind::{Bugs, StableHasher, splitmix64};
use serde::{Deserialize, Serialize};

use super::action::UserId;

/// How many identities a table of accounts holds; ids at or above it are unknown.
pub const MAX_USERS: usize = 4;
/// How many recent failure times each user remembers (bounds `max_failures`).
pub const FAILURE_MEMORY: usize = 8;

/// The lockout rules.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountsConfig {
    /// Failed logins within `window` ticks that lock the account (clamped to 1..=8).
    pub max_failures: u8,
    /// The lockout window, in ticks of the domain's clock.
    pub window: u64,
    /// How long a lock lasts, in ticks.
    pub cooldown: u64,
}

impl Default for AccountsConfig {
    fn default() -> Self {
        AccountsConfig {
            max_failures: 3,
            window: 5,
            cooldown: 8,
        }
    }
}

/// The session a successful login issued.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub token: u64,
    /// Hash of the password that was presented.
    pub credential_hash: u64,
    /// Whether the account was locked when the session was applied (must never be true).
    pub issued_while_locked: bool,
}

/// One user's side of an identity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct User {
    pub signed_up: bool,
    pub password_hash: u64,
    /// The version of the last event on this stream (0: empty stream).
    pub version: u64,
    /// How many events this stream has applied.
    pub events: u64,
    /// The first time an event's version was not above the one before: (before, event's).
    pub version_regression: Option<(u64, u64)>,
    /// The failure counter `decide` uses, and the start of its window.
    pub failures_in_window: u8,
    pub window_start: u64,
    /// Times of failures since the last success or unlock, newest last: the independent
    /// record the lockout invariant checks a lock against.
    pub recent_failures: ArrayVec<u64, FAILURE_MEMORY>,
    pub locked_until: Option<u64>,
    /// How many cooldowns this account has sat out.
    pub unlocks: u32,
    pub session: Option<Session>,
}

/// The game player with the same id as the user.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Player {
    /// Signed so that a bug spending more than there is shows up as a negative count.
    pub lives: i64,
    /// Successful logins the player actor has seen on the user's stream.
    pub logins: u32,
    /// Bit `k - 1`: the bonus of login `k` waits in the outbox (logins 1 to 64 earn one).
    pub bonus_due: u64,
    /// Bit `k - 1`: the bonus of login `k` was granted.
    pub bonus_granted: u64,
    /// Bonus lives granted, repeats included.
    pub bonuses: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountsState {
    pub config: AccountsConfig,
    /// Planted bugs, for the one that lives in `apply`.
    pub bugs: Bugs,
    /// The domain's logical clock, advanced only by `Tick`.
    pub now: u64,
    pub users: [User; MAX_USERS],
    /// The player context: a part of state, not a projection, because `decide` must refuse a
    /// death at zero lives and `decide` sees only state. It is fed by the same stream's events.
    pub players: [Player; MAX_USERS],
}

impl AccountsState {
    pub fn new(config: &AccountsConfig, bugs: Bugs) -> Self {
        let mut config = *config;
        config.max_failures = config.max_failures.clamp(1, FAILURE_MEMORY as u8);
        AccountsState {
            config,
            bugs,
            now: 0,
            users: Default::default(),
            players: [Player::default(); MAX_USERS],
        }
    }

    pub fn user(&self, user: UserId) -> Option<&User> {
        self.users.get(usize::from(user))
    }
}

/// A salted, deterministic hash of a password (FNV-1a, then SplitMix64), so events and state
/// never hold the password itself.
pub fn hash_password(user: UserId, password: &str) -> u64 {
    let mut hasher = StableHasher::default();
    hasher.write(&[user, b':']);
    hasher.write(password.as_bytes());
    splitmix64(hasher.finish())
}
