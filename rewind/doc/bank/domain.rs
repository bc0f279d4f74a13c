use rewind::{Bugs, Domain, Env};

/// The domain: a unit struct that names the types.
pub struct Account;

impl Domain for Account {
    const NAME: &'static str = "account";
    const SCHEMA: u32 = 1;

    type Config = Limits;
    type State = AccountState;
    type Action = AccountAction;
    type Event = AccountEvent;
    type Reject = AccountReject;

    fn check_config(limits: &Limits) -> Result<(), String> {
        match limits.max_amount {
            1..=1_000_000_000 => Ok(()),
            other => Err(format!("max_amount is {other}; it must be 1 to 1000000000")),
        }
    }

    fn initial(limits: &Limits, _bugs: Bugs) -> AccountState {
        AccountState {
            max_amount: limits.max_amount,
            balance: 0,
            deposited: 0,
            withdrawn: 0,
        }
    }

    fn decide(
        state: &AccountState,
        action: &AccountAction,
        env: &mut Env,
        out: &mut Vec<AccountEvent>,
    ) -> Result<(), AccountReject> {
        let (AccountAction::Deposit { amount } | AccountAction::Withdraw { amount }) = *action;
        if amount < 1 {
            return Err(AccountReject::NotPositive { amount });
        }
        if amount > state.max_amount {
            let max_amount = state.max_amount;
            return Err(AccountReject::OverLimit { amount, max_amount });
        }
        match action {
            AccountAction::Deposit { .. } => out.push(AccountEvent::Deposited { amount }),
            AccountAction::Withdraw { .. } => {
                // With the planted bug on, the balance check is skipped.
                if amount > state.balance && !env.planted(OVERDRAW) {
                    let balance = state.balance;
                    return Err(AccountReject::Insufficient { amount, balance });
                }
                out.push(AccountEvent::Withdrew { amount });
            }
        }
        Ok(())
    }

    fn apply(state: &mut AccountState, event: &AccountEvent) {
        match *event {
            AccountEvent::Deposited { amount } => {
                state.balance += amount;
                state.deposited += amount;
            }
            AccountEvent::Withdrew { amount } => {
                state.balance -= amount;
                state.withdrawn += amount;
            }
        }
    }
}
