//! The rules that move money: captures and refunds, each bounded by what the payment still
//! holds, each a provider call that may fail.

use rewind::Env;

use super::bugs::{CAPTURE_IGNORES_REFUNDS, CAPTURE_WITHOUT_AUTH, REFUND_EXCEEDS_CAPTURE};
use super::decide::{checked_amount, live};
use super::event::PaymentEvent;
use super::provider;
use super::reject::PaymentReject;
use super::state::{AuthState, MAX_PARTS, PaymentId, PaymentsState};

/// A capture needs an approved auth and may take at most what is authorized and not yet
/// captured; the provider may still fail it.
pub fn capture(
    state: &PaymentsState,
    payment: PaymentId,
    amount: i64,
    env: &mut Env,
    out: &mut Vec<PaymentEvent>,
) -> Result<(), PaymentReject> {
    let found = live(state, payment)?;
    let amount = checked_amount(amount)?;
    let capturable = if env.planted(CAPTURE_WITHOUT_AUTH) {
        found.amount.saturating_sub(found.captured)
    } else {
        if found.auth != AuthState::Approved {
            return Err(PaymentReject::NotAuthorized {
                payment,
                status: found.status,
            });
        }
        if env.planted(CAPTURE_IGNORES_REFUNDS) {
            found.capturable().saturating_add(found.refunded)
        } else {
            found.capturable()
        }
    };
    if amount > capturable {
        return Err(PaymentReject::CaptureExceedsAuthorized {
            payment,
            amount,
            capturable,
        });
    }
    if state.settlements.is_full() {
        return Err(PaymentReject::SettlementBacklog {
            waiting: state.settlements.len(),
        });
    }
    let index = found.captures + found.failed_captures;
    if index >= MAX_PARTS {
        return Err(PaymentReject::TooManyParts {
            payment,
            max: MAX_PARTS,
        });
    }
    out.push(
        if provider::capture_succeeds(env, payment, u32::from(index)) {
            PaymentEvent::Captured {
                payment,
                amount,
                fee: provider::fee(amount),
            }
        } else {
            PaymentEvent::CaptureFailed { payment, amount }
        },
    );
    Ok(())
}

/// A refund may return at most what was captured and not yet refunded; the provider may
/// still fail it.
pub fn refund(
    state: &PaymentsState,
    payment: PaymentId,
    amount: i64,
    env: &mut Env,
    out: &mut Vec<PaymentEvent>,
) -> Result<(), PaymentReject> {
    let found = live(state, payment)?;
    let amount = checked_amount(amount)?;
    let refundable = if env.planted(REFUND_EXCEEDS_CAPTURE) {
        found.authorized.saturating_sub(found.refunded)
    } else {
        found.refundable()
    };
    if amount > refundable {
        return Err(PaymentReject::RefundExceedsCaptured {
            payment,
            amount,
            refundable,
        });
    }
    let index = found.refunds + found.failed_refunds;
    if index >= MAX_PARTS {
        return Err(PaymentReject::TooManyParts {
            payment,
            max: MAX_PARTS,
        });
    }
    out.push(
        if provider::refund_succeeds(env, payment, u32::from(index)) {
            PaymentEvent::Refunded { payment, amount }
        } else {
            PaymentEvent::RefundFailed { payment, amount }
        },
    );
    Ok(())
}
