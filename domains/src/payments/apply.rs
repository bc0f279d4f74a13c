//! The calculator: folds one event into the state. Total: an event naming no payment changes
//! nothing rather than panicking.

use super::event::PaymentEvent;
use super::lifecycle::{allowed, status_of};
use super::state::{AuthState, IllegalTransition, Payment, PaymentsState, Settlement};

pub fn apply(state: &mut PaymentsState, event: &PaymentEvent) {
    use PaymentEvent::*;
    match *event {
        PaymentCreated {
            payment,
            customer,
            merchant,
            amount,
        } => {
            state.insert(Payment::new(payment, customer, merchant, amount));
            return;
        }
        WebhookIgnored { .. } => {
            state.webhooks_ignored = state.webhooks_ignored.saturating_add(1);
            return;
        }
        Captured {
            payment, amount, ..
        } => {
            if let Some(part) = state.payment(payment).map(|found| found.captures)
                && !state.settlements.is_full()
            {
                state.settlements.push(Settlement {
                    payment,
                    part,
                    amount,
                });
            }
        }
        Settled { payment, part, .. } | SettlementSkipped { payment, part } => {
            state
                .settlements
                .retain(|waiting| (waiting.payment, waiting.part) != (payment, part));
        }
        _ => {}
    }
    let id = event.payment();
    let Some(payment) = state.payment_mut(id) else {
        return;
    };
    match *event {
        AuthApproved { amount, .. } => {
            payment.auth = AuthState::Approved;
            payment.authorized = amount;
        }
        AuthDeclined { .. } => payment.auth = AuthState::Declined,
        AuthTimedOut { .. } => payment.auth = AuthState::TimedOut,
        FraudCheckPending { .. } => {
            payment.auth = AuthState::FraudPending;
            payment.fraud_checks = payment.fraud_checks.saturating_add(1);
        }
        FraudApproved { amount, .. } => {
            payment.auth = AuthState::Approved;
            payment.authorized = amount;
            payment.fraud_decisions = payment.fraud_decisions.saturating_add(1);
        }
        FraudDeclined { .. } => {
            payment.auth = AuthState::Declined;
            payment.fraud_decisions = payment.fraud_decisions.saturating_add(1);
        }
        AuthRetried { attempt, .. } => {
            payment.auth = AuthState::Requested;
            payment.auth_attempts = attempt;
        }
        Captured { amount, fee, .. } => {
            payment.captured = payment.captured.saturating_add(amount);
            payment.fees = payment.fees.saturating_add(fee);
            payment.captures = payment.captures.saturating_add(1);
        }
        CaptureFailed { .. } => {
            payment.failed_captures = payment.failed_captures.saturating_add(1);
        }
        Refunded { amount, .. } => {
            payment.refunded = payment.refunded.saturating_add(amount);
            payment.refunds = payment.refunds.saturating_add(1);
        }
        RefundFailed { .. } => payment.failed_refunds = payment.failed_refunds.saturating_add(1),
        AuthVoided { .. } => payment.auth = AuthState::Voided,
        PaymentArchived { .. } => payment.archived = true,
        Settled { part, amount, .. } => {
            payment.settled = payment.settled.saturating_add(amount);
            payment.settled_parts |= 1u32.checked_shl(u32::from(part)).unwrap_or(0);
        }
        SettlementSkipped { part, .. } => {
            payment.settled_parts |= 1u32.checked_shl(u32::from(part)).unwrap_or(0);
        }
        PaymentCreated { .. } | WebhookIgnored { .. } => {}
    }
    let (from, to) = (payment.status, status_of(payment));
    payment.status = to;
    if !allowed(from, to) && state.illegal_transition.is_none() {
        state.illegal_transition = Some(IllegalTransition {
            payment: id,
            from,
            to,
        });
    }
}
