//! The bot: plays like a busy checkout (create, capture, refund, provider webhooks) and, a few
//! percent of the time, like a hostile or broken client (see [`super::hostile`]).

use rewind::Choices;

use super::action::PaymentAction;
use super::hostile::hostile;
use super::lifecycle::PaymentStatus;
use super::state::{AuthState, MAX_AUTH_ATTEMPTS, MAX_PAYMENTS, Payment, PaymentId, PaymentsState};

/// Out of 100 actions, how many are hostile.
const HOSTILE_PERCENT: u32 = 4;
/// The largest amount a sensible payment asks for, in minor units.
const TYPICAL_MAX: u64 = 100_000;

pub fn next_action(state: &PaymentsState, choices: &mut dyn Choices) -> PaymentAction {
    if choices.below(100) >= 100 - HOSTILE_PERCENT {
        return hostile(state, choices);
    }
    let free = state.free_id();
    // create, capture, refund, webhook, retry, void
    let weights = [if free.is_some() { 20 } else { 0 }, 30, 22, 14, 6, 3];
    let sensible = match choices.weighted(&weights) {
        0 => free.map(|payment| create(state, payment, choices)),
        1 => capture(state, choices),
        2 => refund(state, choices),
        3 => Some(webhook(state, choices)),
        4 => find(state, choices, |p| {
            p.auth == AuthState::TimedOut && p.auth_attempts < MAX_AUTH_ATTEMPTS
        })
        .map(|payment| PaymentAction::RetryAuth { payment }),
        _ => find(state, choices, |p| p.status == PaymentStatus::Authorized)
            .map(|payment| PaymentAction::Void { payment }),
    };
    sensible.unwrap_or_else(|| match free {
        Some(payment) => create(state, payment, choices),
        None => webhook(state, choices),
    })
}

/// A payment matching `wanted`, scanning from a random start so any of them may come up.
pub fn find(
    state: &PaymentsState,
    choices: &mut dyn Choices,
    wanted: impl Fn(&Payment) -> bool,
) -> Option<PaymentId> {
    let count = state.payments.len();
    if count == 0 {
        return None;
    }
    let start = choices.below(count as u32) as usize;
    (0..count)
        .map(|offset| (start + offset) % count)
        .map(|index| &state.payments[index])
        .find(|&payment| wanted(payment))
        .map(|payment| payment.id)
}

/// Any existing payment's id (0 when there is none, which is then unknown).
pub fn any_payment(state: &PaymentsState, choices: &mut dyn Choices) -> PaymentId {
    let count = state.payments.len() as u32;
    state
        .payments
        .get(choices.below(count) as usize)
        .map_or(0, |payment| payment.id)
}

/// An id no payment has: a free one, one past the limit, or the largest there is.
pub fn unknown_payment(state: &PaymentsState, choices: &mut dyn Choices) -> PaymentId {
    match (choices.below(4), state.free_id()) {
        (0 | 1, Some(free)) => free,
        (3, _) => PaymentId::MAX,
        _ => MAX_PAYMENTS as PaymentId + choices.below(3),
    }
}

/// All of `available`, or part of it.
fn some_of(available: u64, choices: &mut dyn Choices) -> i64 {
    let amount = if choices.chance(1, 2) {
        available
    } else {
        choices.between(1, available)
    };
    amount as i64
}

fn create(state: &PaymentsState, payment: PaymentId, choices: &mut dyn Choices) -> PaymentAction {
    PaymentAction::CreatePayment {
        payment,
        customer: choices.below(state.config.customers),
        merchant: choices.below(state.config.merchants),
        amount: choices.between(1, TYPICAL_MAX) as i64,
    }
}

fn capture(state: &PaymentsState, choices: &mut dyn Choices) -> Option<PaymentAction> {
    let payment = find(state, choices, |p| !p.archived && p.capturable() > 0)?;
    let available = state.payment(payment).map_or(1, Payment::capturable);
    Some(PaymentAction::Capture {
        payment,
        amount: some_of(available, choices),
    })
}

fn refund(state: &PaymentsState, choices: &mut dyn Choices) -> Option<PaymentAction> {
    let payment = find(state, choices, |p| !p.archived && p.refundable() > 0)?;
    let available = state.payment(payment).map_or(1, Payment::refundable);
    Some(PaymentAction::Refund {
        payment,
        amount: some_of(available, choices),
    })
}

/// Mostly the verdict for an auth in fraud review; sometimes a webhook for a settled auth or
/// for a payment that does not exist, as real providers resend and misroute them.
fn webhook(state: &PaymentsState, choices: &mut dyn Choices) -> PaymentAction {
    // Approve three times in four; an exhausted driver (draw 0) approves.
    let approved = !choices.chance(1, 4);
    let payment = match choices.below(8) {
        0..6 => find(state, choices, |p| {
            p.auth == AuthState::FraudPending && !p.archived
        })
        .unwrap_or_else(|| any_payment(state, choices)),
        6 => any_payment(state, choices),
        _ => unknown_payment(state, choices),
    };
    PaymentAction::FraudWebhook { payment, approved }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::payments::Payments;
    use rewind::{Bugs, Engine, RandomChoices};

    #[test]
    fn the_bot_mostly_plays_sensibly() {
        let mut engine: Engine<Payments> = Engine::new(Default::default(), 7, Bugs::NONE);
        let mut choices = RandomChoices::new(7);
        let mut accepted = 0;
        for _ in 0..400 {
            let action = next_action(engine.state(), &mut choices);
            let before = engine.steps();
            crate::self_check::dispatch_delivering(&mut engine, action, &mut |engine, _| {
                accepted += usize::from(engine.steps() == before + 1);
            });
        }
        assert!(accepted > 300, "only {accepted} of 400 actions accepted");
        assert!(engine.state().payments.len() > 10);
    }
}
