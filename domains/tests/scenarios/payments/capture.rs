//! Captures: only under an approved auth, never more than is authorized and not captured,
//! and the provider may fail them.

use rewind_domains::payments::provider;
use rewind_domains::payments::{PaymentAction, PaymentEvent, PaymentReject, PaymentStatus};

use super::{authorized, captured_1000, created, scenario, seed_where, upstream_seed};

fn capture(amount: i64) -> PaymentAction {
    PaymentAction::Capture { payment: 0, amount }
}

#[test]
fn a_partial_capture_takes_the_fee_and_leaves_the_rest_authorized() {
    // Fee: 2.9% of 400 (11, rounded down) plus 30.
    scenario()
        .seed(upstream_seed(true))
        .given(authorized(0, 1000))
        .when(capture(400))
        .then_events([PaymentEvent::Captured {
            payment: 0,
            amount: 400,
            fee: 41,
        }])
        .and_state(|state| {
            let payment = state.payment(0).unwrap();
            assert_eq!(payment.status, PaymentStatus::PartiallyCaptured);
            assert_eq!(payment.capturable(), 600);
        });
}

#[test]
fn capturing_the_rest_completes_the_capture() {
    // The second capture of the payment is its own provider call (fee 17 + 30).
    scenario()
        .seed(seed_where(|env| provider::capture_succeeds(env, 0, 1)))
        .given(authorized(0, 1000))
        .given([PaymentEvent::Captured {
            payment: 0,
            amount: 400,
            fee: 41,
        }])
        .when(capture(600))
        .then_events([PaymentEvent::Captured {
            payment: 0,
            amount: 600,
            fee: 47,
        }])
        .and_state(|state| {
            let payment = state.payment(0).unwrap();
            assert_eq!(payment.status, PaymentStatus::Captured);
            assert_eq!(
                (payment.captured, payment.captures, payment.fees),
                (1000, 2, 88)
            );
        });
}

#[test]
fn a_full_capture_captures_everything_authorized() {
    scenario()
        .seed(upstream_seed(true))
        .given(authorized(0, 1000))
        .when(capture(1000))
        .then_events([PaymentEvent::Captured {
            payment: 0,
            amount: 1000,
            fee: 59,
        }])
        .and_state(|state| assert_eq!(state.payment(0).unwrap().status, PaymentStatus::Captured));
}

#[test]
fn a_capture_beyond_what_is_left_is_refused() {
    scenario()
        .given(authorized(0, 1000))
        .when(capture(1001))
        .then_reject(PaymentReject::CaptureExceedsAuthorized {
            payment: 0,
            amount: 1001,
            capturable: 1000,
        });
}

#[test]
fn refunds_do_not_free_up_capture_room() {
    let [created, approved, captured] = captured_1000();
    scenario()
        .given([
            created,
            approved,
            captured,
            PaymentEvent::Refunded {
                payment: 0,
                amount: 300,
            },
        ])
        .when(capture(1))
        .then_reject(PaymentReject::CaptureExceedsAuthorized {
            payment: 0,
            amount: 1,
            capturable: 0,
        });
}

#[test]
fn the_provider_may_fail_a_capture_and_nothing_moves() {
    scenario()
        .seed(upstream_seed(false))
        .given(authorized(0, 1000))
        .when(capture(400))
        .then_events([PaymentEvent::CaptureFailed {
            payment: 0,
            amount: 400,
        }])
        .and_state(|state| {
            let payment = state.payment(0).unwrap();
            assert_eq!((payment.captured, payment.failed_captures), (0, 1));
            assert_eq!(payment.status, PaymentStatus::Authorized);
        });
}

#[test]
fn no_capture_without_an_approved_auth() {
    scenario()
        .given([
            created(0, 1000),
            PaymentEvent::FraudCheckPending { payment: 0 },
        ])
        .when(capture(10))
        .then_reject(PaymentReject::NotAuthorized {
            payment: 0,
            status: PaymentStatus::FraudReview,
        });
    scenario()
        .given([
            created(0, 1000),
            PaymentEvent::AuthTimedOut {
                payment: 0,
                attempt: 1,
            },
        ])
        .when(capture(10))
        .then_reject(PaymentReject::NotAuthorized {
            payment: 0,
            status: PaymentStatus::TimedOut,
        });
}

#[test]
fn a_payment_takes_at_most_32_capture_attempts() {
    let failures = (0..32).map(|_| PaymentEvent::CaptureFailed {
        payment: 0,
        amount: 1,
    });
    scenario()
        .given(authorized(0, 1000))
        .given(failures)
        .when(capture(1))
        .then_reject(PaymentReject::TooManyParts {
            payment: 0,
            max: 32,
        });
}
