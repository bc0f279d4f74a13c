//! The bot: users who mostly remember their password, sometimes mistype it (so lockouts
//! happen), play and pay; and a few percent of hostile or malformed requests.

use rewind::Choices;

use super::action::{AccountAction, Password, UserId};
use super::decide::{MAX_LIVES_PER_PAYMENT, MAX_TICK};
use super::state::{AccountsState, MAX_USERS, hash_password};

/// The passwords bots sign up with and try; the first is the simplest for shrinking.
pub const PASSWORDS: [&str; 4] = ["hunter22", "letmein1", "swordfish", "opensesame"];

/// Passwords below the minimum length, for hostile sign-ups.
const SHORT_PASSWORDS: [&str; 3] = ["", "a", "abc"];

/// Percent of actions that are hostile or malformed.
const HOSTILE_PERCENT: u32 = 3;

pub fn next_action(state: &AccountsState, choices: &mut dyn Choices) -> AccountAction {
    if choices.chance(HOSTILE_PERCENT, 100) {
        return hostile(state, choices);
    }
    let user = choices.below(MAX_USERS as u32) as UserId;
    let stream = &state.users[usize::from(user)];
    if !stream.signed_up {
        let password = password(choices.below(PASSWORDS.len() as u32) as usize);
        let expected_version = expected(choices, stream.version);
        return AccountAction::SignUp {
            user,
            password,
            expected_version,
        };
    }
    let expected_version = expected(choices, stream.version);
    match choices.weighted(&[10, 50, 12, 12]) {
        0 => AccountAction::Tick {
            by: choices.between(1, 4) as i64,
        },
        1 => {
            let right = PASSWORDS
                .iter()
                .position(|p| hash_password(user, p) == stream.password_hash)
                .unwrap_or(0);
            let typed = if choices.chance(3, 5) {
                right
            } else {
                (right + 1 + choices.below(PASSWORDS.len() as u32 - 1) as usize) % PASSWORDS.len()
            };
            AccountAction::LogIn {
                user,
                password: password(typed),
                expected_version,
            }
        }
        2 => AccountAction::PayForLives {
            user,
            lives: choices.between(1, 3) as i64,
            expected_version,
        },
        _ => AccountAction::Die {
            user,
            expected_version,
        },
    }
}

/// Usually no expectation, often the current version, now and then a stale or future one.
fn expected(choices: &mut dyn Choices, version: u64) -> Option<u64> {
    match choices.weighted(&[60, 37, 3]) {
        0 => None,
        1 => Some(version),
        _ => Some(if choices.chance(1, 2) {
            version.saturating_sub(1)
        } else {
            version + 1
        }),
    }
}

fn hostile(state: &AccountsState, choices: &mut dyn Choices) -> AccountAction {
    let user = choices.below(MAX_USERS as u32) as UserId;
    let version = state.users[usize::from(user)].version;
    match choices.below(6) {
        0 => AccountAction::LogIn {
            user: *choices.pick(&[MAX_USERS as UserId, 200, UserId::MAX]),
            password: password(0),
            expected_version: None,
        },
        1 => AccountAction::SignUp {
            user,
            password: AccountAction::password(SHORT_PASSWORDS[choices.below(3) as usize]),
            expected_version: None,
        },
        2 => AccountAction::PayForLives {
            user,
            lives: *choices.pick(&[0, -1, -5, MAX_LIVES_PER_PAYMENT + 1, i64::MAX, i64::MIN]),
            expected_version: None,
        },
        3 => AccountAction::Tick {
            by: *choices.pick(&[0, -1, MAX_TICK + 1, i64::MIN, i64::MAX]),
        },
        4 => AccountAction::Die {
            user,
            expected_version: Some(version + 1 + u64::from(choices.below(3))),
        },
        _ => AccountAction::Die {
            user: *choices.pick(&[MAX_USERS as UserId, 77]),
            expected_version: None,
        },
    }
}

fn password(index: usize) -> Password {
    AccountAction::password(PASSWORDS[index % PASSWORDS.len()])
}

/// Simpler variants of one action, simplest first: no version expectation, a lower user id,
/// the first password, one life, a one-tick step.
pub fn shrink_action(action: &AccountAction) -> Vec<AccountAction> {
    let mut out = Vec::new();
    let mut push = |candidate: AccountAction| {
        if candidate != *action && !out.contains(&candidate) {
            out.push(candidate);
        }
    };
    match *action {
        AccountAction::Tick { by } => {
            if by > 1 {
                push(AccountAction::Tick { by: 1 });
                push(AccountAction::Tick { by: by / 2 });
            }
        }
        AccountAction::SignUp { user, password, .. } => {
            for lower in 0..user.min(MAX_USERS as UserId) {
                push(AccountAction::SignUp {
                    user: lower,
                    password,
                    expected_version: None,
                });
            }
            push(AccountAction::SignUp {
                user,
                password,
                expected_version: None,
            });
        }
        AccountAction::LogIn { user, password, .. } => push(AccountAction::LogIn {
            user,
            password,
            expected_version: None,
        }),
        AccountAction::PayForLives { user, lives, .. } => {
            if lives > 1 {
                push(AccountAction::PayForLives {
                    user,
                    lives: 1,
                    expected_version: None,
                });
            }
            push(AccountAction::PayForLives {
                user,
                lives,
                expected_version: None,
            });
        }
        AccountAction::Die { user, .. } => push(AccountAction::Die {
            user,
            expected_version: None,
        }),
        AccountAction::GrantBonus { .. } => {}
    }
    out
}
