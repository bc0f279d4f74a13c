//! The player context of an identity: payments grant lives, deaths spend one, never below
//! zero; hostile payment sizes are refused.

use rewind::Scenario;
use rewind_domains::accounts::bugs::DEATH_AT_ZERO_LIVES;
use rewind_domains::accounts::{
    AccountAction, AccountEvent, AccountReject, Accounts, MAX_LIVES_PER_PAYMENT,
};

use super::{ALICE, signed_up};

#[test]
fn a_payment_grants_lives_and_a_death_spends_one() {
    Scenario::<Accounts>::new()
        .given([
            signed_up(ALICE),
            AccountEvent::LivesGranted {
                user: ALICE,
                lives: 2,
                version: 2,
            },
        ])
        .when(AccountAction::Die {
            user: ALICE,
            expected_version: None,
        })
        .then_events([AccountEvent::PlayerDied {
            user: ALICE,
            version: 3,
        }])
        .and_state(|state| assert_eq!(state.players[1].lives, 1));
}

#[test]
fn a_player_with_no_lives_cannot_die() {
    Scenario::<Accounts>::new()
        .given([signed_up(ALICE)])
        .when(AccountAction::Die {
            user: ALICE,
            expected_version: None,
        })
        .then_reject(AccountReject::NoLivesLeft { user: ALICE });
}

#[test]
fn payments_for_zero_negative_or_huge_numbers_of_lives_are_refused() {
    for lives in [0, -1, i64::MIN, MAX_LIVES_PER_PAYMENT + 1, i64::MAX] {
        Scenario::<Accounts>::new()
            .given([signed_up(ALICE)])
            .when(AccountAction::PayForLives {
                user: ALICE,
                lives,
                expected_version: None,
            })
            .then_reject(AccountReject::LivesOutOfRange {
                lives,
                maximum: MAX_LIVES_PER_PAYMENT,
            });
    }
}

#[test]
fn planted_death_at_zero_lives_drives_lives_negative() {
    Scenario::<Accounts>::new()
        .planted(DEATH_AT_ZERO_LIVES)
        .given([signed_up(ALICE)])
        .when(AccountAction::Die {
            user: ALICE,
            expected_version: None,
        })
        .and_state(|state| assert_eq!(state.players[1].lives, -1));
}
