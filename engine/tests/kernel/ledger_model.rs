//! The ledger made testable: a read model, a bot, the planted bugs, one invariant.

use rewind_engine::{Bug, Bugs, Choices, Invariant, Model, Projection};

use crate::ledger::{
    DOUBLE_DEPOSIT, Ledger, LedgerAction, LedgerConfig, LedgerEvent, LedgerState, WITHDRAW_IGNORED,
};

pub const BUGS: &[Bug] = &[
    Bug {
        id: DOUBLE_DEPOSIT,
        name: "double_deposit",
        effect: "decide doubles every deposit",
    },
    Bug {
        id: WITHDRAW_IGNORED,
        name: "withdraw_ignored",
        effect: "apply ignores withdrawals",
    },
];

/// Money in and out as seen by the event stream, folded apart from the state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LedgerViews {
    pub deposited: i64,
    pub withdrawn: i64,
    pub prizes: i64,
    pub events: u64,
}

impl LedgerViews {
    /// What the balances must sum to.
    pub fn net(&self) -> i64 {
        self.deposited + self.prizes - self.withdrawn
    }
}

impl Projection<LedgerEvent> for LedgerViews {
    fn fold(&mut self, event: &LedgerEvent) {
        self.events += 1;
        match *event {
            LedgerEvent::Deposited { amount, .. } => self.deposited += amount,
            LedgerEvent::Withdrawn { amount, .. } => self.withdrawn += amount,
            LedgerEvent::Won { prize, .. } => self.prizes += prize,
            _ => {}
        }
    }
}

fn balances_match_the_stream(state: &LedgerState, views: &LedgerViews) -> Result<(), String> {
    if state.total() == views.net() {
        Ok(())
    } else {
        Err(format!(
            "balances sum to {} but the stream says {}",
            state.total(),
            views.net()
        ))
    }
}

const INVARIANTS: &[Invariant<Ledger>] = &[Invariant {
    name: "balances_match_the_stream",
    check: balances_match_the_stream,
}];

impl Model for Ledger {
    type Projections = LedgerViews;

    const ACTION_KINDS: &'static [&'static str] = &[
        "deposit", "withdraw", "transfer", "close", "order", "relay", "lottery", "raffle", "stamp",
        "spawn", "echo",
    ];
    const BUGS: &'static [Bug] = BUGS;

    fn projections(_config: &LedgerConfig, _bugs: Bugs) -> LedgerViews {
        LedgerViews::default()
    }

    /// Mostly sensible money moves, with unknown accounts and non-positive amounts now and
    /// then. Never spawns or echoes: those are for hand-written cascade tests.
    fn next_action(state: &LedgerState, choices: &mut dyn Choices) -> LedgerAction {
        // One past the last account: the hostile "unknown id".
        let account = choices.below(state.accounts + 1);
        let mut amount = choices.between(1, 120) as i64;
        if choices.chance(1, 20) {
            amount = -(choices.between(0, 50) as i64);
        }
        match choices.weighted(&[30, 20, 12, 4, 10, 4, 8, 6, 6]) {
            0 => LedgerAction::Deposit { account, amount },
            1 => LedgerAction::Withdraw { account, amount },
            2 => LedgerAction::Transfer {
                from: account,
                to: choices.below(state.accounts),
                amount,
            },
            3 => LedgerAction::Close { account },
            4 => LedgerAction::Order {
                account,
                price: amount,
            },
            5 => LedgerAction::Relay {
                account,
                price: amount,
            },
            6 => LedgerAction::Lottery { account },
            7 => LedgerAction::Raffle {
                key: u64::from(choices.below(8)),
            },
            _ => LedgerAction::Stamp,
        }
    }

    fn action_kind(action: &LedgerAction) -> usize {
        match action {
            LedgerAction::Deposit { .. } => 0,
            LedgerAction::Withdraw { .. } => 1,
            LedgerAction::Transfer { .. } => 2,
            LedgerAction::Close { .. } => 3,
            LedgerAction::Order { .. } => 4,
            LedgerAction::Relay { .. } => 5,
            LedgerAction::Lottery { .. } => 6,
            LedgerAction::Raffle { .. } => 7,
            LedgerAction::Stamp => 8,
            LedgerAction::Spawn { .. } => 9,
            LedgerAction::Echo { .. } => 10,
        }
    }

    fn invariants() -> &'static [Invariant<Self>] {
        INVARIANTS
    }
}
