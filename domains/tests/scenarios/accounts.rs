//! accounts rules, written from the rulebook: sign-up, login, lockout, cooldown, optimistic
//! concurrency, and the player's lives; plus hostile and malformed requests.

use rewind::Scenario;
use rewind_domains::accounts::{
    AccountAction, AccountEvent, AccountReject, Accounts, MAX_TICK, MIN_PASSWORD, hash_password,
};

/// Wrong passwords, the lockout window and the cooldown.
mod lockout;

/// The player context: lives granted by payments and spent by deaths.
mod lives;

const ALICE: u8 = 1;
const RIGHT: &str = "hunter22";
const WRONG: &str = "letmein1";

fn signed_up(user: u8) -> AccountEvent {
    AccountEvent::SignedUp {
        user,
        password_hash: hash_password(user, RIGHT),
        version: 1,
    }
}

fn log_in(password: &str) -> AccountAction {
    AccountAction::LogIn {
        user: ALICE,
        password: AccountAction::password(password),
        expected_version: None,
    }
}

fn tick(by: i64) -> AccountAction {
    AccountAction::Tick { by }
}

fn failed(at: u64, failures_in_window: u8, version: u64) -> AccountEvent {
    AccountEvent::LoginFailed {
        user: ALICE,
        at,
        failures_in_window,
        version,
    }
}

/// Alice signed up, then failed three times at tick 0 and was locked until tick 8.
fn locked_alice() -> Vec<AccountEvent> {
    vec![
        signed_up(ALICE),
        failed(0, 1, 2),
        failed(0, 2, 3),
        failed(0, 3, 4),
        AccountEvent::Locked {
            user: ALICE,
            until: 8,
            version: 5,
        },
    ]
}

#[test]
fn sign_up_stores_a_salted_hash_never_the_password() {
    Scenario::<Accounts>::new()
        .when(AccountAction::SignUp {
            user: ALICE,
            password: AccountAction::password(RIGHT),
            expected_version: Some(0),
        })
        .then_events([signed_up(ALICE)])
        .and_state(|state| assert_ne!(state.users[1].password_hash, hash_password(2, RIGHT)));
}

#[test]
fn a_short_password_is_refused() {
    Scenario::<Accounts>::new()
        .when(AccountAction::SignUp {
            user: ALICE,
            password: AccountAction::password("abc"),
            expected_version: None,
        })
        .then_reject(AccountReject::PasswordTooShort {
            length: 3,
            minimum: MIN_PASSWORD,
        });
}

#[test]
fn signing_up_twice_is_refused() {
    Scenario::<Accounts>::new()
        .given([signed_up(ALICE)])
        .when(AccountAction::SignUp {
            user: ALICE,
            password: AccountAction::password(WRONG),
            expected_version: None,
        })
        .then_reject(AccountReject::AlreadySignedUp { user: ALICE });
}

#[test]
fn unknown_identities_are_refused_everywhere() {
    for user in [4, 200, u8::MAX] {
        let password = AccountAction::password(RIGHT);
        let actions = [
            AccountAction::SignUp {
                user,
                password,
                expected_version: None,
            },
            AccountAction::LogIn {
                user,
                password,
                expected_version: None,
            },
            AccountAction::PayForLives {
                user,
                lives: 1,
                expected_version: None,
            },
            AccountAction::Die {
                user,
                expected_version: None,
            },
        ];
        for action in actions {
            Scenario::<Accounts>::new()
                .when(action)
                .then_reject(AccountReject::UnknownUser { user });
        }
    }
}

#[test]
fn logging_in_before_signing_up_is_refused() {
    Scenario::<Accounts>::new()
        .when(log_in(RIGHT))
        .then_reject(AccountReject::NotSignedUp { user: ALICE });
}

#[test]
fn the_right_password_issues_a_token_drawn_from_the_env() {
    let token_with_seed = |seed: u64| {
        let then = Scenario::<Accounts>::new()
            .seed(seed)
            .given([signed_up(ALICE)])
            .when(log_in(RIGHT));
        match then.outcome() {
            Ok(events) => match events.as_slice() {
                [
                    AccountEvent::LoggedIn {
                        user,
                        credential_hash,
                        version,
                        token,
                    },
                ] => {
                    assert_eq!((*user, *version), (ALICE, 2));
                    assert_eq!(*credential_hash, hash_password(ALICE, RIGHT));
                    *token
                }
                other => panic!("expected one LoggedIn, got {other:?}"),
            },
            Err(refusal) => panic!("refused: {refusal}"),
        }
    };
    assert_eq!(
        token_with_seed(5),
        token_with_seed(5),
        "same seed, same token"
    );
    assert_ne!(
        token_with_seed(5),
        token_with_seed(6),
        "the token comes from the seed"
    );
}

#[test]
fn a_stale_expected_version_is_refused_naming_both_versions() {
    let then = Scenario::<Accounts>::new()
        .given([signed_up(ALICE), failed(0, 1, 2)])
        .when(AccountAction::LogIn {
            user: ALICE,
            password: AccountAction::password(RIGHT),
            expected_version: Some(1),
        })
        .then_reject(AccountReject::VersionConflict {
            user: ALICE,
            expected: 1,
            actual: 2,
        });
    let message = then.outcome().as_ref().unwrap_err().to_string();
    assert!(message.contains("expected stream version 1"), "{message}");
    assert!(message.contains("at version 2"), "{message}");
}

#[test]
fn a_matching_expected_version_is_accepted() {
    Scenario::<Accounts>::new()
        .given([signed_up(ALICE)])
        .when(AccountAction::PayForLives {
            user: ALICE,
            lives: 2,
            expected_version: Some(1),
        })
        .then_events([AccountEvent::LivesGranted {
            user: ALICE,
            lives: 2,
            version: 2,
        }]);
}

#[test]
fn ticks_of_zero_negative_or_huge_length_are_refused() {
    for by in [0, -3, i64::MIN, MAX_TICK + 1, i64::MAX] {
        Scenario::<Accounts>::new()
            .when(tick(by))
            .then_reject(AccountReject::TickOutOfRange {
                by,
                maximum: MAX_TICK,
            });
    }
}

#[test]
fn a_password_too_long_for_an_action_does_not_deserialize() {
    let json =
        r#"{"LogIn":{"user":1,"password":"averyveryverylongpassword","expected_version":null}}"#;
    assert!(serde_json::from_str::<AccountAction>(json).is_err());
}
