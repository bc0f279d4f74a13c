//! The rules: validate the attributes, then the stream version, then the stream's state.

use rewind::Env;

use super::action::{AccountAction, Password, UserId};
use super::bugs::{
    DEATH_AT_ZERO_LIVES, LOCKOUT_COUNTER_NEVER_RESETS, TOKEN_ISSUED_WHILE_LOCKED,
    VERSION_NOT_BUMPED_ON_FAILURE,
};
use super::event::AccountEvent;
use super::reject::AccountReject;
use super::state::{AccountsState, MAX_USERS, User, hash_password};

/// The shortest password accepted at sign-up.
pub const MIN_PASSWORD: usize = 4;
/// The most lives one payment can buy.
pub const MAX_LIVES_PER_PAYMENT: i64 = 10;
/// The longest single tick.
pub const MAX_TICK: i64 = 100;

pub fn decide(
    state: &AccountsState,
    action: &AccountAction,
    env: &mut Env,
    out: &mut Vec<AccountEvent>,
) -> Result<(), AccountReject> {
    match *action {
        AccountAction::Tick { by } => tick(state, by, out),
        AccountAction::GrantBonus { user, login } => {
            super::bonus::grant(state, user, login, env, out)
        }
        AccountAction::SignUp { user, password, .. } => {
            if password.len() < MIN_PASSWORD {
                return Err(AccountReject::PasswordTooShort {
                    length: password.len(),
                    minimum: MIN_PASSWORD,
                });
            }
            let stream = stream(state, action, user)?;
            if stream.signed_up {
                return Err(AccountReject::AlreadySignedUp { user });
            }
            out.push(AccountEvent::SignedUp {
                user,
                password_hash: hash_password(user, &password),
                version: stream.version + 1,
            });
            Ok(())
        }
        AccountAction::LogIn { user, password, .. } => {
            let stream = signed_up(state, action, user)?;
            log_in(state, stream, user, password, env, out)
        }
        AccountAction::PayForLives { user, lives, .. } => {
            if !(1..=MAX_LIVES_PER_PAYMENT).contains(&lives) {
                return Err(AccountReject::LivesOutOfRange {
                    lives,
                    maximum: MAX_LIVES_PER_PAYMENT,
                });
            }
            let stream = signed_up(state, action, user)?;
            out.push(AccountEvent::LivesGranted {
                user,
                lives: lives as u32,
                version: stream.version + 1,
            });
            Ok(())
        }
        AccountAction::Die { user, .. } => {
            let stream = signed_up(state, action, user)?;
            let lives = state.players[usize::from(user)].lives;
            if lives <= 0 && !env.planted(DEATH_AT_ZERO_LIVES) {
                return Err(AccountReject::NoLivesLeft { user });
            }
            out.push(AccountEvent::PlayerDied {
                user,
                version: stream.version + 1,
            });
            Ok(())
        }
    }
}

/// The user's stream, if the id is known and the caller's expected version (if any) matches.
fn stream<'s>(
    state: &'s AccountsState,
    action: &AccountAction,
    user: UserId,
) -> Result<&'s User, AccountReject> {
    let stream = state
        .user(user)
        .ok_or(AccountReject::UnknownUser { user })?;
    match action.expected_version() {
        Some(expected) if expected != stream.version => Err(AccountReject::VersionConflict {
            user,
            expected,
            actual: stream.version,
        }),
        _ => Ok(stream),
    }
}

fn signed_up<'s>(
    state: &'s AccountsState,
    action: &AccountAction,
    user: UserId,
) -> Result<&'s User, AccountReject> {
    let stream = stream(state, action, user)?;
    if stream.signed_up {
        Ok(stream)
    } else {
        Err(AccountReject::NotSignedUp { user })
    }
}

/// A correct password on an unlocked account gets a session token drawn from the `Env`
/// (keyed by the identity and its stream version); a wrong one counts towards the lockout,
/// and the failure that reaches `max_failures` within the window locks the account.
fn log_in(
    state: &AccountsState,
    stream: &User,
    user: UserId,
    password: Password,
    env: &mut Env,
    out: &mut Vec<AccountEvent>,
) -> Result<(), AccountReject> {
    let presented = hash_password(user, &password);
    let correct = presented == stream.password_hash;
    if let Some(until) = stream.locked_until
        && !(correct && env.planted(TOKEN_ISSUED_WHILE_LOCKED))
    {
        return Err(AccountReject::Locked { user, until });
    }
    let version = stream.version + 1;
    if correct {
        let key = (u64::from(user) << 56) ^ version;
        out.push(AccountEvent::LoggedIn {
            user,
            token: env.fork(key).next_u64(),
            credential_hash: presented,
            version,
        });
        return Ok(());
    }
    let config = &state.config;
    let window_over = state.now.saturating_sub(stream.window_start) >= config.window
        && !env.planted(LOCKOUT_COUNTER_NEVER_RESETS);
    let failures = if stream.failures_in_window == 0 || window_over {
        1
    } else {
        stream.failures_in_window.saturating_add(1)
    };
    let version = if env.planted(VERSION_NOT_BUMPED_ON_FAILURE) {
        stream.version
    } else {
        version
    };
    out.push(AccountEvent::LoginFailed {
        user,
        at: state.now,
        failures_in_window: failures,
        version,
    });
    if failures >= config.max_failures {
        out.push(AccountEvent::Locked {
            user,
            until: state.now + config.cooldown,
            version: version + 1,
        });
    }
    Ok(())
}

/// Advances the clock and unlocks every account whose cooldown has run out by the new time.
fn tick(state: &AccountsState, by: i64, out: &mut Vec<AccountEvent>) -> Result<(), AccountReject> {
    if !(1..=MAX_TICK).contains(&by) {
        return Err(AccountReject::TickOutOfRange {
            by,
            maximum: MAX_TICK,
        });
    }
    let now = state.now + by as u64;
    out.push(AccountEvent::ClockAdvanced { now });
    for (index, user) in state.users.iter().enumerate().take(MAX_USERS) {
        if user.locked_until.is_some_and(|until| until <= now) {
            out.push(AccountEvent::Unlocked {
                user: index as UserId,
                version: user.version + 1,
            });
        }
    }
    Ok(())
}
