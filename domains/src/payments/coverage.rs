//! Coverage labels: which interesting situations a run reached.

use rewind::Coverage;

use super::event::{IgnoredBecause, PaymentEvent};
use super::state::{MAX_AUTH_ATTEMPTS, PaymentsState};

pub const COVERAGE: &[&str] = &[
    "auth_approved",
    "auth_declined",
    "auth_timeout",
    "auth_retried",
    "retries_exhausted",
    "fraud_check_pending",
    "fraud_approved",
    "fraud_declined",
    "webhook_unknown_payment",
    "webhook_for_settled_auth",
    "partial_capture",
    "full_capture",
    "capture_failed",
    "partial_refund",
    "full_refund",
    "refund_failed",
    "voided",
    "archived",
    "settled",
];

/// Marks the labels `event` reached; `state` is the state after it was applied.
pub fn cover(state: &PaymentsState, event: &PaymentEvent, coverage: &mut Coverage) {
    use PaymentEvent::*;
    let payment = state.payment(event.payment());
    let label = match *event {
        AuthApproved { .. } => 0,
        AuthDeclined { .. } => 1,
        AuthTimedOut { attempt, .. } if attempt >= MAX_AUTH_ATTEMPTS => {
            coverage.hit(2);
            4
        }
        AuthTimedOut { .. } => 2,
        AuthRetried { .. } => 3,
        FraudCheckPending { .. } => 5,
        FraudApproved { .. } => 6,
        FraudDeclined { .. } => 7,
        WebhookIgnored {
            because: IgnoredBecause::UnknownPayment,
            ..
        } => 8,
        WebhookIgnored { .. } => 9,
        Captured { .. } => match payment {
            Some(p) if p.captured < p.authorized => 10,
            _ => 11,
        },
        CaptureFailed { .. } => 12,
        Refunded { .. } => match payment {
            Some(p) if p.refunded < p.captured => 13,
            _ => 14,
        },
        RefundFailed { .. } => 15,
        AuthVoided { .. } => 16,
        PaymentArchived { .. } => 17,
        Settled { .. } => 18,
        SettlementSkipped { .. } => return,
        PaymentCreated { .. } => return,
    };
    coverage.hit(label);
}
