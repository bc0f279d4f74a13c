//! What a customer asks of an account.

use serde::{Deserialize, Serialize};

/// Money is counted in cents, as an integer: no rounding, and a negative amount is a
/// request the account refuses rather than a withdrawal in disguise.
pub type Cents = i64;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BankAccountCommand {
    OpenAccount { account_id: String },
    DepositMoney { amount: Cents },
    WithdrawMoney { amount: Cents, atm_id: String },
    WriteCheck { check_number: u32, amount: Cents },
}
