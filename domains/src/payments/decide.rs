//! The rules: what each action means for the payments it names (captures and refunds, the
//! rules that move money, are in [`super::money`]).

use rewind::Env;

use super::action::PaymentAction;
use super::bugs::WEBHOOK_REOPENS_SETTLED_AUTH;
use super::event::{IgnoredBecause, PaymentEvent};
use super::lifecycle::is_terminal;
use super::money;
use super::provider::{self, AuthAnswer};
use super::reject::PaymentReject;
use super::state::{
    AuthState, MAX_AMOUNT, MAX_AUTH_ATTEMPTS, MAX_PAYMENTS, Payment, PaymentId, PaymentsState,
};

type Decided = Result<(), PaymentReject>;

pub fn decide(
    state: &PaymentsState,
    action: &PaymentAction,
    env: &mut Env,
    out: &mut Vec<PaymentEvent>,
) -> Decided {
    use PaymentAction::*;
    match *action {
        CreatePayment {
            payment,
            customer,
            merchant,
            amount,
        } => create(state, payment, customer, merchant, amount, out),
        RequestAuth { payment } => request_auth(state, payment, env, out),
        RetryAuth { payment } => retry_auth(state, payment, out),
        FraudWebhook { payment, approved } => fraud_webhook(state, payment, approved, env, out),
        Capture { payment, amount } => money::capture(state, payment, amount, env, out),
        Refund { payment, amount } => money::refund(state, payment, amount, env, out),
        Void { payment } => void(state, payment, out),
        Archive { payment } => archive(state, payment, out),
        Settle {
            payment,
            part,
            amount,
        } => super::settlement::settle(state, payment, part, amount, env, out),
    }
}

/// An amount a client sent: positive and at most [`MAX_AMOUNT`].
pub(super) fn checked_amount(amount: i64) -> Result<u64, PaymentReject> {
    match u64::try_from(amount) {
        Ok(0) | Err(_) => Err(PaymentReject::NonPositiveAmount { amount }),
        Ok(valid) if valid > MAX_AMOUNT => Err(PaymentReject::AmountTooLarge {
            amount,
            max: MAX_AMOUNT,
        }),
        Ok(valid) => Ok(valid),
    }
}

/// A payment that exists and is not archived: the only kind an action may change.
pub(super) fn live(state: &PaymentsState, payment: PaymentId) -> Result<&Payment, PaymentReject> {
    let found = state
        .payment(payment)
        .ok_or(PaymentReject::UnknownPayment { payment })?;
    if found.archived {
        return Err(PaymentReject::Archived { payment });
    }
    Ok(found)
}

/// A payment takes an unused id, a known customer and merchant and a valid amount; the
/// authoriser reactor then sends its auth upstream within the same step.
fn create(
    state: &PaymentsState,
    payment: PaymentId,
    customer: u32,
    merchant: u32,
    amount: i64,
    out: &mut Vec<PaymentEvent>,
) -> Decided {
    if payment as usize >= MAX_PAYMENTS {
        return Err(PaymentReject::PaymentIdOutOfRange {
            payment,
            limit: MAX_PAYMENTS,
        });
    }
    if state.payment(payment).is_some() {
        return Err(PaymentReject::DuplicatePayment { payment });
    }
    let customers = state.config.customers;
    if customer >= customers {
        return Err(PaymentReject::UnknownCustomer {
            customer,
            customers,
        });
    }
    let merchants = state.config.merchants;
    if merchant >= merchants {
        return Err(PaymentReject::UnknownMerchant {
            merchant,
            merchants,
        });
    }
    let amount = checked_amount(amount)?;
    out.push(PaymentEvent::PaymentCreated {
        payment,
        customer,
        merchant,
        amount,
    });
    Ok(())
}

/// The provider answers an auth that waits for it: approved, declined, timed out or held for
/// a fraud check. Its answer is recorded in the event.
fn request_auth(
    state: &PaymentsState,
    payment: PaymentId,
    env: &mut Env,
    out: &mut Vec<PaymentEvent>,
) -> Decided {
    let found = live(state, payment)?;
    if found.auth != AuthState::Requested {
        return Err(PaymentReject::NotAwaitingProvider {
            payment,
            status: found.status,
        });
    }
    let attempt = found.auth_attempts;
    out.push(match provider::auth_answer(env, payment, attempt) {
        AuthAnswer::Approved => PaymentEvent::AuthApproved {
            payment,
            amount: found.amount,
        },
        AuthAnswer::Declined => PaymentEvent::AuthDeclined { payment },
        AuthAnswer::TimedOut => PaymentEvent::AuthTimedOut { payment, attempt },
        AuthAnswer::FraudCheck => PaymentEvent::FraudCheckPending { payment },
    });
    Ok(())
}

/// Only a timed-out auth is retried, at most [`MAX_AUTH_ATTEMPTS`] attempts in all.
fn retry_auth(state: &PaymentsState, payment: PaymentId, out: &mut Vec<PaymentEvent>) -> Decided {
    let found = live(state, payment)?;
    if found.auth != AuthState::TimedOut {
        return Err(PaymentReject::NotTimedOut {
            payment,
            status: found.status,
        });
    }
    if found.auth_attempts >= MAX_AUTH_ATTEMPTS {
        return Err(PaymentReject::RetriesExhausted {
            payment,
            attempts: found.auth_attempts,
        });
    }
    out.push(PaymentEvent::AuthRetried {
        payment,
        attempt: found.auth_attempts + 1,
    });
    Ok(())
}

/// A webhook is always acknowledged (the provider would resend it otherwise), but only a
/// verdict for an auth in fraud review changes anything; any other is recorded as ignored.
fn fraud_webhook(
    state: &PaymentsState,
    payment: PaymentId,
    approved: bool,
    env: &mut Env,
    out: &mut Vec<PaymentEvent>,
) -> Decided {
    let Some(found) = state.payment(payment) else {
        out.push(PaymentEvent::WebhookIgnored {
            payment,
            approved,
            because: IgnoredBecause::UnknownPayment,
        });
        return Ok(());
    };
    let in_review = found.auth == AuthState::FraudPending && !found.archived;
    if !in_review && !env.planted(WEBHOOK_REOPENS_SETTLED_AUTH) {
        out.push(PaymentEvent::WebhookIgnored {
            payment,
            approved,
            because: IgnoredBecause::NotInFraudReview,
        });
        return Ok(());
    }
    out.push(if approved {
        PaymentEvent::FraudApproved {
            payment,
            amount: found.amount,
        }
    } else {
        PaymentEvent::FraudDeclined { payment }
    });
    Ok(())
}

/// Only an approved auth with nothing captured can be voided.
fn void(state: &PaymentsState, payment: PaymentId, out: &mut Vec<PaymentEvent>) -> Decided {
    let found = live(state, payment)?;
    if found.auth != AuthState::Approved {
        return Err(PaymentReject::NotAuthorized {
            payment,
            status: found.status,
        });
    }
    if found.captured > 0 {
        return Err(PaymentReject::AlreadyCaptured {
            payment,
            captured: found.captured,
        });
    }
    out.push(PaymentEvent::AuthVoided { payment });
    Ok(())
}

/// Only a terminal payment is archived, once.
fn archive(state: &PaymentsState, payment: PaymentId, out: &mut Vec<PaymentEvent>) -> Decided {
    let found = live(state, payment)?;
    if !is_terminal(found.status) {
        return Err(PaymentReject::NotTerminal {
            payment,
            status: found.status,
        });
    }
    out.push(PaymentEvent::PaymentArchived { payment });
    Ok(())
}
