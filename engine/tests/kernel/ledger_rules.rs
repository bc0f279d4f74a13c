//! The ledger's rules: `decide`, `apply`, the reactors and the upcaster from schema 1.

use std::cell::Cell;
use std::collections::BTreeMap;

use rewind_engine::{Bugs, Domain, Env};
use serde_json::Value;

use crate::ledger::{
    Account, DOUBLE_DEPOSIT, Ledger, LedgerAction, LedgerConfig, LedgerEvent, LedgerReject,
    LedgerState, WITHDRAW_IGNORED,
};

thread_local! {
    static DECIDE_CALLS: Cell<usize> = const { Cell::new(0) };
}

/// How many times `decide` ran on this thread: a probe for the cascade bounds (tests run on
/// their own threads, so a thread-local count is theirs alone).
pub fn decide_calls() -> usize {
    DECIDE_CALLS.with(Cell::get)
}

fn known(state: &LedgerState, account: Account) -> Result<(), LedgerReject> {
    if account < state.accounts {
        Ok(())
    } else {
        Err(LedgerReject::UnknownAccount { account })
    }
}

fn positive(amount: i64) -> Result<(), LedgerReject> {
    if amount > 0 {
        Ok(())
    } else {
        Err(LedgerReject::NotPositive { amount })
    }
}

fn covered(state: &LedgerState, account: Account, amount: i64) -> Result<(), LedgerReject> {
    let balance = state.balance(account);
    if balance >= amount {
        Ok(())
    } else {
        Err(LedgerReject::Insufficient {
            account,
            balance,
            amount,
        })
    }
}

impl Domain for Ledger {
    const NAME: &'static str = "ledger";
    const SCHEMA: u32 = 2;
    const REACTS: bool = true;

    type Config = LedgerConfig;
    type State = LedgerState;
    type Action = LedgerAction;
    type Event = LedgerEvent;
    type Reject = LedgerReject;

    fn initial(config: &LedgerConfig, bugs: Bugs) -> LedgerState {
        LedgerState {
            accounts: config.accounts,
            balances: BTreeMap::new(),
            orders: 0,
            relays: 0,
            last_raffle: None,
            last_stamp: None,
            spawned: Vec::new(),
            echoes: 0,
            applied: 0,
            trail: 0,
            bugs,
        }
    }

    fn decide(
        state: &LedgerState,
        action: &LedgerAction,
        env: &mut Env,
        out: &mut Vec<LedgerEvent>,
    ) -> Result<(), LedgerReject> {
        DECIDE_CALLS.with(|calls| calls.set(calls.get() + 1));
        match *action {
            LedgerAction::Deposit { account, amount } => {
                known(state, account)?;
                positive(amount)?;
                let amount = if env.planted(DOUBLE_DEPOSIT) {
                    amount * 2
                } else {
                    amount
                };
                out.push(LedgerEvent::Deposited { account, amount });
            }
            LedgerAction::Withdraw { account, amount } => {
                known(state, account)?;
                positive(amount)?;
                covered(state, account, amount)?;
                out.push(LedgerEvent::Withdrawn { account, amount });
            }
            LedgerAction::Transfer { from, to, amount } => {
                known(state, from)?;
                known(state, to)?;
                positive(amount)?;
                if from == to {
                    return Err(LedgerReject::SameAccount { account: from });
                }
                out.push(LedgerEvent::Withdrawn {
                    account: from,
                    amount,
                });
                out.push(LedgerEvent::Deposited {
                    account: to,
                    amount,
                });
                covered(state, from, amount)?;
            }
            LedgerAction::Close { account } => {
                known(state, account)?;
                let amount = state.balance(account);
                if amount > 0 {
                    out.push(LedgerEvent::Withdrawn { account, amount });
                }
            }
            LedgerAction::Order { account, price } => {
                known(state, account)?;
                positive(price)?;
                out.push(LedgerEvent::Ordered { account, price });
            }
            LedgerAction::Relay { account, price } => {
                known(state, account)?;
                positive(price)?;
                out.push(LedgerEvent::Relayed { account, price });
            }
            LedgerAction::Lottery { account } => {
                known(state, account)?;
                let draw = env.rng().next_u64();
                let prize = 1 + (draw % 100) as i64;
                out.push(LedgerEvent::Won {
                    account,
                    draw,
                    prize,
                });
            }
            LedgerAction::Raffle { key } => {
                let draw = env.fork(key).next_u64();
                out.push(LedgerEvent::Raffled { key, draw });
            }
            LedgerAction::Stamp => out.push(LedgerEvent::Stamped { now: env.now() }),
            LedgerAction::Spawn {
                id,
                children,
                depth,
            } => out.push(LedgerEvent::Spawned {
                id,
                children,
                depth,
            }),
            LedgerAction::Echo { n } => out.push(LedgerEvent::Echoed { n }),
        }
        Ok(())
    }

