//! Voids release an untouched auth; the archiver files terminal payments, and a client cannot
//! archive one that can still change.

use rewind_domains::payments::{PaymentAction, PaymentEvent, PaymentReject, PaymentStatus};

use super::{authorized, captured_1000, created, scenario};

#[test]
fn voiding_an_untouched_auth_closes_the_payment() {
    scenario()
        .given(authorized(0, 500))
        .when(PaymentAction::Void { payment: 0 })
        .then_events([
            PaymentEvent::AuthVoided { payment: 0 },
            PaymentEvent::PaymentArchived { payment: 0 },
        ])
        .and_state(|state| assert_eq!(state.payment(0).unwrap().status, PaymentStatus::Voided))
        .when(PaymentAction::Capture {
            payment: 0,
            amount: 1,
        })
        .then_reject(PaymentReject::Archived { payment: 0 });
}

#[test]
fn a_captured_payment_cannot_be_voided() {
    scenario()
        .given(captured_1000())
        .when(PaymentAction::Void { payment: 0 })
        .then_reject(PaymentReject::AlreadyCaptured {
            payment: 0,
            captured: 1000,
        });
}

#[test]
fn an_auth_in_review_cannot_be_voided() {
    scenario()
        .given([
            created(0, 500),
            PaymentEvent::FraudCheckPending { payment: 0 },
        ])
        .when(PaymentAction::Void { payment: 0 })
        .then_reject(PaymentReject::NotAuthorized {
            payment: 0,
            status: PaymentStatus::FraudReview,
        });
}

#[test]
fn a_client_cannot_archive_a_live_payment() {
    scenario()
        .given(authorized(0, 500))
        .when(PaymentAction::Archive { payment: 0 })
        .then_reject(PaymentReject::NotTerminal {
            payment: 0,
            status: PaymentStatus::Authorized,
        });
}

#[test]
fn an_archived_payment_is_archived_once() {
    scenario()
        .given([
            created(0, 500),
            PaymentEvent::AuthDeclined { payment: 0 },
            PaymentEvent::PaymentArchived { payment: 0 },
        ])
        .when(PaymentAction::Archive { payment: 0 })
        .then_reject(PaymentReject::Archived { payment: 0 });
}
