//! What must hold after every dispatch. Each check is O(users).

use rewind::Invariant;

use super::Accounts;
use super::ledger::LivesLedger;
use super::state::AccountsState;

/// Checked once the bus has drained.
pub static EVENTUALLY: &[Invariant<Accounts>] = &[Invariant {
    name: "every_login_bonus_granted",
    check: super::bonus::every_login_bonus_granted,
}];

pub static INVARIANTS: &[Invariant<Accounts>] = &[
    Invariant {
        name: "one_bonus_per_login",
        check: super::bonus::one_bonus_per_login,
    },
    Invariant {
        name: "stream_versions_increase",
        check: stream_versions_increase,
    },
    Invariant {
        name: "locked_account_issues_nothing",
        check: locked_account_issues_nothing,
    },
    Invariant {
        name: "token_only_after_correct_password_on_unlocked_account",
        check: token_only_after_correct_password_on_unlocked_account,
    },
    Invariant {
        name: "lock_only_after_max_failures_in_window",
        check: lock_only_after_max_failures_in_window,
    },
    Invariant {
        name: "lives_equal_grants_minus_spends",
        check: lives_equal_grants_minus_spends,
    },
    Invariant {
        name: "lives_never_negative",
        check: lives_never_negative,
    },
];

/// Each event on a stream carries the next version: versions go up by exactly one per event.
fn stream_versions_increase(state: &AccountsState, _: &LivesLedger) -> Result<(), String> {
    for (id, user) in state.users.iter().enumerate() {
        if let Some((before, after)) = user.version_regression {
            return Err(format!(
                "user {id}: an event carried version {after} after version {before}"
            ));
        }
        if user.version != user.events {
            return Err(format!(
                "user {id}: stream at version {} after {} events",
                user.version, user.events
            ));
        }
    }
    Ok(())
}

/// A locked account holds no session: locking revokes it and no login succeeds until unlock.
fn locked_account_issues_nothing(state: &AccountsState, _: &LivesLedger) -> Result<(), String> {
    for (id, user) in state.users.iter().enumerate() {
        if let (Some(until), Some(session)) = (user.locked_until, user.session) {
            return Err(format!(
                "user {id} is locked until tick {until} (now {}) but holds session {:#x}",
                state.now, session.token
            ));
        }
    }
    Ok(())
}

/// Every live session was issued for the stored password while the account was unlocked.
fn token_only_after_correct_password_on_unlocked_account(
    state: &AccountsState,
    _: &LivesLedger,
) -> Result<(), String> {
    for (id, user) in state.users.iter().enumerate() {
        let Some(session) = user.session else {
            continue;
        };
        if !user.signed_up || session.credential_hash != user.password_hash {
            return Err(format!(
                "user {id} holds session {:#x} issued for credential {:#x}, password is {:#x}",
                session.token, session.credential_hash, user.password_hash
            ));
        }
        if session.issued_while_locked {
            return Err(format!(
                "user {id} holds session {:#x} issued while the account was locked",
                session.token
            ));
        }
    }
    Ok(())
}

/// A lock stands on `max_failures` failures since the last success, the newest of them all
/// within one window (checked on the remembered failure times, not on decide's counter).
fn lock_only_after_max_failures_in_window(
    state: &AccountsState,
    _: &LivesLedger,
) -> Result<(), String> {
    let needed = usize::from(state.config.max_failures);
    for (id, user) in state.users.iter().enumerate() {
        if user.locked_until.is_none() {
            continue;
        }
        let times = &user.recent_failures;
        if times.len() < needed {
            return Err(format!(
                "user {id} is locked after {} failures; {needed} are needed",
                times.len()
            ));
        }
        let first = times[times.len() - needed];
        let last = times[times.len() - 1];
        if last - first >= state.config.window {
            return Err(format!(
                "user {id} is locked though its last {needed} failures span ticks {first}..={last}, \
                 not within a window of {}",
                state.config.window
            ));
        }
    }
    Ok(())
}

/// The player's lives equal what the ledger granted minus what it spent.
fn lives_equal_grants_minus_spends(
    state: &AccountsState,
    ledger: &LivesLedger,
) -> Result<(), String> {
    for (id, player) in state.players.iter().enumerate() {
        let expected = ledger.balance(id);
        if player.lives != expected {
            return Err(format!(
                "player {id} has {} lives but was granted {} and spent {} (expected {expected})",
                player.lives, ledger.granted[id], ledger.spent[id]
            ));
        }
    }
    Ok(())
}

fn lives_never_negative(state: &AccountsState, _: &LivesLedger) -> Result<(), String> {
    for (id, player) in state.players.iter().enumerate() {
        if player.lives < 0 {
            return Err(format!("player {id} has {} lives", player.lives));
        }
    }
    Ok(())
}
