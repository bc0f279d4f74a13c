//! Settlement: an asynchronous reactor. Each successful capture puts the provider's
//! settlement report for it in the outbox (part of the state, so it survives replay and
//! restarts); the bus delivers it later as a [`PaymentAction::Settle`], late, out of order
//! or twice, and the merchant is paid out then.
//!
//! The rules that make it safe: each capture is paid out once, whatever the order its
//! reports arrive in. A report seen before is acknowledged and ignored; which reports were
//! seen is kept per capture (a bit each), not as "the highest so far", which only works on a
//! bus that keeps order.

use rewind::Env;

use super::action::PaymentAction;
use super::bugs::{DUPLICATE_SETTLEMENT_PAID_TWICE, SETTLEMENT_DEDUP_BY_HIGHEST_PART};
use super::event::PaymentEvent;
use super::reject::PaymentReject;
use super::state::{PaymentId, PaymentsState};

/// The settlement reports waiting, oldest first.
pub fn outbox(state: &PaymentsState, out: &mut Vec<PaymentAction>) {
    out.extend(
        state
            .settlements
            .iter()
            .map(|waiting| PaymentAction::Settle {
                payment: waiting.payment,
                part: waiting.part,
                amount: waiting.amount,
            }),
    );
}

/// Pays out, or acknowledges a repeat of, the settlement of capture `part` of `payment`.
pub fn settle(
    state: &PaymentsState,
    payment: PaymentId,
    part: u16,
    amount: u64,
    env: &Env,
    out: &mut Vec<PaymentEvent>,
) -> Result<(), PaymentReject> {
    let unknown = PaymentReject::NoSuchCapture { payment, part };
    let found = state.payment(payment).ok_or(unknown)?;
    if part >= found.captures {
        return Err(unknown);
    }
    let handled = found.settled_parts & (1u32 << part) != 0;
    let seen = if env.planted(SETTLEMENT_DEDUP_BY_HIGHEST_PART) {
        // The highest part handled so far: fine in order, wrong when reports overtake.
        found.settled_parts != 0 && u32::from(part) <= 31 - found.settled_parts.leading_zeros()
    } else {
        handled && !env.planted(DUPLICATE_SETTLEMENT_PAID_TWICE)
    };
    let waiting = state
        .settlements
        .iter()
        .any(|w| (w.payment, w.part, w.amount) == (payment, part, amount));
    if !waiting && !handled {
        return Err(unknown);
    }
    if seen {
        if waiting {
            out.push(PaymentEvent::SettlementSkipped { payment, part });
        }
        return Ok(());
    }
    out.push(PaymentEvent::Settled {
        payment,
        part,
        amount,
    });
    Ok(())
}
