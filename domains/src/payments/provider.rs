//! The upstream payment provider, simulated deterministically from the run's `Env`.
//!
//! Each answer draws from `env.fork(key)` keyed by what it is for (payment, attempt or part
//! number), so removing unrelated actions while shrinking leaves the answers unchanged. The
//! answer lands in an event, so replaying events never asks the provider again.

use rewind::Env;

use super::state::PaymentId;

/// How the provider answers an auth request.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AuthAnswer {
    Approved,
    Declined,
    TimedOut,
    /// "Pending fraud check": the verdict comes later, by webhook.
    FraudCheck,
}

/// Out of 100 auth requests: approved, declined, timed out; the rest go to a fraud check.
const AUTH_APPROVED: u32 = 64;
const AUTH_DECLINED: u32 = 10;
const AUTH_TIMED_OUT: u32 = 12;
/// Out of 100 captures (refunds) sent upstream, how many fail.
const CAPTURE_FAILS: u32 = 8;
const REFUND_FAILS: u32 = 6;

/// The provider's fee on a capture: 2.9% plus 30 minor units, never more than the amount.
pub fn fee(amount: u64) -> u64 {
    (amount / 1000 * 29 + amount % 1000 * 29 / 1000 + 30).min(amount)
}

/// What a provider call is about, so each gets its own random stream.
#[derive(Copy, Clone)]
enum Call {
    Auth = 1,
    Capture = 2,
    Refund = 3,
}

fn key(call: Call, payment: PaymentId, index: u32) -> u64 {
    (call as u64) << 56 | u64::from(payment) << 24 | u64::from(index)
}

/// The provider's answer to auth attempt `attempt` (1-based) of `payment`.
pub fn auth_answer(env: &mut Env, payment: PaymentId, attempt: u8) -> AuthAnswer {
    let roll = env
        .fork(key(Call::Auth, payment, u32::from(attempt)))
        .below(100);
    if roll < AUTH_APPROVED {
        AuthAnswer::Approved
    } else if roll < AUTH_APPROVED + AUTH_DECLINED {
        AuthAnswer::Declined
    } else if roll < AUTH_APPROVED + AUTH_DECLINED + AUTH_TIMED_OUT {
        AuthAnswer::TimedOut
    } else {
        AuthAnswer::FraudCheck
    }
}

/// Whether capture number `index` (0-based, failed ones counted) of `payment` succeeds.
pub fn capture_succeeds(env: &mut Env, payment: PaymentId, index: u32) -> bool {
    env.fork(key(Call::Capture, payment, index)).below(100) >= CAPTURE_FAILS
}

/// Whether refund number `index` (0-based, failed ones counted) of `payment` succeeds.
pub fn refund_succeeds(env: &mut Env, payment: PaymentId, index: u32) -> bool {
    env.fork(key(Call::Refund, payment, index)).below(100) >= REFUND_FAILS
}

#[cfg(test)]
mod tests {
    use super::*;
    use rewind::Bugs;

    #[test]
    fn fee_is_bounded_by_the_amount() {
        assert_eq!(fee(1), 1);
        assert_eq!(fee(1000), 59);
        assert_eq!(fee(1_000_000_000), 29_000_030);
    }

    #[test]
    fn answers_depend_on_seed_and_key_only() {
        let mut env = Env::new(5, Bugs::NONE);
        let mut again = Env::new(5, Bugs::NONE);
        for payment in 0..50 {
            assert_eq!(
                auth_answer(&mut env, payment, 1),
                auth_answer(&mut again, payment, 1)
            );
        }
        let answers: Vec<AuthAnswer> = (0..400).map(|p| auth_answer(&mut env, p, 1)).collect();
        for answer in [
            AuthAnswer::Approved,
            AuthAnswer::Declined,
            AuthAnswer::TimedOut,
            AuthAnswer::FraudCheck,
        ] {
            assert!(answers.contains(&answer), "{answer:?} never drawn");
        }
    }
}
