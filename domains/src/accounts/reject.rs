//! Why an accounts action was refused.

use std::fmt;

use super::action::UserId;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AccountReject {
    UnknownUser {
        user: UserId,
    },
    PasswordTooShort {
        length: usize,
        minimum: usize,
    },
    VersionConflict {
        user: UserId,
        expected: u64,
        actual: u64,
    },
    AlreadySignedUp {
        user: UserId,
    },
    NotSignedUp {
        user: UserId,
    },
    /// A login on a locked account, right password or not.
    Locked {
        user: UserId,
        until: u64,
    },
    LivesOutOfRange {
        lives: i64,
        maximum: i64,
    },
    NoLivesLeft {
        user: UserId,
    },
    TickOutOfRange {
        by: i64,
        maximum: i64,
    },
    /// A bonus for a login that never happened (or past the 64 that earn one).
    NoSuchBonus {
        user: UserId,
        login: u32,
    },
}

impl fmt::Display for AccountReject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            AccountReject::UnknownUser { user } => write!(f, "user {user} does not exist"),
            AccountReject::PasswordTooShort { length, minimum } => write!(
                f,
                "a password of {length} characters is too short; at least {minimum} are needed"
            ),
            AccountReject::VersionConflict {
                user,
                expected,
                actual,
            } => write!(
                f,
                "user {user}: expected stream version {expected} but the stream is at version {actual}"
            ),
            AccountReject::AlreadySignedUp { user } => {
                write!(f, "user {user} has already signed up")
            }
            AccountReject::NotSignedUp { user } => write!(f, "user {user} has not signed up"),
            AccountReject::Locked { user, until } => {
                write!(f, "user {user} is locked until tick {until}")
            }
            AccountReject::LivesOutOfRange { lives, maximum } => write!(
                f,
                "a payment for {lives} lives is out of range; it must be 1..={maximum}"
            ),
            AccountReject::NoLivesLeft { user } => {
                write!(f, "player {user} has no lives left to lose")
            }
            AccountReject::NoSuchBonus { user, login } => {
                write!(f, "user {user} has no login {login} that earns a bonus")
            }
            AccountReject::TickOutOfRange { by, maximum } => {
                write!(
                    f,
                    "a tick of {by} is out of range; it must be 1..={maximum}"
                )
            }
        }
    }
}
