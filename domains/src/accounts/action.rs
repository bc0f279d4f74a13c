//! What a user (and the game client acting for the same identity) can ask for.

use arrayvec::ArrayString;
use serde::{Deserialize, Serialize};

/// The longest password an action can carry; longer text does not even deserialize.
pub const PASSWORD_CAPACITY: usize = 16;
/// A password as typed: short, inline, `Copy`, so an action never allocates.
pub type Password = ArrayString<PASSWORD_CAPACITY>;
/// The identity both contexts share: the user who logs in is the player who plays.
pub type UserId = u8;

/// One request. Every action on a user's stream may carry the stream version the caller last
/// saw (`expected_version`); a stale one is refused instead of silently overwriting.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountAction {
    SignUp {
        user: UserId,
        password: Password,
        expected_version: Option<u64>,
    },
    LogIn {
        user: UserId,
        password: Password,
        expected_version: Option<u64>,
    },
    /// A payment for `lives` lives for the player with this id. Signed so that zero and
    /// negative requests are expressible and refused with a reason.
    PayForLives {
        user: UserId,
        lives: i64,
        expected_version: Option<u64>,
    },
    /// The player died in the game; it costs one life.
    Die {
        user: UserId,
        expected_version: Option<u64>,
    },
    /// Advances the domain's logical clock by `by` ticks (lockout windows and cooldowns run
    /// on it). Signed so that a hostile zero or negative tick is expressible.
    Tick { by: i64 },
    /// The player actor's message, following the user's stream through the bus: grant the
    /// bonus life of the user's `login`-th login. Only the outbox sends it (see
    /// [`super::bonus`]), late, out of order or more than once.
    GrantBonus { user: UserId, login: u32 },
}

impl AccountAction {
    /// The user whose stream the action targets (`None` for the clock).
    pub fn user(&self) -> Option<UserId> {
        match *self {
            AccountAction::SignUp { user, .. }
            | AccountAction::LogIn { user, .. }
            | AccountAction::PayForLives { user, .. }
            | AccountAction::Die { user, .. }
            | AccountAction::GrantBonus { user, .. } => Some(user),
            AccountAction::Tick { .. } => None,
        }
    }

    /// The user the action names, to renumber it.
    pub fn user_mut(&mut self) -> Option<&mut UserId> {
        match self {
            AccountAction::SignUp { user, .. }
            | AccountAction::LogIn { user, .. }
            | AccountAction::PayForLives { user, .. }
            | AccountAction::Die { user, .. }
            | AccountAction::GrantBonus { user, .. } => Some(user),
            AccountAction::Tick { .. } => None,
        }
    }

    /// The stream version the caller expects, if it said.
    pub fn expected_version(&self) -> Option<u64> {
        match *self {
            AccountAction::SignUp {
                expected_version, ..
            }
            | AccountAction::LogIn {
                expected_version, ..
            }
            | AccountAction::PayForLives {
                expected_version, ..
            }
            | AccountAction::Die {
                expected_version, ..
            } => expected_version,
            AccountAction::Tick { .. } | AccountAction::GrantBonus { .. } => None,
        }
    }

    /// A password from a literal, truncated to [`PASSWORD_CAPACITY`] bytes (for bots and tests).
    pub fn password(text: &str) -> Password {
        if let Ok(password) = Password::from(text) {
            return password;
        }
        let mut password = Password::new();
        for ch in text.chars() {
            if password.try_push(ch).is_err() {
                break;
            }
        }
        password
    }
}
