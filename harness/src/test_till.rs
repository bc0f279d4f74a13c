//! A domain for the harness's own tests with defects nobody planted, of very different
//! rarity, as a user's domain has them: a till that sells, refunds and takes tips.
//!
//! - A refund is checked against the balance rather than against what was sold, so a refund
//!   larger than the sales goes through whenever the till holds tips: breaks
//!   `refunds_within_sales` in a large share of runs.
//! - The tenth sale of a run is counted twice: breaks `balance_matches_the_stream` only in
//!   runs that make ten sales, a small share.
//! - A tip is an `f64`, and the bot now and then offers one JSON cannot carry: `tips` (the
//!   tests use it to drive a NaN through the log).

use rewind_engine::{Bugs, Choices, Domain, Env, Invariant, Model};
use serde::{Deserialize, Serialize};

pub struct Till;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TillAction {
    Sell { cents: u32 },
    Refund { cents: u32 },
    Tip { cents: u32, amount: f64 },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TillEvent {
    Sold { cents: u32 },
    Refunded { cents: u32 },
    Tipped { cents: u32, amount: f64 },
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TillState {
    pub balance: i64,
    pub sold: i64,
    pub refunded: i64,
    pub tipped: i64,
    pub sales: u32,
}

impl Domain for Till {
    const NAME: &'static str = "till";
    const SCHEMA: u32 = 1;
    type Config = ();
    type State = TillState;
    type Action = TillAction;
    type Event = TillEvent;
    type Reject = String;

    fn initial(_config: &(), _bugs: Bugs) -> TillState {
        TillState::default()
    }

    fn decide(
        state: &TillState,
        action: &TillAction,
        _env: &mut Env,
        out: &mut Vec<TillEvent>,
    ) -> Result<(), String> {
        match *action {
            TillAction::Sell { cents } => out.push(TillEvent::Sold { cents }),
            // The defect: the balance holds tips too, so this lets refunds pass the sales.
            TillAction::Refund { cents } if i64::from(cents) <= state.balance => {
                out.push(TillEvent::Refunded { cents });
            }
            TillAction::Refund { cents } => return Err(format!("{cents} is over the balance")),
            TillAction::Tip { cents, amount } => out.push(TillEvent::Tipped { cents, amount }),
        }
        Ok(())
    }

    fn apply(state: &mut TillState, event: &TillEvent) {
        match *event {
            TillEvent::Sold { cents } => {
                state.sales += 1;
                // The defect: the tenth sale is counted twice in the balance.
                let times = if state.sales == 10 { 2 } else { 1 };
                state.balance += i64::from(cents) * times;
                state.sold += i64::from(cents);
            }
            TillEvent::Refunded { cents } => {
                state.balance -= i64::from(cents);
                state.refunded += i64::from(cents);
            }
            TillEvent::Tipped { cents, .. } => {
                state.balance += i64::from(cents);
                state.tipped += i64::from(cents);
            }
        }
    }
}

impl Model for Till {
    type Projections = ();
    const ACTION_KINDS: &'static [&'static str] = &["sell", "refund", "tip"];

    fn projections(_config: &(), _bugs: Bugs) {}

    fn next_action(_state: &TillState, choices: &mut dyn Choices) -> TillAction {
        match choices.below(40) {
            0..=2 => TillAction::Sell {
                cents: 1 + choices.below(5),
            },
            3..=4 => TillAction::Tip {
                cents: 1 + choices.below(5),
                amount: 0.5,
            },
            _ => TillAction::Refund {
                cents: 1 + choices.below(5),
            },
        }
    }

    fn action_kind(action: &TillAction) -> usize {
        match action {
            TillAction::Sell { .. } => 0,
            TillAction::Refund { .. } => 1,
            TillAction::Tip { .. } => 2,
        }
    }

    fn shrink_action(action: &TillAction) -> Vec<TillAction> {
        match *action {
            TillAction::Sell { cents } if cents > 1 => vec![TillAction::Sell { cents: 1 }],
            TillAction::Refund { cents } if cents > 1 => vec![TillAction::Refund { cents: 1 }],
            TillAction::Tip { cents, amount } if cents > 1 => {
                vec![TillAction::Tip { cents: 1, amount }]
            }
            _ => Vec::new(),
        }
    }

    fn invariants() -> &'static [Invariant<Self>] {
        &[
            Invariant {
                name: "refunds_within_sales",
                check: |state, _| match state.refunded <= state.sold {
                    true => Ok(()),
                    false => Err(format!(
                        "refunded {} of {} sold",
                        state.refunded, state.sold
                    )),
                },
            },
            Invariant {
                name: "balance_matches_the_stream",
                check: |state, _| {
                    let expected = state.sold - state.refunded + state.tipped;
                    match state.balance == expected {
                        true => Ok(()),
                        false => Err(format!(
                            "the balance is {} but sales, refunds and tips make {expected}",
                            state.balance
                        )),
                    }
                },
            },
        ]
    }
}