    fn apply(state: &mut LedgerState, event: &LedgerEvent) {
        let (tag, a, b): (u64, u64, u64) = match *event {
            LedgerEvent::Deposited { account, amount } => {
                *state.balances.entry(account).or_insert(0) += amount;
                (1, account.into(), amount as u64)
            }
            LedgerEvent::Withdrawn { account, amount } => {
                if !state.bugs.has(WITHDRAW_IGNORED) {
                    *state.balances.entry(account).or_insert(0) -= amount;
                }
                (2, account.into(), amount as u64)
            }
            LedgerEvent::Ordered { account, price } => {
                state.orders += 1;
                (3, account.into(), price as u64)
            }
            LedgerEvent::Relayed { account, price } => {
                state.relays += 1;
                (4, account.into(), price as u64)
            }
            LedgerEvent::Won { account, prize, .. } => {
                *state.balances.entry(account).or_insert(0) += prize;
                (5, account.into(), prize as u64)
            }
            LedgerEvent::Raffled { key, draw } => {
                state.last_raffle = Some((key, draw));
                (6, key, draw)
            }
            LedgerEvent::Stamped { now } => {
                state.last_stamp = Some(now);
                (7, now, 0)
            }
            LedgerEvent::Spawned { id, .. } => {
                state.spawned.push(id);
                (8, id, 0)
            }
            LedgerEvent::Echoed { n } => {
                state.echoes += 1;
                (9, n, 0)
            }
        };
        state.applied += 1;
        state.trail = (state.trail.rotate_left(7) ^ tag ^ a.rotate_left(16) ^ b.rotate_left(40))
            .wrapping_mul(0x0100_0000_01b3);
    }

    fn react(_state: &LedgerState, event: &LedgerEvent, out: &mut Vec<LedgerAction>) {
        match *event {
            LedgerEvent::Ordered { account, price } => out.push(LedgerAction::Withdraw {
                account,
                amount: price,
            }),
            LedgerEvent::Relayed { account, price } => {
                out.push(LedgerAction::Order { account, price });
            }
            LedgerEvent::Spawned {
                id,
                children,
                depth,
            } if depth > 0 => {
                for child in 0..u64::from(children) {
                    out.push(LedgerAction::Spawn {
                        id: id.wrapping_mul(100).wrapping_add(child + 1),
                        children,
                        depth: depth - 1,
                    });
                }
            }
            LedgerEvent::Echoed { n } => out.push(LedgerAction::Echo { n: n + 1 }),
            _ => {}
        }
    }

    /// Schema 1 called a deposit's amount `cents`; schema 0 predates accounts and is refused.
    fn upcast_action(schema: u32, action: Value) -> Result<Value, String> {
        match schema {
            1 => Ok(rename_cents(action)),
            _ => Err(format!("ledger schema {schema} predates accounts")),
        }
    }
}

fn rename_cents(mut action: Value) -> Value {
    if let Some(Value::Object(deposit)) = action.get_mut("Deposit")
        && let Some(cents) = deposit.remove("cents")
    {
        deposit.insert("amount".to_string(), cents);
    }
    action
}
