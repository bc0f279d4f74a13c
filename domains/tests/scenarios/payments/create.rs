//! Creating a payment: the authoriser reactor sends the auth upstream in the same step, and
//! the provider's answer decides where the payment starts.

use rewind_domains::payments::provider::{self, AuthAnswer};
use rewind_domains::payments::{
    AuthState, PaymentAction, PaymentEvent, PaymentReject, PaymentStatus,
};

use super::{auth_seed, created, scenario, seed_where};

fn create(payment: u32, amount: i64) -> PaymentAction {
    PaymentAction::CreatePayment {
        payment,
        customer: 0,
        merchant: 0,
        amount,
    }
}

#[test]
fn an_approved_auth_leaves_the_payment_authorized() {
    scenario()
        .seed(auth_seed(AuthAnswer::Approved))
        .when(create(0, 2500))
        .then_events([
            created(0, 2500),
            PaymentEvent::AuthApproved {
                payment: 0,
                amount: 2500,
            },
        ])
        .and_state(|state| {
            let payment = state.payment(0).unwrap();
            assert_eq!(payment.status, PaymentStatus::Authorized);
            assert_eq!(payment.authorized, 2500);
            assert!(!payment.archived);
        });
}

#[test]
fn a_declined_auth_is_terminal_and_the_archiver_files_it() {
    scenario()
        .seed(auth_seed(AuthAnswer::Declined))
        .when(create(0, 2500))
        .then_events([
            created(0, 2500),
            PaymentEvent::AuthDeclined { payment: 0 },
            PaymentEvent::PaymentArchived { payment: 0 },
        ])
        .and_state(|state| {
            assert_eq!(state.payment(0).unwrap().status, PaymentStatus::Declined);
            assert!(state.payment(0).unwrap().archived);
        });
}

#[test]
fn a_timed_out_auth_waits_for_a_retry() {
    scenario()
        .seed(auth_seed(AuthAnswer::TimedOut))
        .when(create(0, 2500))
        .then_events([
            created(0, 2500),
            PaymentEvent::AuthTimedOut {
                payment: 0,
                attempt: 1,
            },
        ])
        .and_state(|state| assert_eq!(state.payment(0).unwrap().status, PaymentStatus::TimedOut));
}

#[test]
fn a_fraud_check_holds_the_auth_in_review() {
    scenario()
        .seed(auth_seed(AuthAnswer::FraudCheck))
        .when(create(0, 2500))
        .then_events([
            created(0, 2500),
            PaymentEvent::FraudCheckPending { payment: 0 },
        ])
        .and_state(|state| {
            assert_eq!(state.payment(0).unwrap().auth, AuthState::FraudPending);
            assert_eq!(state.payment(0).unwrap().status, PaymentStatus::FraudReview);
        });
}

#[test]
fn a_payment_id_is_taken_once() {
    scenario()
        .given([created(0, 100)])
        .when(create(0, 100))
        .then_reject(PaymentReject::DuplicatePayment { payment: 0 });
}

#[test]
fn ids_need_not_be_consecutive() {
    scenario()
        .seed(seed_where(|env| {
            provider::auth_answer(env, 9, 1) == AuthAnswer::Approved
        }))
        .given([created(0, 100)])
        .when(create(9, 100))
        .then_events([
            created(9, 100),
            PaymentEvent::AuthApproved {
                payment: 9,
                amount: 100,
            },
        ])
        .and_state(|state| assert!(state.payment(5).is_none()));
}

#[test]
fn customers_and_merchants_must_exist() {
    // The default config has customers 0..3 and merchants 0..2.
    scenario()
        .when(PaymentAction::CreatePayment {
            payment: 0,
            customer: 3,
            merchant: 0,
            amount: 100,
        })
        .then_reject(PaymentReject::UnknownCustomer {
            customer: 3,
            customers: 3,
        })
        .when(PaymentAction::CreatePayment {
            payment: 0,
            customer: 0,
            merchant: u32::MAX,
            amount: 100,
        })
        .then_reject(PaymentReject::UnknownMerchant {
            merchant: u32::MAX,
            merchants: 2,
        });
}

#[test]
fn ids_stay_below_the_limit_of_64_payments() {
    for payment in [64, u32::MAX] {
        scenario()
            .when(create(payment, 100))
            .then_reject(PaymentReject::PaymentIdOutOfRange { payment, limit: 64 });
    }
}
