//! The bank's books: money in and out of each account.

use std::collections::BTreeMap;

use cqrs_es::{EventEnvelope, View};
use serde::{Deserialize, Serialize};

use crate::{BankAccount, BankAccountEvent, Cents};

/// Money moved through each account, by aggregate id, from the amounts of its events.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    pub accounts: BTreeMap<String, Movements>,
}

/// What moved through one account. Sums in `i128`: no sequence of `i64` amounts overflows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Movements {
    /// Every deposit.
    pub paid_in: i128,
    /// Every withdrawal and check.
    pub paid_out: i128,
}

impl Movements {
    /// What the account should hold.
    pub fn net(&self) -> i128 {
        self.paid_in - self.paid_out
    }
}

impl View<BankAccount> for Ledger {
    fn update(&mut self, event: &EventEnvelope<BankAccount>) {
        let (paid_in, paid_out): (Cents, Cents) = match &event.payload {
            BankAccountEvent::AccountOpened { .. } => return,
            BankAccountEvent::CustomerDepositedMoney { amount, .. } => (*amount, 0),
            BankAccountEvent::CustomerWithdrewCash { amount, .. }
            | BankAccountEvent::CustomerWroteCheck { amount, .. } => (0, *amount),
        };
        let movements = self.accounts.entry(event.aggregate_id.clone()).or_default();
        movements.paid_in += i128::from(paid_in);
        movements.paid_out += i128::from(paid_out);
    }
}
