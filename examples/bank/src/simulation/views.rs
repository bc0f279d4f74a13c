//! The bank's views as one set, kept beside the accounts: what its queries serve, and what
//! the invariants read.

use cqrs_es::{EventEnvelope, View};
use rewind::cqrs_es::{PerAggregate, ViewSet};

use crate::BankAccount;
use crate::views::{AccountList, Ledger, Statement};

/// The views a deployment of the bank keeps up to date, each updated with every committed
/// event, as its `CqrsFramework` dispatches them to its queries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BankViews {
    pub accounts: AccountList,
    pub ledger: Ledger,
    pub statements: PerAggregate<Statement>,
}

impl ViewSet<BankAccount> for BankViews {
    fn update(&mut self, event: &EventEnvelope<BankAccount>) {
        self.accounts.update(event);
        self.ledger.update(event);
        self.statements.update(event);
    }
}
