//! The payment lifecycle: the overall status follows the parts, and only the changes in
//! [`ALLOWED`] may happen.

use serde::{Deserialize, Serialize};

use super::state::{AuthState, Payment};

/// A payment's overall status, derived from its auth, captured and refunded totals.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    /// Created; the auth is with the provider.
    Pending,
    /// The provider holds the auth for a fraud check.
    FraudReview,
    /// The auth timed out; it may be retried.
    TimedOut,
    /// Approved, nothing captured yet.
    Authorized,
    PartiallyCaptured,
    /// Everything approved was captured.
    Captured,
    PartiallyRefunded,
    /// Everything captured was refunded (terminal).
    Refunded,
    /// The provider or its fraud check said no (terminal).
    Declined,
    /// The auth was released before any capture (terminal).
    Voided,
}

use PaymentStatus::*;

/// Every status change the lifecycle allows, `(from, to)`. A status staying the same is not a
/// change. Anything else (a declined payment becoming authorized, say) is a bug.
pub const ALLOWED: &[(PaymentStatus, PaymentStatus)] = &[
    (Pending, Authorized),
    (Pending, Declined),
    (Pending, TimedOut),
    (Pending, FraudReview),
    (FraudReview, Authorized),
    (FraudReview, Declined),
    (TimedOut, Pending),
    (Authorized, PartiallyCaptured),
    (Authorized, Captured),
    (Authorized, Voided),
    (PartiallyCaptured, Captured),
    (PartiallyCaptured, PartiallyRefunded),
    (PartiallyCaptured, Refunded),
    (Captured, PartiallyRefunded),
    (Captured, Refunded),
    (PartiallyRefunded, Refunded),
];

/// Whether the lifecycle allows a payment to go from `from` to `to`.
pub fn allowed(from: PaymentStatus, to: PaymentStatus) -> bool {
    from == to || ALLOWED.contains(&(from, to))
}

/// Terminal statuses: nothing can happen to the payment any more, so the archiver files it.
pub fn is_terminal(status: PaymentStatus) -> bool {
    matches!(status, Refunded | Declined | Voided)
}

/// The overall status that follows from a payment's parts.
pub fn status_of(payment: &Payment) -> PaymentStatus {
    match payment.auth {
        AuthState::Requested => Pending,
        AuthState::FraudPending => FraudReview,
        AuthState::TimedOut => TimedOut,
        AuthState::Declined => Declined,
        AuthState::Voided => Voided,
        AuthState::Approved if payment.captured == 0 => Authorized,
        AuthState::Approved if payment.refunded == 0 => {
            if payment.captured < payment.authorized {
                PartiallyCaptured
            } else {
                Captured
            }
        }
        AuthState::Approved if payment.refunded < payment.captured => PartiallyRefunded,
        AuthState::Approved => Refunded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_statuses_have_no_way_out() {
        for &(from, to) in ALLOWED {
            assert!(
                !is_terminal(from),
                "{from:?} -> {to:?} leaves a terminal status"
            );
            assert_ne!(from, to);
        }
    }

    #[test]
    fn settled_auths_cannot_reopen() {
        assert!(!allowed(Declined, Authorized));
        assert!(!allowed(Refunded, Captured));
        assert!(!allowed(Captured, Authorized));
        assert!(allowed(Captured, Captured));
    }

    #[test]
    fn status_follows_the_parts() {
        let mut payment = Payment::new(0, 0, 0, 100);
        assert_eq!(status_of(&payment), Pending);
        payment.auth = AuthState::Approved;
        payment.authorized = 100;
        assert_eq!(status_of(&payment), Authorized);
        payment.captured = 40;
        assert_eq!(status_of(&payment), PartiallyCaptured);
        payment.refunded = 10;
        assert_eq!(status_of(&payment), PartiallyRefunded);
        payment.refunded = 40;
        assert_eq!(status_of(&payment), Refunded);
    }
}
