//! Hostile and broken clients: bad amounts, unknown ids, actions in the wrong state. Each is
//! refused by `decide` with a reason, and the rejection path is tested as hard as the rest.

use rewind::Choices;

use super::action::PaymentAction;
use super::bot::{any_payment, find, unknown_payment};
use super::state::{AuthState, MAX_AMOUNT, MAX_PAYMENTS, PaymentId, PaymentsState};

/// Amounts no client may send.
const BAD_AMOUNTS: &[i64] = &[0, -1, -500, i64::MIN, i64::MAX, MAX_AMOUNT as i64 + 1];

pub fn hostile(state: &PaymentsState, choices: &mut dyn Choices) -> PaymentAction {
    use PaymentAction::*;
    let known = any_payment(state, choices);
    let free = state.free_id().unwrap_or(0);
    match choices.below(13) {
        0 => Capture {
            payment: known,
            amount: *choices.pick(BAD_AMOUNTS),
        },
        1 => Refund {
            payment: known,
            amount: *choices.pick(BAD_AMOUNTS),
        },
        2 => CreatePayment {
            payment: free,
            customer: 0,
            merchant: 0,
            amount: *choices.pick(BAD_AMOUNTS),
        },
        3 => CreatePayment {
            payment: free,
            customer: state.config.customers.saturating_add(choices.below(2)),
            merchant: if choices.chance(1, 2) { u32::MAX } else { 0 },
            amount: 100,
        },
        4 => CreatePayment {
            payment: *choices.pick(&[known, MAX_PAYMENTS as PaymentId, PaymentId::MAX]),
            customer: 0,
            merchant: 0,
            amount: 100,
        },
        5 => {
            let payment = unknown_payment(state, choices);
            *choices.pick(&[
                Capture {
                    payment,
                    amount: 100,
                },
                Refund {
                    payment,
                    amount: 100,
                },
                Void { payment },
                RetryAuth { payment },
                Archive { payment },
                RequestAuth { payment },
            ])
        }
        6 => {
            // More than is left to capture: after a refund this is what a naive client sends.
            let payment = find(state, choices, |p| {
                p.auth == AuthState::Approved && !p.archived
            })
            .unwrap_or(known);
            let over = state
                .payment(payment)
                .map_or(1, |p| p.capturable() + p.refunded.min(1) + 1);
            Capture {
                payment,
                amount: (over + u64::from(choices.below(100))) as i64,
            }
        }
        7 => {
            let payment = find(state, choices, |p| {
                p.auth == AuthState::Approved && !p.archived
            })
            .unwrap_or(known);
            let over = state.payment(payment).map_or(1, |p| p.refundable() + 1);
            Refund {
                payment,
                amount: (over + u64::from(choices.below(100))) as i64,
            }
        }
        8 => RequestAuth { payment: known },
        9 => Archive { payment: known },
        10 => Void { payment: known },
        11 => {
            // Capturing before the auth is settled.
            let payment = find(state, choices, |p| {
                matches!(p.auth, AuthState::FraudPending | AuthState::TimedOut)
            })
            .unwrap_or(known);
            Capture {
                payment,
                amount: choices.between(1, 1000) as i64,
            }
        }
        _ => RetryAuth { payment: known },
    }
}
