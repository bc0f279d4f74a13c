//! Why the payments domain refused an action.

use std::fmt;

use super::lifecycle::PaymentStatus;
use super::state::PaymentId;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PaymentReject {
    UnknownPayment {
        payment: PaymentId,
    },
    /// A new payment needs an id no payment has.
    DuplicatePayment {
        payment: PaymentId,
    },
    /// Payment ids are below a fixed limit (the most payments a run holds).
    PaymentIdOutOfRange {
        payment: PaymentId,
        limit: usize,
    },
    UnknownCustomer {
        customer: u32,
        customers: u32,
    },
    UnknownMerchant {
        merchant: u32,
        merchants: u32,
    },
    NonPositiveAmount {
        amount: i64,
    },
    AmountTooLarge {
        amount: i64,
        max: u64,
    },
    /// The payment was archived: it is terminal and frozen.
    Archived {
        payment: PaymentId,
    },
    /// `RequestAuth` for an auth that is not waiting for the provider.
    NotAwaitingProvider {
        payment: PaymentId,
        status: PaymentStatus,
    },
    /// `RetryAuth` for an auth that did not time out.
    NotTimedOut {
        payment: PaymentId,
        status: PaymentStatus,
    },
    RetriesExhausted {
        payment: PaymentId,
        attempts: u8,
    },
    /// A capture or a void needs an approved auth.
    NotAuthorized {
        payment: PaymentId,
        status: PaymentStatus,
    },
    CaptureExceedsAuthorized {
        payment: PaymentId,
        amount: u64,
        capturable: u64,
    },
    RefundExceedsCaptured {
        payment: PaymentId,
        amount: u64,
        refundable: u64,
    },
    /// A void after something was captured.
    AlreadyCaptured {
        payment: PaymentId,
        captured: u64,
    },
    TooManyParts {
        payment: PaymentId,
        max: u16,
    },
    /// A capture while [`super::state::MAX_SETTLEMENTS`] settlement reports wait.
    SettlementBacklog {
        waiting: usize,
    },
    /// A settlement report for a capture that never happened.
    NoSuchCapture {
        payment: PaymentId,
        part: u16,
    },
    /// `Archive` for a payment that can still change.
    NotTerminal {
        payment: PaymentId,
        status: PaymentStatus,
    },
}

impl fmt::Display for PaymentReject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use PaymentReject::*;
        match *self {
            UnknownPayment { payment } => write!(f, "no payment has id {payment}"),
            DuplicatePayment { payment } => write!(f, "payment {payment} already exists"),
            PaymentIdOutOfRange { payment, limit } => {
                write!(
                    f,
                    "payment id {payment} is out of range (ids are 0..{limit})"
                )
            }
            UnknownCustomer {
                customer,
                customers,
            } => write!(
                f,
                "customer {customer} unknown (customers are 0..{customers})"
            ),
            UnknownMerchant {
                merchant,
                merchants,
            } => write!(
                f,
                "merchant {merchant} unknown (merchants are 0..{merchants})"
            ),
            NonPositiveAmount { amount } => write!(f, "amount {amount} is not positive"),
            AmountTooLarge { amount, max } => {
                write!(f, "amount {amount} exceeds the maximum {max}")
            }
            Archived { payment } => write!(f, "payment {payment} is archived"),
            NotAwaitingProvider { payment, status } => {
                write!(
                    f,
                    "payment {payment} is {status:?}, not waiting for the provider"
                )
            }
            NotTimedOut { payment, status } => {
                write!(
                    f,
                    "payment {payment} is {status:?}; only a timed-out auth is retried"
                )
            }
            RetriesExhausted { payment, attempts } => {
                write!(f, "payment {payment} already made {attempts} auth attempts")
            }
            NotAuthorized { payment, status } => {
                write!(f, "payment {payment} is {status:?}, not authorized")
            }
            CaptureExceedsAuthorized {
                payment,
                amount,
                capturable,
            } => write!(
                f,
                "capture of {amount} on payment {payment} exceeds the {capturable} still authorized"
            ),
            RefundExceedsCaptured {
                payment,
                amount,
                refundable,
            } => write!(
                f,
                "refund of {amount} on payment {payment} exceeds the {refundable} captured and not refunded"
            ),
            AlreadyCaptured { payment, captured } => {
                write!(
                    f,
                    "payment {payment} already captured {captured}; it cannot be voided"
                )
            }
            TooManyParts { payment, max } => {
                write!(f, "payment {payment} already has {max} captures or refunds")
            }
            SettlementBacklog { waiting } => {
                write!(
                    f,
                    "{waiting} settlement reports wait; no capture until they arrive"
                )
            }
            NoSuchCapture { payment, part } => {
                write!(
                    f,
                    "payment {payment} has no successful capture {part} to settle"
                )
            }
            NotTerminal { payment, status } => {
                write!(f, "payment {payment} is {status:?}, not terminal")
            }
        }
    }
}
