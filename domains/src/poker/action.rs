//! What players say at the table. Players are known by their seat. Amounts are `i64` so a
//! hostile zero, negative or huge amount can be spoken and refused with a reason.

use serde::{Deserialize, Serialize};

#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PokerAction {
    /// Take an empty seat with `buy_in` chips. A newcomer waits for the big blind to reach
    /// them, or (`post_big_blind`) posts one in the next hand wherever they sit.
    SitDown {
        seat: u8,
        buy_in: i64,
        post_big_blind: bool,
    },
    /// Leave with the stack; mid-hand this folds, and chips already committed stay in the pot.
    StandUp {
        seat: u8,
    },
    /// Top up between hands (not while dealt into the running hand), up to the maximum buy-in.
    AddChips {
        seat: u8,
        amount: i64,
    },
    /// Skip hands from the next one on.
    SitOut {
        seat: u8,
    },
    /// Be dealt in again from the next hand on.
    SitIn {
        seat: u8,
    },
    Fold {
        seat: u8,
    },
    Check {
        seat: u8,
    },
    /// Match the current bet, or put in the whole stack when it is smaller.
    Call {
        seat: u8,
    },
    /// Open the betting on a street with `amount` chips.
    Bet {
        seat: u8,
        amount: i64,
    },
    /// Raise so that this street's total from the seat becomes `amount`.
    RaiseTo {
        seat: u8,
        amount: i64,
    },
}

impl PokerAction {
    pub const KINDS: &'static [&'static str] = &[
        "sit_down",
        "stand_up",
        "add_chips",
        "sit_out",
        "sit_in",
        "fold",
        "check",
        "call",
        "bet",
        "raise_to",
    ];

    /// The index of this action's kind in [`PokerAction::KINDS`].
    pub fn kind(&self) -> usize {
        match self {
            PokerAction::SitDown { .. } => 0,
            PokerAction::StandUp { .. } => 1,
            PokerAction::AddChips { .. } => 2,
            PokerAction::SitOut { .. } => 3,
            PokerAction::SitIn { .. } => 4,
            PokerAction::Fold { .. } => 5,
            PokerAction::Check { .. } => 6,
            PokerAction::Call { .. } => 7,
            PokerAction::Bet { .. } => 8,
            PokerAction::RaiseTo { .. } => 9,
        }
    }

    /// The seat that speaks.
    pub fn seat(&self) -> u8 {
        let mut copy = *self;
        *copy.seat_mut()
    }

    /// The seat the action names, to renumber it.
    pub fn seat_mut(&mut self) -> &mut u8 {
        match self {
            PokerAction::SitDown { seat, .. }
            | PokerAction::StandUp { seat }
            | PokerAction::AddChips { seat, .. }
            | PokerAction::SitOut { seat }
            | PokerAction::SitIn { seat }
            | PokerAction::Fold { seat }
            | PokerAction::Check { seat }
            | PokerAction::Call { seat }
            | PokerAction::Bet { seat, .. }
            | PokerAction::RaiseTo { seat, .. } => seat,
        }
    }

    /// Simpler variants for the shrinker, simplest first: folding, then passive actions
    /// instead of aggressive ones, then smaller amounts.
    pub fn simpler(&self) -> Vec<PokerAction> {
        let mut out = Vec::new();
        match *self {
            PokerAction::Bet { seat, amount } | PokerAction::RaiseTo { seat, amount } => {
                out.push(PokerAction::Fold { seat });
                out.push(PokerAction::Call { seat });
                out.push(PokerAction::Check { seat });
                for smaller in [amount / 2, amount - 1] {
                    if smaller > 0 && smaller < amount {
                        out.push(match self {
                            PokerAction::Bet { .. } => PokerAction::Bet {
                                seat,
                                amount: smaller,
                            },
                            _ => PokerAction::RaiseTo {
                                seat,
                                amount: smaller,
                            },
                        });
                    }
                }
            }
            PokerAction::SitDown {
                seat,
                buy_in,
                post_big_blind,
            } => {
                if post_big_blind {
                    out.push(PokerAction::SitDown {
                        seat,
                        buy_in,
                        post_big_blind: false,
                    });
                }
                if buy_in > 1 {
                    out.push(PokerAction::SitDown {
                        seat,
                        buy_in: buy_in / 2,
                        post_big_blind,
                    });
                }
            }
            PokerAction::AddChips { seat, amount } if amount > 1 => {
                out.push(PokerAction::AddChips {
                    seat,
                    amount: amount / 2,
                });
            }
            PokerAction::Call { seat } => {
                out.push(PokerAction::Fold { seat });
                out.push(PokerAction::Check { seat });
            }
            PokerAction::Check { seat } => out.push(PokerAction::Fold { seat }),
            _ => {}
        }
        out
    }
}
