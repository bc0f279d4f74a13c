//! What each planted bug does at the level of one rule: the same given/when as the correct
//! rule's scenario, with the bug switched on.

use rewind_domains::payments::{
    CAPTURE_IGNORES_REFUNDS, CAPTURE_WITHOUT_AUTH, PaymentAction, PaymentEvent,
    REFUND_EXCEEDS_CAPTURE,
};

use super::{authorized, captured_1000, created, scenario, upstream_seed};

#[test]
fn planted_refund_exceeds_capture_refunds_money_never_captured() {
    scenario()
        .planted(REFUND_EXCEEDS_CAPTURE)
        .seed(upstream_seed(true))
        .given(authorized(0, 1000))
        .when(PaymentAction::Refund {
            payment: 0,
            amount: 400,
        })
        .then_events([PaymentEvent::Refunded {
            payment: 0,
            amount: 400,
        }])
        .and_state(|state| {
            let payment = state.payment(0).unwrap();
            assert!(payment.refunded > payment.captured);
        });
}

#[test]
fn planted_capture_without_auth_captures_during_fraud_review() {
    scenario()
        .planted(CAPTURE_WITHOUT_AUTH)
        .seed(upstream_seed(true))
        .given([
            created(0, 1000),
            PaymentEvent::FraudCheckPending { payment: 0 },
        ])
        .when(PaymentAction::Capture {
            payment: 0,
            amount: 1000,
        })
        .then_events([PaymentEvent::Captured {
            payment: 0,
            amount: 1000,
            fee: 59,
        }]);
}

#[test]
fn planted_capture_ignores_refunds_captures_past_the_auth() {
    let [created, approved, captured] = captured_1000();
    scenario()
        .planted(CAPTURE_IGNORES_REFUNDS)
        .seed(super::seed_where(|env| {
            rewind_domains::payments::provider::capture_succeeds(env, 0, 1)
        }))
        .given([
            created,
            approved,
            captured,
            PaymentEvent::Refunded {
                payment: 0,
                amount: 300,
            },
        ])
        .when(PaymentAction::Capture {
            payment: 0,
            amount: 300,
        })
        .then_events([PaymentEvent::Captured {
            payment: 0,
            amount: 300,
            fee: 38,
        }])
        .and_state(|state| {
            let payment = state.payment(0).unwrap();
            assert_eq!((payment.captured, payment.authorized), (1300, 1000));
        });
}
