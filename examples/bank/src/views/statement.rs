//! One account's statement.

use cqrs_es::{EventEnvelope, View};
use serde::{Deserialize, Serialize};

use crate::{BankAccount, BankAccountEvent, Cents};

/// What a customer sees of one account: its balance, the checks it paid in the order paid,
/// and the last event it reflects. Kept per account, with the aggregate id as the view id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub balance: Cents,
    pub checks_paid: Vec<u32>,
    /// The sequence of the last event folded in.
    pub as_of: usize,
}

impl View<BankAccount> for Statement {
    fn update(&mut self, event: &EventEnvelope<BankAccount>) {
        self.as_of = event.sequence;
        match &event.payload {
            BankAccountEvent::AccountOpened { .. } => {}
            BankAccountEvent::CustomerDepositedMoney { balance, .. }
            | BankAccountEvent::CustomerWithdrewCash { balance, .. } => self.balance = *balance,
            BankAccountEvent::CustomerWroteCheck {
                check_number,
                balance,
                ..
            } => {
                self.balance = *balance;
                self.checks_paid.push(*check_number);
            }
        }
    }
}
