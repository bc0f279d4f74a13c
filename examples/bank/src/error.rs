//! Why an account refuses a command.

use std::fmt;

use crate::commands::Cents;
use crate::services::{AtmError, CheckingError};

#[derive(Debug, PartialEq, Eq)]
pub enum BankAccountError {
    AlreadyOpen,
    NotOpen,
    /// An account id must not be empty.
    NoAccountId,
    /// Amounts run from one cent to [`crate::MAX_AMOUNT`].
    InvalidAmount(Cents),
    InsufficientFunds {
        balance: Cents,
        amount: Cents,
    },
    /// A check number already paid from this account.
    DuplicateCheck(u32),
    /// The balance would leave the range of an `i64`.
    Overflow,
    Atm(AtmError),
    Checking(CheckingError),
}

impl fmt::Display for BankAccountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BankAccountError::AlreadyOpen => write!(f, "the account is already open"),
            BankAccountError::NotOpen => write!(f, "the account is not open"),
            BankAccountError::NoAccountId => write!(f, "an account needs an id"),
            BankAccountError::InvalidAmount(amount) => write!(
                f,
                "{amount} cents is not an amount (1 to {} cents)",
                crate::MAX_AMOUNT
            ),
            BankAccountError::InsufficientFunds { balance, amount } => write!(
                f,
                "funds not available: {amount} cents asked, {balance} cents held"
            ),
            BankAccountError::DuplicateCheck(number) => {
                write!(f, "check {number} was already paid")
            }
            BankAccountError::Overflow => write!(f, "the balance would overflow"),
            BankAccountError::Atm(error) => write!(f, "atm: {error}"),
            BankAccountError::Checking(error) => write!(f, "checking: {error}"),
        }
    }
}

impl std::error::Error for BankAccountError {}
