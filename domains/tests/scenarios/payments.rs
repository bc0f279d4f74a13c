//! payments: the rules, one scenario each, written from the rulebook. Provider answers are
//! drawn from the seed, so each scenario picks a seed whose answer is the one the rule needs.

mod auth;
mod capture;
mod create;
mod hostile;
mod ledger;
mod planted;
mod refund;
mod void_archive;
mod webhook;

use rewind::{Bugs, Env, Scenario};
use rewind_domains::payments::provider::{self, AuthAnswer};
use rewind_domains::payments::{PaymentEvent, Payments};

/// The first seed whose provider answers satisfy `wanted`.
pub fn seed_where(wanted: impl Fn(&mut Env) -> bool) -> u64 {
    (0..10_000)
        .find(|&seed| wanted(&mut Env::new(seed, Bugs::NONE)))
        .expect("some seed gives the wanted provider answer")
}

/// A seed where payment 0's first auth gets `answer`.
pub fn auth_seed(answer: AuthAnswer) -> u64 {
    seed_where(|env| provider::auth_answer(env, 0, 1) == answer)
}

/// A seed where payment 0's first capture and first refund succeed (or both fail).
pub fn upstream_seed(succeeds: bool) -> u64 {
    seed_where(|env| {
        provider::capture_succeeds(env, 0, 0) == succeeds
            && provider::refund_succeeds(env, 0, 0) == succeeds
    })
}

pub fn scenario() -> Scenario<Payments> {
    Scenario::new()
}

/// Payment `payment` of `amount` from customer 0 to merchant 0.
pub fn created(payment: u32, amount: u64) -> PaymentEvent {
    PaymentEvent::PaymentCreated {
        payment,
        customer: 0,
        merchant: 0,
        amount,
    }
}

/// Payment `payment` created and approved for `amount`.
pub fn authorized(payment: u32, amount: u64) -> [PaymentEvent; 2] {
    [
        created(payment, amount),
        PaymentEvent::AuthApproved { payment, amount },
    ]
}

/// Payment 0 authorized for 1000 and captured in full (fee 2.9% + 30 = 59).
pub fn captured_1000() -> [PaymentEvent; 3] {
    let [created, approved] = authorized(0, 1000);
    [
        created,
        approved,
        PaymentEvent::Captured {
            payment: 0,
            amount: 1000,
            fee: 59,
        },
    ]
}
