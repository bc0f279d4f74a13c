//! Malformed and hostile actions: each is refused with the reason that names what was wrong.

use rewind_domains::payments::{PaymentAction, PaymentReject};

use super::{authorized, captured_1000, scenario};

const MAX_AMOUNT: u64 = 1_000_000_000;

/// Every amount a client may not send, with the reason it gets.
fn bad_amounts() -> [(i64, PaymentReject); 5] {
    [
        (0, PaymentReject::NonPositiveAmount { amount: 0 }),
        (-1, PaymentReject::NonPositiveAmount { amount: -1 }),
        (
            i64::MIN,
            PaymentReject::NonPositiveAmount { amount: i64::MIN },
        ),
        (
            MAX_AMOUNT as i64 + 1,
            PaymentReject::AmountTooLarge {
                amount: MAX_AMOUNT as i64 + 1,
                max: MAX_AMOUNT,
            },
        ),
        (
            i64::MAX,
            PaymentReject::AmountTooLarge {
                amount: i64::MAX,
                max: MAX_AMOUNT,
            },
        ),
    ]
}

#[test]
fn a_payment_with_a_bad_amount_is_refused() {
    for (amount, reason) in bad_amounts() {
        scenario()
            .when(PaymentAction::CreatePayment {
                payment: 0,
                customer: 0,
                merchant: 0,
                amount,
            })
            .then_reject(reason);
    }
}

#[test]
fn the_largest_amount_is_accepted() {
    scenario()
        .when(PaymentAction::CreatePayment {
            payment: 0,
            customer: 0,
            merchant: 0,
            amount: MAX_AMOUNT as i64,
        })
        .and_state(|state| assert_eq!(state.payment(0).unwrap().amount, MAX_AMOUNT));
}

#[test]
fn a_capture_with_a_bad_amount_is_refused() {
    for (amount, reason) in bad_amounts() {
        scenario()
            .given(authorized(0, 1000))
            .when(PaymentAction::Capture { payment: 0, amount })
            .then_reject(reason);
    }
}

#[test]
fn a_refund_with_a_bad_amount_is_refused() {
    for (amount, reason) in bad_amounts() {
        scenario()
            .given(captured_1000())
            .when(PaymentAction::Refund { payment: 0, amount })
            .then_reject(reason);
    }
}

#[test]
fn every_action_on_an_unknown_payment_is_refused() {
    for payment in [1, 64, u32::MAX] {
        let unknown = PaymentReject::UnknownPayment { payment };
        for action in [
            PaymentAction::RequestAuth { payment },
            PaymentAction::RetryAuth { payment },
            PaymentAction::Capture {
                payment,
                amount: 10,
            },
            PaymentAction::Refund {
                payment,
                amount: 10,
            },
            PaymentAction::Void { payment },
            PaymentAction::Archive { payment },
        ] {
            scenario()
                .given(authorized(0, 1000))
                .when(action)
                .then_reject(unknown);
        }
    }
}

#[test]
fn reasons_read_with_their_numbers() {
    let reason = PaymentReject::RefundExceedsCaptured {
        payment: 2,
        amount: 900,
        refundable: 300,
    };
    assert_eq!(
        reason.to_string(),
        "refund of 900 on payment 2 exceeds the 300 captured and not refunded"
    );
    assert_eq!(
        PaymentReject::NonPositiveAmount { amount: -5 }.to_string(),
        "amount -5 is not positive"
    );
}
