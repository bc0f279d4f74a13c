//! The bank account aggregate: its rules in `handle`, its state folded by `apply`.

use std::collections::BTreeSet;

use cqrs_es::Aggregate;
use cqrs_es::event_sink::EventSink;
use serde::{Deserialize, Serialize};

use crate::commands::{BankAccountCommand, Cents};
use crate::error::BankAccountError;
use crate::events::BankAccountEvent;
use crate::services::BankAccountServices;

/// The largest amount one command may move: a million dollars, in cents.
pub const MAX_AMOUNT: Cents = 100_000_000;

/// One account, holding only what its rules read: whether it is open, its id, its balance
/// (what the last money event said it was) and the numbers of the checks it paid.
/// Statements, totals and the list of accounts are read models: see [`crate::views`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankAccount {
    pub(crate) opened: bool,
    pub(crate) account_id: String,
    pub(crate) balance: Cents,
    /// The numbers of the checks paid, so that none is paid twice.
    pub(crate) checks: BTreeSet<u32>,
}

impl Aggregate for BankAccount {
    const TYPE: &'static str = "account";
    type Command = BankAccountCommand;
    type Event = BankAccountEvent;
    type Error = BankAccountError;
    type Services = BankAccountServices;

    async fn handle(
        &mut self,
        command: BankAccountCommand,
        services: &BankAccountServices,
        sink: &EventSink<Self>,
    ) -> Result<(), BankAccountError> {
        match command {
            BankAccountCommand::OpenAccount { account_id } => {
                // Opening from the app skips the branch's check that the account is not
                // open already (the third planted mistake).
                if self.opened && !services.flags.self_service_opening {
                    return Err(BankAccountError::AlreadyOpen);
                }
                if account_id.is_empty() {
                    return Err(BankAccountError::NoAccountId);
                }
                sink.write(BankAccountEvent::AccountOpened { account_id }, self)
                    .await;
            }
            BankAccountCommand::DepositMoney { amount } => {
                self.check_open_and_amount(amount)?;
                let balance = self.balance_after(amount)?;
                let event = BankAccountEvent::CustomerDepositedMoney { amount, balance };
                sink.write(event, self).await;
            }
            BankAccountCommand::WithdrawMoney { amount, atm_id } => {
                self.check_open_and_amount(amount)?;
                // Express ATMs hand the cash out first and settle afterwards; the funds
                // check was meant to move into settlement, and never did (the first of the
                // two mistakes the simulation plants).
                if !services.flags.express_withdrawals {
                    self.check_funds(amount)?;
                }
                services
                    .api
                    .atm_withdrawal(&atm_id, amount)
                    .await
                    .map_err(BankAccountError::Atm)?;
                let balance = self.balance_after(-amount)?;
                let event = BankAccountEvent::CustomerWithdrewCash { amount, balance };
                sink.write(event, self).await;
            }
            BankAccountCommand::WriteCheck {
                check_number,
                amount,
            } => {
                self.check_open_and_amount(amount)?;
                // Batched checks were to be de-duplicated by the clearing house, which
                // only does so within one batch (the second planted mistake).
                if !services.flags.batch_check_clearing && self.checks.contains(&check_number) {
                    return Err(BankAccountError::DuplicateCheck(check_number));
                }
                self.check_funds(amount)?;
                services
                    .api
                    .validate_check(&self.account_id, check_number)
                    .await
                    .map_err(BankAccountError::Checking)?;
                let balance = self.balance_after(-amount)?;
                let event = BankAccountEvent::CustomerWroteCheck {
                    check_number,
                    amount,
                    balance,
                };
                sink.write(event, self).await;
            }
        }
        Ok(())
    }

    fn apply(&mut self, event: BankAccountEvent) {
        match event {
            BankAccountEvent::AccountOpened { account_id } => {
                self.opened = true;
                self.account_id = account_id;
            }
            BankAccountEvent::CustomerDepositedMoney { balance, .. }
            | BankAccountEvent::CustomerWithdrewCash { balance, .. } => {
                self.balance = balance;
            }
            BankAccountEvent::CustomerWroteCheck {
                check_number,
                balance,
                ..
            } => {
                self.balance = balance;
                self.checks.insert(check_number);
            }
        }
    }
}

impl BankAccount {
    /// Money moves only on an open account, and only in amounts of 1 to [`MAX_AMOUNT`] cents.
    fn check_open_and_amount(&self, amount: Cents) -> Result<(), BankAccountError> {
        if !self.opened {
            return Err(BankAccountError::NotOpen);
        }
        if !(1..=MAX_AMOUNT).contains(&amount) {
            return Err(BankAccountError::InvalidAmount(amount));
        }
        Ok(())
    }

    /// An account pays out only what it holds: no overdraft.
    fn check_funds(&self, amount: Cents) -> Result<(), BankAccountError> {
        if amount > self.balance {
            return Err(BankAccountError::InsufficientFunds {
                balance: self.balance,
                amount,
            });
        }
        Ok(())
    }

    /// The balance after moving `change` cents, refusing a change that would overflow it.
    fn balance_after(&self, change: Cents) -> Result<Cents, BankAccountError> {
        self.balance
            .checked_add(change)
            .ok_or(BankAccountError::Overflow)
    }
}
