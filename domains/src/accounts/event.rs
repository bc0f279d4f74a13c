//! The facts of an identity's stream. Every event on a user's stream carries its version.

use serde::{Deserialize, Serialize};

use super::action::UserId;

/// One fact. Passwords never appear here, only their salted hash; the session token was
/// drawn from the `Env` when decided and is recorded, so replay needs no randomness.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountEvent {
    SignedUp {
        user: UserId,
        password_hash: u64,
        version: u64,
    },
    /// A session was issued. `credential_hash` is the hash of the password presented, kept so
    /// an auditor can check the token followed a correct password.
    LoggedIn {
        user: UserId,
        token: u64,
        credential_hash: u64,
        version: u64,
    },
    /// A wrong password at logical time `at`, the `failures_in_window`-th of its window.
    LoginFailed {
        user: UserId,
        at: u64,
        failures_in_window: u8,
        version: u64,
    },
    /// Too many failures: no session until the clock reaches `until`.
    Locked {
        user: UserId,
        until: u64,
        version: u64,
    },
    /// The cooldown ran out.
    Unlocked { user: UserId, version: u64 },
    /// The domain's clock now reads `now` (not on any user's stream).
    ClockAdvanced { now: u64 },
    /// The player context: a payment granted `lives`.
    LivesGranted {
        user: UserId,
        lives: u32,
        version: u64,
    },
    /// The player context: a death spent one life.
    PlayerDied { user: UserId, version: u64 },
    /// The player context: the bonus life of the user's `login`-th login.
    BonusGranted {
        user: UserId,
        login: u32,
        version: u64,
    },
}

impl AccountEvent {
    /// The stream this event belongs to and its version there (`None` for the clock).
    pub fn stream(&self) -> Option<(UserId, u64)> {
        match *self {
            AccountEvent::SignedUp { user, version, .. }
            | AccountEvent::LoggedIn { user, version, .. }
            | AccountEvent::LoginFailed { user, version, .. }
            | AccountEvent::Locked { user, version, .. }
            | AccountEvent::Unlocked { user, version }
            | AccountEvent::LivesGranted { user, version, .. }
            | AccountEvent::PlayerDied { user, version }
            | AccountEvent::BonusGranted { user, version, .. } => Some((user, version)),
            AccountEvent::ClockAdvanced { .. } => None,
        }
    }
}
