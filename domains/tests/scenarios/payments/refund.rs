//! Refunds: never more than was captured and not yet refunded; a full refund closes the
//! payment; the provider may fail them.

use rewind_domains::payments::{PaymentAction, PaymentEvent, PaymentReject, PaymentStatus};

use super::{authorized, captured_1000, scenario, upstream_seed};

fn refund(amount: i64) -> PaymentAction {
    PaymentAction::Refund { payment: 0, amount }
}

#[test]
fn a_partial_refund_leaves_the_payment_partially_refunded() {
    scenario()
        .seed(upstream_seed(true))
        .given(captured_1000())
        .when(refund(300))
        .then_events([PaymentEvent::Refunded {
            payment: 0,
            amount: 300,
        }])
        .and_state(|state| {
            let payment = state.payment(0).unwrap();
            assert_eq!(payment.status, PaymentStatus::PartiallyRefunded);
            assert_eq!(payment.refundable(), 700);
        });
}

#[test]
fn a_full_refund_is_terminal_and_the_archiver_files_it() {
    scenario()
        .seed(upstream_seed(true))
        .given(captured_1000())
        .when(refund(1000))
        .then_events([
            PaymentEvent::Refunded {
                payment: 0,
                amount: 1000,
            },
            PaymentEvent::PaymentArchived { payment: 0 },
        ])
        .and_state(|state| {
            assert_eq!(state.payment(0).unwrap().status, PaymentStatus::Refunded);
            assert!(state.payment(0).unwrap().archived);
        });
}

#[test]
fn a_refund_beyond_what_was_captured_is_refused() {
    scenario()
        .given(captured_1000())
        .when(refund(1001))
        .then_reject(PaymentReject::RefundExceedsCaptured {
            payment: 0,
            amount: 1001,
            refundable: 1000,
        });
}

#[test]
fn nothing_captured_means_nothing_to_refund() {
    scenario()
        .given(authorized(0, 1000))
        .when(refund(1))
        .then_reject(PaymentReject::RefundExceedsCaptured {
            payment: 0,
            amount: 1,
            refundable: 0,
        });
}

#[test]
fn the_provider_may_fail_a_refund_and_nothing_moves() {
    scenario()
        .seed(upstream_seed(false))
        .given(captured_1000())
        .when(refund(300))
        .then_events([PaymentEvent::RefundFailed {
            payment: 0,
            amount: 300,
        }])
        .and_state(|state| {
            let payment = state.payment(0).unwrap();
            assert_eq!((payment.refunded, payment.failed_refunds), (0, 1));
            assert_eq!(payment.status, PaymentStatus::Captured);
        });
}

#[test]
fn a_refunded_payment_is_archived_and_frozen() {
    let [created, approved, captured] = captured_1000();
    scenario()
        .given([
            created,
            approved,
            captured,
            PaymentEvent::Refunded {
                payment: 0,
                amount: 1000,
            },
            PaymentEvent::PaymentArchived { payment: 0 },
        ])
        .when(refund(1))
        .then_reject(PaymentReject::Archived { payment: 0 });
}
