//! `Ledger`: the test domain with reactors. Accounts hold integer balances; an order is paid
//! by a reactor's follow-up withdrawal (which can be refused); `Spawn` grows a tree of
//! follow-ups to observe the cascade's order and bounds; `Echo` is a reactor that never stops.
//! The vocabulary and the state are here; the rules are in `ledger_rules`.

use std::collections::BTreeMap;
use std::fmt;

use rewind_engine::{BugId, Bugs};
use serde::{Deserialize, Serialize};

pub type Account = u32;

/// Decide deliberately doubles every deposit.
pub const DOUBLE_DEPOSIT: BugId = BugId(0);
/// Apply deliberately ignores withdrawals (a bug in `apply`, switched on through `initial`).
pub const WITHDRAW_IGNORED: BugId = BugId(1);

pub struct Ledger;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LedgerConfig {
    /// Accounts are numbered `0..accounts`; any other number is refused.
    pub accounts: u32,
}

impl Default for LedgerConfig {
    fn default() -> Self {
        LedgerConfig { accounts: 4 }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum LedgerAction {
    Deposit {
        account: Account,
        amount: i64,
    },
    Withdraw {
        account: Account,
        amount: i64,
    },
    /// Pushes both events before checking the balance, on purpose: the engine must discard
    /// the events of a refused decide.
    Transfer {
        from: Account,
        to: Account,
        amount: i64,
    },
    /// Withdraws the whole balance; nothing happens when it is zero.
    Close {
        account: Account,
    },
    /// Emits `Ordered`; a reactor then asks for the withdrawal that pays it.
    Order {
        account: Account,
        price: i64,
    },
    /// Emits `Relayed`; a reactor then asks for an `Order` (so the payment is at depth 2).
    Relay {
        account: Account,
        price: i64,
    },
    /// A prize drawn from the shared stream `env.rng()`.
    Lottery {
        account: Account,
    },
    /// A number drawn from `env.fork(key)`.
    Raffle {
        key: u64,
    },
    /// Records `env.now()`.
    Stamp,
    /// A node of a tree of follow-ups: `children` per node, `depth` more levels below.
    Spawn {
        id: u64,
        children: u32,
        depth: u32,
    },
    /// Every `Echoed` asks for another `Echo`: a reactor that loops forever.
    Echo {
        n: u64,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum LedgerEvent {
    Deposited {
        account: Account,
        amount: i64,
    },
    Withdrawn {
        account: Account,
        amount: i64,
    },
    Ordered {
        account: Account,
        price: i64,
    },
    Relayed {
        account: Account,
        price: i64,
    },
    Won {
        account: Account,
        draw: u64,
        prize: i64,
    },
    Raffled {
        key: u64,
        draw: u64,
    },
    Stamped {
        now: u64,
    },
    Spawned {
        id: u64,
        children: u32,
        depth: u32,
    },
    Echoed {
        n: u64,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum LedgerReject {
    NotPositive {
        amount: i64,
    },
    UnknownAccount {
        account: Account,
    },
    Insufficient {
        account: Account,
        balance: i64,
        amount: i64,
    },
    SameAccount {
        account: Account,
    },
}

impl fmt::Display for LedgerReject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LedgerReject::NotPositive { amount } => write!(f, "amount {amount} is not positive"),
            LedgerReject::UnknownAccount { account } => write!(f, "no account {account}"),
            LedgerReject::Insufficient {
                account,
                balance,
                amount,
            } => write!(f, "account {account} holds {balance}, cannot pay {amount}"),
            LedgerReject::SameAccount { account } => {
                write!(f, "a transfer from account {account} to itself")
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct LedgerState {
    pub accounts: u32,
    pub balances: BTreeMap<Account, i64>,
    pub orders: u64,
    pub relays: u64,
    pub last_raffle: Option<(u64, u64)>,
    pub last_stamp: Option<u64>,
    pub spawned: Vec<u64>,
    pub echoes: u64,
    /// How many events were applied: makes the state after every prefix distinct.
    pub applied: u64,
    /// A rolling code of every event applied, in order: makes the order of events visible.
    pub trail: u64,
    pub bugs: Bugs,
}

impl LedgerState {
    pub fn balance(&self, account: Account) -> i64 {
        self.balances.get(&account).copied().unwrap_or(0)
    }

    pub fn total(&self) -> i64 {
        self.balances.values().sum()
    }
}
