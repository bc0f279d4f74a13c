//! The rewind side of the bank, and the only code written for it: rewind's cqrs-es adapter
//! takes [`BankAccount`] and the bank's views as they are and needs, besides, a bot,
//! invariants over the accounts and the views, fake services and the planted bugs they can
//! switch on.

mod bot;
mod bugs;
mod coverage;
mod fake_bank;
mod invariants;
mod shrink;
#[cfg(test)]
mod tests;
mod views;

use rewind::cqrs_es::{AggregateInvariant, AggregateModel, Aggregated, rename_aggregate_id};
use rewind::{Bug, Bugs, Choices, Coverage, Env, OnConflict};

use crate::services::{BankAccountServices, FeatureFlags};
use crate::{BankAccount, BankAccountCommand, BankAccountEvent};

pub use bugs::{
    APP_OPENS_AN_OPEN_ACCOUNT, ATM_WITHDRAWAL_WRITTEN_DESPITE_CONFLICT, BATCHED_CHECK_PAID_TWICE,
    BUGS, EXPRESS_WITHDRAWAL_OVERDRAWS,
};
pub use fake_bank::SimulatedBank;
pub use views::BankViews;

/// The bank made testable, for rewind's cqrs-es adapter: accounts by id, and its views.
pub struct BankModel;

/// The rewind domain: what `Engine`, the simulator, the shrinker and the corpus take.
pub type Bank = Aggregated<BankModel>;

impl AggregateModel for BankModel {
    type Aggregate = BankAccount;
    type Views = BankViews;

    const NAME: &'static str = "bank";
    const ACTION_KINDS: &'static [&'static str] = bot::KINDS;
    const COVERAGE: &'static [&'static str] = coverage::LABELS;
    const BUGS: &'static [Bug] = BUGS;
    const INVARIANTS: &'static [AggregateInvariant<Self>] = invariants::INVARIANTS;

    /// The fake ATM network and clearing house, with the feature flags that carry the planted
    /// bugs switched on when the run plants them.
    fn services(env: &mut Env) -> BankAccountServices {
        BankAccountServices {
            api: Box::new(SimulatedBank),
            flags: FeatureFlags {
                express_withdrawals: env.planted(EXPRESS_WITHDRAWAL_OVERDRAWS),
                batch_check_clearing: env.planted(BATCHED_CHECK_PAID_TWICE),
                self_service_opening: env.planted(APP_OPENS_AN_OPEN_ACCOUNT),
            },
        }
    }

    /// cqrs-es hands `AggregateConflict` back to the caller, and the bank's app shows it: the
    /// command is refused. With the planted bug, the ATM path writes its first decision anyway.
    fn on_conflict(command: &BankAccountCommand, bugs: Bugs) -> OnConflict {
        match command {
            BankAccountCommand::WithdrawMoney { .. }
                if bugs.has(ATM_WITHDRAWAL_WRITTEN_DESPITE_CONFLICT) =>
            {
                OnConflict::Resend
            }
            _ => OnConflict::Refuse,
        }
    }

    fn next_action(
        id: &str,
        account: &BankAccount,
        choices: &mut dyn Choices,
    ) -> BankAccountCommand {
        bot::next_action(id, account, choices)
    }

    fn action_kind(command: &BankAccountCommand) -> usize {
        bot::kind(command)
    }

    fn shrink_action(command: &BankAccountCommand) -> Vec<BankAccountCommand> {
        shrink::simpler(command)
    }

    /// An account is opened under its aggregate id: the two are renumbered together.
    fn rename_ids(
        command: &mut BankAccountCommand,
        rename: &mut dyn FnMut(&'static str, u64) -> u64,
    ) {
        if let BankAccountCommand::OpenAccount { account_id } = command {
            rename_aggregate_id::<BankAccount>(account_id, rename);
        }
    }

    fn cover(account: &BankAccount, event: &BankAccountEvent, coverage: &mut Coverage) {
        coverage::cover(account, event, coverage);
    }
}
