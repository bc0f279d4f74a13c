//! Auth retries after a timeout, and the provider call only the authoriser may make.

use rewind_domains::payments::provider::{self, AuthAnswer};
use rewind_domains::payments::{PaymentAction, PaymentEvent, PaymentReject, PaymentStatus};

use super::{authorized, created, scenario, seed_where};

fn timed_out(attempt: u8) -> PaymentEvent {
    PaymentEvent::AuthTimedOut {
        payment: 0,
        attempt,
    }
}

fn retried(attempt: u8) -> PaymentEvent {
    PaymentEvent::AuthRetried {
        payment: 0,
        attempt,
    }
}

#[test]
fn a_retry_asks_the_provider_again_as_a_new_attempt() {
    let seed = seed_where(|env| provider::auth_answer(env, 0, 2) == AuthAnswer::Approved);
    scenario()
        .seed(seed)
        .given([created(0, 800), timed_out(1)])
        .when(PaymentAction::RetryAuth { payment: 0 })
        .then_events([
            retried(2),
            PaymentEvent::AuthApproved {
                payment: 0,
                amount: 800,
            },
        ])
        .and_state(|state| {
            assert_eq!(state.payment(0).unwrap().auth_attempts, 2);
            assert_eq!(state.payment(0).unwrap().status, PaymentStatus::Authorized);
        });
}

#[test]
fn only_a_timed_out_auth_is_retried() {
    scenario()
        .given(authorized(0, 800))
        .when(PaymentAction::RetryAuth { payment: 0 })
        .then_reject(PaymentReject::NotTimedOut {
            payment: 0,
            status: PaymentStatus::Authorized,
        });
}

#[test]
fn an_auth_gets_three_attempts_at_most() {
    scenario()
        .given([
            created(0, 800),
            timed_out(1),
            retried(2),
            timed_out(2),
            retried(3),
            timed_out(3),
        ])
        .when(PaymentAction::RetryAuth { payment: 0 })
        .then_reject(PaymentReject::RetriesExhausted {
            payment: 0,
            attempts: 3,
        });
}

#[test]
fn a_client_cannot_ask_the_provider_for_an_answered_auth() {
    scenario()
        .given(authorized(0, 800))
        .when(PaymentAction::RequestAuth { payment: 0 })
        .then_reject(PaymentReject::NotAwaitingProvider {
            payment: 0,
            status: PaymentStatus::Authorized,
        });
}

#[test]
fn a_retry_for_an_unknown_payment_is_refused() {
    scenario()
        .when(PaymentAction::RetryAuth { payment: 3 })
        .then_reject(PaymentReject::UnknownPayment { payment: 3 });
}
