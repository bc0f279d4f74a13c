//! Synchronous reactors, run inside the same atomic step as the event that triggers them.
//!
//! - the authoriser sends a new or retried auth to the provider;
//! - the archiver files a payment away once it is terminal, freezing it.

use super::action::PaymentAction;
use super::event::PaymentEvent;
use super::lifecycle::is_terminal;
use super::state::PaymentsState;

pub fn react(state: &PaymentsState, event: &PaymentEvent, out: &mut Vec<PaymentAction>) {
    use PaymentEvent::*;
    match *event {
        PaymentCreated { payment, .. } | AuthRetried { payment, .. } => {
            out.push(PaymentAction::RequestAuth { payment });
        }
        AuthDeclined { payment }
        | FraudDeclined { payment }
        | AuthVoided { payment }
        | Refunded { payment, .. } => {
            if let Some(found) = state.payment(payment)
                && is_terminal(found.status)
                && !found.archived
            {
                out.push(PaymentAction::Archive { payment });
            }
        }
        _ => {}
    }
}
