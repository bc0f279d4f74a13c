//! The facts of the payments domain. Whatever the simulated provider answered is recorded
//! here, so replaying events needs no randomness.

use serde::{Deserialize, Serialize};

use super::state::PaymentId;

/// Why a webhook was acknowledged but changed nothing.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IgnoredBecause {
    /// No payment has this id.
    UnknownPayment,
    /// The payment's auth is not waiting for a fraud verdict (already settled, or never held).
    NotInFraudReview,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum PaymentEvent {
    PaymentCreated {
        payment: PaymentId,
        customer: u32,
        merchant: u32,
        amount: u64,
    },
    /// The provider approved `amount`.
    AuthApproved {
        payment: PaymentId,
        amount: u64,
    },
    AuthDeclined {
        payment: PaymentId,
    },
    AuthTimedOut {
        payment: PaymentId,
        attempt: u8,
    },
    /// The provider holds the auth for a fraud check; a webhook will settle it.
    FraudCheckPending {
        payment: PaymentId,
    },
    /// The fraud check passed: the auth is approved for `amount`.
    FraudApproved {
        payment: PaymentId,
        amount: u64,
    },
    FraudDeclined {
        payment: PaymentId,
    },
    /// A webhook arrived that changes nothing; kept for the audit trail.
    WebhookIgnored {
        payment: PaymentId,
        approved: bool,
        because: IgnoredBecause,
    },
    /// A timed-out auth is asked for again (attempt number `attempt`).
    AuthRetried {
        payment: PaymentId,
        attempt: u8,
    },
    /// `amount` moved from the customer; the merchant got `amount - fee`, the provider `fee`.
    Captured {
        payment: PaymentId,
        amount: u64,
        fee: u64,
    },
    CaptureFailed {
        payment: PaymentId,
        amount: u64,
    },
    /// `amount` moved back from the merchant to the customer (the fee is not returned).
    Refunded {
        payment: PaymentId,
        amount: u64,
    },
    RefundFailed {
        payment: PaymentId,
        amount: u64,
    },
    AuthVoided {
        payment: PaymentId,
    },
    PaymentArchived {
        payment: PaymentId,
    },
    /// The settlement of capture `part` was paid out to the merchant.
    Settled {
        payment: PaymentId,
        part: u16,
        amount: u64,
    },
    /// The settlement of capture `part` was taken for a repeat and not paid out.
    SettlementSkipped {
        payment: PaymentId,
        part: u16,
    },
}

/// The event kinds, in the order of [`event_kind`] (used by the flow graph and its test).
pub const EVENT_KINDS: &[&str] = &[
    "payment_created",
    "auth_approved",
    "auth_declined",
    "auth_timed_out",
    "fraud_check_pending",
    "fraud_approved",
    "fraud_declined",
    "webhook_ignored",
    "auth_retried",
    "captured",
    "capture_failed",
    "refunded",
    "refund_failed",
    "auth_voided",
    "payment_archived",
    "settled",
    "settlement_skipped",
];

/// The index of `event`'s kind in [`EVENT_KINDS`].
pub fn event_kind(event: &PaymentEvent) -> usize {
    use PaymentEvent::*;
    match event {
        PaymentCreated { .. } => 0,
        AuthApproved { .. } => 1,
        AuthDeclined { .. } => 2,
        AuthTimedOut { .. } => 3,
        FraudCheckPending { .. } => 4,
        FraudApproved { .. } => 5,
        FraudDeclined { .. } => 6,
        WebhookIgnored { .. } => 7,
        AuthRetried { .. } => 8,
        Captured { .. } => 9,
        CaptureFailed { .. } => 10,
        Refunded { .. } => 11,
        RefundFailed { .. } => 12,
        AuthVoided { .. } => 13,
        PaymentArchived { .. } => 14,
        Settled { .. } => 15,
        SettlementSkipped { .. } => 16,
    }
}

impl PaymentEvent {
    /// The payment the event is about.
    pub fn payment(&self) -> PaymentId {
        use PaymentEvent::*;
        match *self {
            PaymentCreated { payment, .. }
            | AuthApproved { payment, .. }
            | AuthDeclined { payment }
            | AuthTimedOut { payment, .. }
            | FraudCheckPending { payment }
            | FraudApproved { payment, .. }
            | FraudDeclined { payment }
            | WebhookIgnored { payment, .. }
            | AuthRetried { payment, .. }
            | Captured { payment, .. }
            | CaptureFailed { payment, .. }
            | Refunded { payment, .. }
            | RefundFailed { payment, .. }
            | AuthVoided { payment }
            | PaymentArchived { payment }
            | Settled { payment, .. }
            | SettlementSkipped { payment, .. } => payment,
        }
    }
}
