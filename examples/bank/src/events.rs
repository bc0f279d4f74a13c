//! What happened to an account. Each money event carries the balance it left, so a reader of
//! the stream sees the balance without folding it.

use cqrs_es::DomainEvent;
use serde::{Deserialize, Serialize};

use crate::commands::Cents;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BankAccountEvent {
    AccountOpened {
        account_id: String,
    },
    CustomerDepositedMoney {
        amount: Cents,
        balance: Cents,
    },
    CustomerWithdrewCash {
        amount: Cents,
        balance: Cents,
    },
    CustomerWroteCheck {
        check_number: u32,
        amount: Cents,
        balance: Cents,
    },
}

impl DomainEvent for BankAccountEvent {
    fn event_type(&self) -> String {
        let name = match self {
            BankAccountEvent::AccountOpened { .. } => "AccountOpened",
            BankAccountEvent::CustomerDepositedMoney { .. } => "CustomerDepositedMoney",
            BankAccountEvent::CustomerWithdrewCash { .. } => "CustomerWithdrewCash",
            BankAccountEvent::CustomerWroteCheck { .. } => "CustomerWroteCheck",
        };
        name.to_string()
    }

    fn event_version(&self) -> String {
        "1.0".to_string()
    }
}
