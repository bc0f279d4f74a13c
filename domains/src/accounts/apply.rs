//! The calculator: the only code that changes accounts state. Total: events for unknown ids
//! (which `decide` never emits) change nothing.

use super::bugs::DEATH_SPENDS_TWO_LIVES;
use super::event::AccountEvent;
use super::state::{AccountsState, FAILURE_MEMORY, Session, User};

pub fn apply(state: &mut AccountsState, event: &AccountEvent) {
    if let AccountEvent::ClockAdvanced { now } = *event {
        state.now = now;
        return;
    }
    let Some((id, version)) = event.stream() else {
        return;
    };
    let index = usize::from(id);
    let bugs = state.bugs;
    let (Some(user), Some(player)) = (state.users.get_mut(index), state.players.get_mut(index))
    else {
        return;
    };
    record_version(user, version);
    match *event {
        AccountEvent::SignedUp { password_hash, .. } => {
            user.signed_up = true;
            user.password_hash = password_hash;
        }
        AccountEvent::LoggedIn {
            token,
            credential_hash,
            ..
        } => {
            user.session = Some(Session {
                token,
                credential_hash,
                issued_while_locked: user.locked_until.is_some(),
            });
            reset_failures(user);
            player.logins += 1;
            player.bonus_due |= super::bonus::bit(player.logins);
        }
        AccountEvent::LoginFailed {
            at,
            failures_in_window,
            ..
        } => {
            user.failures_in_window = failures_in_window;
            if failures_in_window <= 1 {
                user.window_start = at;
            }
            if user.recent_failures.is_full() {
                user.recent_failures.remove(0);
            }
            user.recent_failures.push(at);
        }
        AccountEvent::Locked { until, .. } => {
            user.locked_until = Some(until);
            user.session = None;
        }
        AccountEvent::Unlocked { .. } => {
            user.locked_until = None;
            user.unlocks += 1;
            reset_failures(user);
        }
        AccountEvent::LivesGranted { lives, .. } => player.lives += i64::from(lives),
        AccountEvent::BonusGranted { login, .. } => {
            let bit = super::bonus::bit(login);
            player.bonus_due &= !bit;
            player.bonus_granted |= bit;
            player.bonuses += 1;
            player.lives += 1;
        }
        AccountEvent::PlayerDied { .. } => {
            player.lives -= if bugs.has(DEATH_SPENDS_TWO_LIVES) {
                2
            } else {
                1
            };
        }
        AccountEvent::ClockAdvanced { .. } => {}
    }
}

/// Moves the stream to `version`, remembering the first time a version failed to increase.
fn record_version(user: &mut User, version: u64) {
    if version <= user.version && user.version_regression.is_none() {
        user.version_regression = Some((user.version, version));
    }
    user.version = version;
    user.events += 1;
}

fn reset_failures(user: &mut User) {
    user.failures_in_window = 0;
    user.recent_failures.clear();
}

const _: () = assert!(FAILURE_MEMORY > 0);
