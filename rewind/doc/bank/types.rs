use std::fmt;

use rewind::BugId;
use serde::{Deserialize, Serialize};

/// The config: the most one deposit or withdrawal may move, in cents.
/// `#[serde(default)]` lets `--config '{}'` name only what changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    pub max_amount: i64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_amount: 1_000 }
    }
}

/// The state: all `decide` reads (it never sees the config), built only by `apply`.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountState {
    pub max_amount: i64,
    pub balance: i64,
    pub deposited: i64,
    pub withdrawn: i64,
}

/// What a user asks for: what a log stores, so serde types.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AccountAction {
    Deposit { amount: i64 },
    Withdraw { amount: i64 },
}

/// What happened: the only input of `apply`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AccountEvent {
    Deposited { amount: i64 },
    Withdrew { amount: i64 },
}

/// Why `decide` refused an action.
#[derive(Clone, Debug, PartialEq)]
pub enum AccountReject {
    NotPositive { amount: i64 },
    OverLimit { amount: i64, max_amount: i64 },
    Insufficient { amount: i64, balance: i64 },
}

impl fmt::Display for AccountReject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccountReject::NotPositive { amount } => write!(f, "{amount} is not positive"),
            AccountReject::OverLimit { amount, max_amount } => {
                write!(f, "{amount} is over the limit of {max_amount}")
            }
            AccountReject::Insufficient { amount, balance } => {
                write!(f, "{amount} is more than the balance of {balance}")
            }
        }
    }
}

/// A planted bug: a mistake the rules can switch on, to prove the harness finds it.
pub const OVERDRAW: BugId = BugId(0);
