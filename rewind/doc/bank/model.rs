use rewind::{Bug, Choices, Coverage, Invariant, Model};

impl Model for Account {
    type Projections = ();

    const ACTION_KINDS: &'static [&'static str] = &["deposit", "withdraw"];
    const COVERAGE: &'static [&'static str] = &["emptied"];
    const BUGS: &'static [Bug] = &[Bug {
        id: OVERDRAW,
        name: "overdraw",
        effect: "a withdrawal of more than the balance is accepted",
    }];

    fn projections(_limits: &Limits, _bugs: rewind::Bugs) {}

    /// The bot: sensible amounts, the whole balance now and then, and one time in 20 an
    /// amount `decide` must refuse. Its first option (what a 0 picks) is the simplest.
    fn next_action(state: &AccountState, choices: &mut dyn Choices) -> AccountAction {
        let limit = state.max_amount;
        if choices.chance(1, 20) {
            let amount = *choices.pick(&[0, -1, limit + 1]);
            return AccountAction::Withdraw { amount };
        }
        let amount = choices.between(1, limit as u64) as i64;
        match choices.below(4) {
            0 | 1 => AccountAction::Deposit { amount },
            2 => AccountAction::Withdraw { amount },
            _ => AccountAction::Withdraw {
                amount: state.balance.clamp(1, limit),
            },
        }
    }

    fn action_kind(action: &AccountAction) -> usize {
        match action {
            AccountAction::Deposit { .. } => 0,
            AccountAction::Withdraw { .. } => 1,
        }
    }

    fn invariants() -> &'static [Invariant<Self>] {
        INVARIANTS
    }

    fn cover(state: &AccountState, event: &AccountEvent, coverage: &mut Coverage) {
        if matches!(event, AccountEvent::Withdrew { .. }) && state.balance == 0 {
            coverage.hit(0); // "emptied"
        }
    }

    /// Simpler amounts for the shrinker, simplest first.
    fn shrink_action(action: &AccountAction) -> Vec<AccountAction> {
        let (AccountAction::Deposit { amount } | AccountAction::Withdraw { amount }) = *action;
        [1, amount / 2]
            .into_iter()
            .filter(|&smaller| 0 < smaller && smaller < amount)
            .map(|smaller| match action {
                AccountAction::Deposit { .. } => AccountAction::Deposit { amount: smaller },
                AccountAction::Withdraw { .. } => AccountAction::Withdraw { amount: smaller },
            })
            .collect()
    }
}

const INVARIANTS: &[Invariant<Account>] = &[
    Invariant {
        name: "balance_never_negative",
        check: balance_never_negative,
    },
    Invariant {
        name: "balance_is_deposits_minus_withdrawals",
        check: balance_is_deposits_minus_withdrawals,
    },
];

fn balance_never_negative(state: &AccountState, _views: &()) -> Result<(), String> {
    match state.balance {
        0.. => Ok(()),
        negative => Err(format!("the balance is {negative}")),
    }
}

fn balance_is_deposits_minus_withdrawals(state: &AccountState, _: &()) -> Result<(), String> {
    let (balance, net) = (state.balance, state.deposited - state.withdrawn);
    if balance == net {
        Ok(())
    } else {
        Err(format!("balance {balance}, deposits - withdrawals {net}"))
    }
}
