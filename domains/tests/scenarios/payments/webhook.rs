//! Fraud webhooks: a verdict settles an auth in review; any other webhook is acknowledged and
//! changes nothing.

use rewind_domains::payments::{
    AuthState, IgnoredBecause, PaymentAction, PaymentEvent, PaymentStatus,
    WEBHOOK_REOPENS_SETTLED_AUTH,
};

use super::{authorized, created, scenario};

fn in_review() -> [PaymentEvent; 2] {
    [
        created(0, 900),
        PaymentEvent::FraudCheckPending { payment: 0 },
    ]
}

fn webhook(payment: u32, approved: bool) -> PaymentAction {
    PaymentAction::FraudWebhook { payment, approved }
}

#[test]
fn an_approving_verdict_authorizes_the_payment() {
    scenario()
        .given(in_review())
        .when(webhook(0, true))
        .then_events([PaymentEvent::FraudApproved {
            payment: 0,
            amount: 900,
        }])
        .and_state(|state| {
            assert_eq!(state.payment(0).unwrap().status, PaymentStatus::Authorized);
            assert_eq!(state.payment(0).unwrap().authorized, 900);
        });
}

#[test]
fn a_declining_verdict_declines_and_archives_it() {
    scenario()
        .given(in_review())
        .when(webhook(0, false))
        .then_events([
            PaymentEvent::FraudDeclined { payment: 0 },
            PaymentEvent::PaymentArchived { payment: 0 },
        ])
        .and_state(|state| assert_eq!(state.payment(0).unwrap().status, PaymentStatus::Declined));
}

#[test]
fn a_webhook_for_an_unknown_payment_changes_nothing() {
    let then = scenario().given(in_review()).when(webhook(5, false));
    let before = then.engine().state().payments.clone();
    then.then_events([PaymentEvent::WebhookIgnored {
        payment: 5,
        approved: false,
        because: IgnoredBecause::UnknownPayment,
    }])
    .and_state(|state| {
        assert_eq!(state.payments, before);
        assert_eq!(state.webhooks_ignored, 1);
    });
}

#[test]
fn a_webhook_for_a_settled_auth_changes_nothing() {
    scenario()
        .given(authorized(0, 900))
        .when(webhook(0, false))
        .then_events([PaymentEvent::WebhookIgnored {
            payment: 0,
            approved: false,
            because: IgnoredBecause::NotInFraudReview,
        }])
        .and_state(|state| {
            assert_eq!(state.payment(0).unwrap().auth, AuthState::Approved);
            assert_eq!(state.payment(0).unwrap().fraud_decisions, 0);
        });
}

#[test]
fn a_resent_verdict_after_the_first_changes_nothing() {
    let [created, pending] = in_review();
    scenario()
        .given([
            created,
            pending,
            PaymentEvent::FraudDeclined { payment: 0 },
            PaymentEvent::PaymentArchived { payment: 0 },
        ])
        .when(webhook(0, true))
        .then_events([PaymentEvent::WebhookIgnored {
            payment: 0,
            approved: true,
            because: IgnoredBecause::NotInFraudReview,
        }])
        .and_state(|state| {
            assert_eq!(state.payment(0).unwrap().status, PaymentStatus::Declined);
            assert_eq!(state.payment(0).unwrap().fraud_decisions, 1);
        });
}

#[test]
fn planted_webhook_reopens_settled_auth_declines_an_approved_payment() {
    scenario()
        .planted(WEBHOOK_REOPENS_SETTLED_AUTH)
        .given(authorized(0, 900))
        .when(webhook(0, false))
        .then_events([
            PaymentEvent::FraudDeclined { payment: 0 },
            PaymentEvent::PaymentArchived { payment: 0 },
        ])
        .and_state(|state| {
            let payment = state.payment(0).unwrap();
            assert!(payment.fraud_decisions > payment.fraud_checks);
            let bad = state.illegal_transition.expect("recorded");
            assert_eq!(
                (bad.from, bad.to),
                (PaymentStatus::Authorized, PaymentStatus::Declined)
            );
        });
}
