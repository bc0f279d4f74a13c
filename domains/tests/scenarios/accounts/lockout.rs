//! The lockout: wrong passwords within a window of logical time lock the account, a lock
//! refuses even the right password and revokes the session, and the cooldown unlocks it.

use rewind::Scenario;
use rewind_domains::accounts::bugs::TOKEN_ISSUED_WHILE_LOCKED;
use rewind_domains::accounts::{AccountEvent, AccountReject, Accounts};

use super::{ALICE, RIGHT, WRONG, failed, locked_alice, log_in, signed_up, tick};

#[test]
fn a_wrong_password_is_recorded_as_a_failure_not_refused() {
    Scenario::<Accounts>::new()
        .given([signed_up(ALICE)])
        .when(log_in(WRONG))
        .then_events([failed(0, 1, 2)])
        .and_state(|state| assert!(state.users[1].session.is_none()));
}

#[test]
fn the_third_failure_within_the_window_locks_the_account() {
    Scenario::<Accounts>::new()
        .given([signed_up(ALICE), failed(0, 1, 2), failed(0, 2, 3)])
        .given_actions([tick(4)])
        .when(log_in(WRONG))
        .then_events([
            failed(4, 3, 4),
            AccountEvent::Locked {
                user: ALICE,
                until: 12,
                version: 5,
            },
        ]);
}

#[test]
fn failures_further_apart_than_the_window_start_a_new_one() {
    Scenario::<Accounts>::new()
        .given([signed_up(ALICE), failed(0, 1, 2), failed(0, 2, 3)])
        .given_actions([tick(5)])
        .when(log_in(WRONG))
        .then_events([failed(5, 1, 4)]);
}

#[test]
fn a_success_resets_the_failure_count() {
    Scenario::<Accounts>::new()
        .given([signed_up(ALICE), failed(0, 1, 2), failed(0, 2, 3)])
        .given_actions([log_in(RIGHT)])
        .when(log_in(WRONG))
        .then_events([failed(0, 1, 5)]);
}

#[test]
fn a_locked_account_refuses_even_the_right_password() {
    Scenario::<Accounts>::new()
        .given(locked_alice())
        .when(log_in(RIGHT))
        .then_reject(AccountReject::Locked {
            user: ALICE,
            until: 8,
        });
}

#[test]
fn locking_revokes_the_session() {
    Scenario::<Accounts>::new()
        .given([signed_up(ALICE)])
        .given_actions([log_in(RIGHT), log_in(WRONG), log_in(WRONG)])
        .when(log_in(WRONG))
        .and_state(|state| {
            assert!(state.users[1].locked_until.is_some());
            assert_eq!(state.users[1].session, None);
        });
}

#[test]
fn the_cooldown_unlocks_only_when_it_has_run_out() {
    Scenario::<Accounts>::new()
        .given(locked_alice())
        .when(tick(7))
        .then_events([AccountEvent::ClockAdvanced { now: 7 }])
        .when(tick(1))
        .then_events([
            AccountEvent::ClockAdvanced { now: 8 },
            AccountEvent::Unlocked {
                user: ALICE,
                version: 6,
            },
        ])
        .when(log_in(RIGHT))
        .and_state(|state| assert!(state.users[1].session.is_some()));
}

#[test]
fn planted_token_issued_while_locked_lets_a_locked_account_log_in() {
    Scenario::<Accounts>::new()
        .planted(TOKEN_ISSUED_WHILE_LOCKED)
        .given(locked_alice())
        .when(log_in(RIGHT))
        .and_state(|state| assert!(state.users[1].session.is_some()));
}
