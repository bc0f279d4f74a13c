//! Concurrency control: each payment is a stream, and so is the queue of settlement reports
//! every capture joins. A decision reads its payment's stream; a capture also reads the queue,
//! since it refuses while the queue is full, and so does a settlement, which leaves it. A
//! command that meets a conflict decides again, up to three times.

use rewind::{Bugs, OnConflict, Stream};

use super::action::PaymentAction;
use super::bugs::{CREATE_EXPECTS_NOTHING, REFUND_RETRY_RESENDS};
use super::event::PaymentEvent;
use super::state::PaymentsState;

const PAYMENT: &str = "payment";
/// The settlement reports waiting ([`PaymentsState::settlements`]): a read model of every
/// payment's captures that a capture checks for room.
const SETTLEMENT_QUEUE: Stream = Stream::new("settlement_queue", 0);

pub fn reads(_state: &PaymentsState, action: &PaymentAction, bugs: Bugs, out: &mut Vec<Stream>) {
    use PaymentAction::*;
    let (CreatePayment { payment, .. }
    | RequestAuth { payment }
    | RetryAuth { payment }
    | FraudWebhook { payment, .. }
    | Capture { payment, .. }
    | Refund { payment, .. }
    | Void { payment }
    | Archive { payment }
    | Settle { payment, .. }) = *action;
    if matches!(action, CreatePayment { .. }) && bugs.has(CREATE_EXPECTS_NOTHING) {
        return;
    }
    out.push(Stream::new(PAYMENT, u64::from(payment)));
    if matches!(action, Capture { .. } | Settle { .. }) {
        out.push(SETTLEMENT_QUEUE);
    }
}

pub fn in_stream(event: &PaymentEvent, stream: &Stream) -> bool {
    if *stream == SETTLEMENT_QUEUE {
        return matches!(
            event,
            PaymentEvent::Captured { .. }
                | PaymentEvent::Settled { .. }
                | PaymentEvent::SettlementSkipped { .. }
        );
    }
    stream.kind == PAYMENT && stream.id == u64::from(event.payment())
}

pub fn on_conflict(action: &PaymentAction, bugs: Bugs) -> OnConflict {
    match action {
        PaymentAction::Refund { .. } if bugs.has(REFUND_RETRY_RESENDS) => OnConflict::Resend,
        _ => OnConflict::Retry { attempts: 3 },
    }
}
