//! The rewind side of the bank, and the only code written for it: rewind's cqrs-es adapter
//! takes [`BankAccount`] as it is and needs, besides, a bot, invariants, fake services and the
//! planted bugs they can switch on.

mod bot;
mod bugs;
mod coverage;
mod fake_bank;
mod invariants;
mod shrink;
#[cfg(test)]
mod tests;

use rewind::cqrs_es::{AggregateInvariant, AggregateModel, Aggregated};
use rewind::{Bug, Choices, Coverage, Env};

use crate::services::{BankAccountServices, FeatureFlags};
use crate::{BankAccount, BankAccountCommand, BankAccountEvent};

pub use bugs::{BATCHED_CHECK_PAID_TWICE, BUGS, EXPRESS_WITHDRAWAL_OVERDRAWS};
pub use fake_bank::SimulatedBank;

/// The bank account made testable, for rewind's cqrs-es adapter.
pub struct BankModel;

/// The rewind domain: what `Engine`, the simulator, the shrinker and the corpus take.
pub type Bank = Aggregated<BankModel>;

impl AggregateModel for BankModel {
    type Aggregate = BankAccount;

    const NAME: &'static str = "bank";
    const ACTION_KINDS: &'static [&'static str] = bot::KINDS;
    const COVERAGE: &'static [&'static str] = coverage::LABELS;
    const BUGS: &'static [Bug] = BUGS;
    const INVARIANTS: &'static [AggregateInvariant<BankAccount>] = invariants::INVARIANTS;

    /// The fake ATM network and clearing house, with the feature flags that carry the planted
    /// bugs switched on when the run plants them.
    fn services(env: &mut Env) -> BankAccountServices {
        BankAccountServices {
            api: Box::new(SimulatedBank),
            flags: FeatureFlags {
                express_withdrawals: env.planted(EXPRESS_WITHDRAWAL_OVERDRAWS),
                batch_check_clearing: env.planted(BATCHED_CHECK_PAID_TWICE),
            },
        }
    }

    fn next_action(account: &BankAccount, choices: &mut dyn Choices) -> BankAccountCommand {
        bot::next_action(account, choices)
    }

    fn action_kind(command: &BankAccountCommand) -> usize {
        bot::kind(command)
    }

    fn shrink_action(command: &BankAccountCommand) -> Vec<BankAccountCommand> {
        shrink::simpler(command)
    }

    fn cover(account: &BankAccount, event: &BankAccountEvent, coverage: &mut Coverage) {
        coverage::cover(account, event, coverage);
    }
}
