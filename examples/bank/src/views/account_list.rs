//! Every account opened, by aggregate id.

use std::collections::BTreeMap;

use cqrs_es::{EventEnvelope, View};
use serde::{Deserialize, Serialize};

use crate::{BankAccount, BankAccountEvent};

/// The accounts the bank has opened, by aggregate id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AccountList {
    pub accounts: BTreeMap<String, ListedAccount>,
}

/// One account on the list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListedAccount {
    /// The account id the customer gave when opening it.
    pub account_id: String,
    /// How many `AccountOpened` events its stream holds: one, for a sound account.
    pub openings: u32,
}

impl View<BankAccount> for AccountList {
    fn update(&mut self, event: &EventEnvelope<BankAccount>) {
        if let BankAccountEvent::AccountOpened { account_id } = &event.payload {
            let listed = self.accounts.entry(event.aggregate_id.clone()).or_default();
            listed.account_id.clone_from(account_id);
            listed.openings = listed.openings.saturating_add(1);
        }
    }
}
