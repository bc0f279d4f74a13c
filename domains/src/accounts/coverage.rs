//! Coverage labels: which corners of the lockout and lives rules a run reached.

use rewind::Coverage;

use super::event::AccountEvent;
use super::state::AccountsState;

pub const COVERAGE: &[&str] = &[
    "signed_up",
    "logged_in",
    "login_failed",
    "failure_window_restarted",
    "lockout",
    "unlock_after_cooldown",
    "login_after_unlock",
    "lives_granted",
    "player_died",
    "last_life_spent",
    "login_bonus_granted",
];

/// Marks the labels `event` reached; `state` is the state after it was applied.
pub fn cover(state: &AccountsState, event: &AccountEvent, coverage: &mut Coverage) {
    match *event {
        AccountEvent::SignedUp { .. } => coverage.hit(0),
        AccountEvent::LoggedIn { user, .. } => {
            coverage.hit(1);
            if state.user(user).is_some_and(|u| u.unlocks > 0) {
                coverage.hit(6);
            }
        }
        AccountEvent::LoginFailed {
            user,
            failures_in_window,
            ..
        } => {
            coverage.hit(2);
            let remembered = state.user(user).map_or(0, |u| u.recent_failures.len());
            if failures_in_window == 1 && remembered > 1 {
                coverage.hit(3);
            }
        }
        AccountEvent::Locked { .. } => coverage.hit(4),
        AccountEvent::Unlocked { .. } => coverage.hit(5),
        AccountEvent::ClockAdvanced { .. } => {}
        AccountEvent::LivesGranted { .. } => coverage.hit(7),
        AccountEvent::BonusGranted { .. } => coverage.hit(10),
        AccountEvent::PlayerDied { user, .. } => {
            coverage.hit(8);
            if state
                .players
                .get(usize::from(user))
                .is_some_and(|p| p.lives == 0)
            {
                coverage.hit(9);
            }
        }
    }
}
