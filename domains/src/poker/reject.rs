//! Why the table refused an action.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PokerReject {
    /// The table has no seat with this number.
    NoSuchSeat {
        seat: u8,
    },
    SeatTaken {
        seat: u8,
    },
    /// Nobody sits in this seat.
    EmptySeat {
        seat: u8,
    },
    /// Amounts must be positive.
    NonPositiveAmount {
        amount: i64,
    },
    BelowMinimumBuyIn {
        minimum: u64,
    },
    /// A buy-in, or a stack after adding chips, above the table's maximum.
    AboveMaximumBuyIn {
        maximum: u64,
    },
    /// Chips cannot be added while dealt into the running hand.
    DealtIn {
        seat: u8,
    },
    AlreadySittingOut {
        seat: u8,
    },
    NotSittingOut {
        seat: u8,
    },
    NoHandInProgress,
    OutOfTurn {
        seat: u8,
        to_act: u8,
    },
    CannotCheckFacingBet {
        to_call: u64,
    },
    NothingToCall,
    /// A bet opens a street; facing a bet, raise instead.
    CannotBetFacingBet {
        current_bet: u64,
    },
    /// Nothing to raise on this street; bet instead.
    NothingToRaise,
    /// Below the minimum bet (the big blind) or the minimum raise-to, and not all-in.
    BelowMinimum {
        minimum: u64,
    },
    /// More than the seat's stack (for a raise: more than street bet plus stack).
    AboveStack {
        maximum: u64,
    },
    /// The seat already acted and faces less than a full raise since: call or fold only.
    BettingNotReopened,
    /// The whole stack does not reach past the current bet: calling is the all-in.
    TooShortToRaise {
        all_in: u64,
    },
}

impl fmt::Display for PokerReject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PokerReject::NoSuchSeat { seat } => write!(f, "the table has no seat {seat}"),
            PokerReject::SeatTaken { seat } => write!(f, "seat {seat} is taken"),
            PokerReject::EmptySeat { seat } => write!(f, "nobody sits in seat {seat}"),
            PokerReject::NonPositiveAmount { amount } => {
                write!(f, "amount {amount} is not positive")
            }
            PokerReject::BelowMinimumBuyIn { minimum } => {
                write!(f, "the minimum buy-in is {minimum}")
            }
            PokerReject::AboveMaximumBuyIn { maximum } => {
                write!(f, "a stack may hold at most {maximum} when buying in")
            }
            PokerReject::DealtIn { seat } => {
                write!(f, "seat {seat} is dealt into the running hand")
            }
            PokerReject::AlreadySittingOut { seat } => write!(f, "seat {seat} already sits out"),
            PokerReject::NotSittingOut { seat } => write!(f, "seat {seat} is not sitting out"),
            PokerReject::NoHandInProgress => write!(f, "no hand is in progress"),
            PokerReject::OutOfTurn { seat, to_act } => {
                write!(
                    f,
                    "seat {seat} acted out of turn; the action is on seat {to_act}"
                )
            }
            PokerReject::CannotCheckFacingBet { to_call } => {
                write!(f, "cannot check facing a bet: {to_call} to call")
            }
            PokerReject::NothingToCall => write!(f, "nothing to call"),
            PokerReject::CannotBetFacingBet { current_bet } => {
                write!(f, "cannot bet facing a bet of {current_bet}: raise instead")
            }
            PokerReject::NothingToRaise => write!(f, "nothing to raise: bet instead"),
            PokerReject::BelowMinimum { minimum } => {
                write!(f, "below the minimum of {minimum} without being all-in")
            }
            PokerReject::AboveStack { maximum } => {
                write!(f, "more than the stack allows: at most {maximum}")
            }
            PokerReject::TooShortToRaise { all_in } => {
                write!(
                    f,
                    "all-in to {all_in} does not exceed the current bet: call instead"
                )
            }
            PokerReject::BettingNotReopened => write!(
                f,
                "the betting was not reopened by a full raise since this seat acted: call or fold"
            ),
        }
    }
}
