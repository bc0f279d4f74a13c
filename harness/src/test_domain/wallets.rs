//! Two wallets written by concurrent clients: a stream each, a spend that must not overdraw.
//! Correct, every spend reads its wallet's stream and decides again on a conflict; the
//! planted bugs only concurrency reveals: a spend that declares no stream (its append expects
//! nothing), and a spend that re-sends its first decision after a conflict.

use rewind_engine::{Bug, BugId, Bugs, Choices, Domain, Env, Invariant, Model, OnConflict, Stream};
use serde::{Deserialize, Serialize};

pub struct Wallets;

/// A spend's append expects nothing: it declares no stream read.
pub const SPEND_EXPECTS_NOTHING: BugId = BugId(0);
/// A spend that meets a conflict appends its first decision again.
pub const SPEND_RESENDS: BugId = BugId(1);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cash {
    Deposit { wallet: u8, amount: u8 },
    Spend { wallet: u8, amount: u8 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Moved {
    In { wallet: u8, amount: u8 },
    Out { wallet: u8, amount: u8 },
}

impl Moved {
    fn wallet(self) -> u8 {
        match self {
            Moved::In { wallet, .. } | Moved::Out { wallet, .. } => wallet,
        }
    }
}

fn stream(wallet: u8) -> Stream {
    Stream::new("wallet", u64::from(wallet))
}

impl Domain for Wallets {
    const NAME: &'static str = "wallets";
    const SCHEMA: u32 = 1;
    const CONCURRENT: bool = true;
    type Config = ();
    type State = [i32; 2];
    type Action = Cash;
    type Event = Moved;
    type Reject = String;

    fn initial(_config: &(), _bugs: Bugs) -> [i32; 2] {
        [0; 2]
    }

    fn decide(
        state: &[i32; 2],
        action: &Cash,
        _env: &mut Env,
        out: &mut Vec<Moved>,
    ) -> Result<(), String> {
        match *action {
            Cash::Deposit { wallet, amount } if wallet < 2 => {
                out.push(Moved::In { wallet, amount })
            }
            Cash::Spend { wallet, amount } if wallet < 2 => {
                let balance = state[usize::from(wallet)];
                if balance < i32::from(amount) {
                    return Err(format!(
                        "wallet {wallet} holds {balance}, less than {amount}"
                    ));
                }
                out.push(Moved::Out { wallet, amount });
            }
            _ => return Err("no such wallet".into()),
        }
        Ok(())
    }

    fn apply(state: &mut [i32; 2], event: &Moved) {
        match *event {
            Moved::In { wallet, amount } => state[usize::from(wallet)] += i32::from(amount),
            Moved::Out { wallet, amount } => state[usize::from(wallet)] -= i32::from(amount),
        }
    }

    fn reads(_state: &[i32; 2], action: &Cash, bugs: Bugs, out: &mut Vec<Stream>) {
        match *action {
            Cash::Spend { .. } if bugs.has(SPEND_EXPECTS_NOTHING) => {}
            Cash::Deposit { wallet, .. } | Cash::Spend { wallet, .. } => out.push(stream(wallet)),
        }
    }

    fn in_stream(event: &Moved, stream: &Stream) -> bool {
        stream.kind == "wallet" && stream.id == u64::from(event.wallet())
    }

    fn on_conflict(action: &Cash, bugs: Bugs) -> OnConflict {
        match action {
            Cash::Spend { .. } if bugs.has(SPEND_RESENDS) => OnConflict::Resend,
            _ => OnConflict::Retry { attempts: 3 },
        }
    }
}

impl Model for Wallets {
    type Projections = ();
    const ACTION_KINDS: &'static [&'static str] = &["deposit", "spend"];
    const BUGS: &'static [Bug] = &[
        Bug {
            id: SPEND_EXPECTS_NOTHING,
            name: "spend_expects_nothing",
            effect: "a spend declares no stream, so its append expects nothing",
        },
        Bug {
            id: SPEND_RESENDS,
            name: "spend_resends",
            effect: "a spend that meets a conflict appends its first decision again",
        },
    ];

    fn projections(_config: &(), _bugs: Bugs) {}

    fn next_action(_state: &[i32; 2], choices: &mut dyn Choices) -> Cash {
        let wallet = choices.below(2) as u8;
        let amount = 1 + choices.below(4) as u8;
        if choices.chance(1, 2) {
            Cash::Deposit { wallet, amount }
        } else {
            Cash::Spend { wallet, amount }
        }
    }

    fn action_kind(action: &Cash) -> usize {
        match action {
            Cash::Deposit { .. } => 0,
            Cash::Spend { .. } => 1,
        }
    }

    fn invariants() -> &'static [Invariant<Self>] {
        &[Invariant {
            name: "no_overdraft",
            check: |state, _| match state.iter().position(|&balance| balance < 0) {
                None => Ok(()),
                Some(wallet) => Err(format!("wallet {wallet} holds {}", state[wallet])),
            },
        }]
    }

    fn shrink_action(action: &Cash) -> Vec<Cash> {
        match *action {
            Cash::Deposit { wallet, amount } if wallet > 0 || amount > 1 => {
                vec![Cash::Deposit {
                    wallet: 0,
                    amount: 1,
                }]
            }
            Cash::Spend { wallet, amount } if wallet > 0 || amount > 1 => {
                vec![Cash::Spend {
                    wallet: 0,
                    amount: 1,
                }]
            }
            _ => Vec::new(),
        }
    }
}
