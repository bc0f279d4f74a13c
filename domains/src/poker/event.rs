//! The facts of the table. Everything random (the deck order) is inside an event, so
//! replaying events needs no RNG.

use arrayvec::ArrayVec;
use serde::{Deserialize, Serialize};

use super::cards::Card;

/// The betting rounds, in order.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Street {
    Preflop,
    Flop,
    Turn,
    River,
}

/// Which forced bet a blind is.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Blind {
    Small,
    Big,
    /// A newcomer's big blind posted out of position; it plays as a live bet.
    Newcomer,
}

/// What a voluntary commitment of chips was.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Commit {
    Call,
    Bet,
    /// A full raise (or a full bet), which reopens the betting.
    Raise,
    /// An all-in for less than a full raise: it does not reopen the betting by itself.
    IncompleteRaise,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PokerEvent {
    SatDown {
        seat: u8,
        buy_in: u64,
        waits_for_big_blind: bool,
    },
    /// The player left with `cashed_out` chips; `mid_hand` when that forfeited their hand.
    StoodUp {
        seat: u8,
        cashed_out: u64,
        mid_hand: bool,
    },
    ChipsAdded {
        seat: u8,
        amount: u64,
    },
    SatOut {
        seat: u8,
    },
    SatIn {
        seat: u8,
    },
    /// Hand `hand` begins with these positions; `players` is the mask of seats dealt in.
    HandStarted {
        hand: u64,
        button: u8,
        small_blind: u8,
        big_blind: u8,
        players: u16,
    },
    /// The deck's order for this hand, top card first.
    DeckShuffled {
        order: ArrayVec<Card, 52>,
    },
    AntePosted {
        seat: u8,
        amount: u64,
    },
    BlindPosted {
        seat: u8,
        amount: u64,
        blind: Blind,
    },
    /// The next two cards from the deck, to `seat`.
    HoleCardsDealt {
        seat: u8,
        cards: [Card; 2],
    },
    Folded {
        seat: u8,
    },
    Checked {
        seat: u8,
    },
    ChipsCommitted {
        seat: u8,
        amount: u64,
        commit: Commit,
        all_in: bool,
    },
    /// One card burned, then `cards` to the board: three on the flop, one on turn and river.
    BoardDealt {
        street: Street,
        burned: Card,
        cards: ArrayVec<Card, 3>,
    },
    /// The part of the largest contribution nobody matched, back to its owner.
    BetReturned {
        seat: u8,
        amount: u64,
    },
    /// A player still in the hand at showdown shows their cards.
    HandShown {
        seat: u8,
        cards: [Card; 2],
    },
    /// `amount` of pot `pot` (0 = main pot) to `seat`, one of `tied` winners of that pot;
    /// `odd_chip` when this share includes one of the chips that did not split evenly.
    PotAwarded {
        pot: u8,
        seat: u8,
        amount: u64,
        tied: u8,
        odd_chip: bool,
    },
    HandEnded {
        hand: u64,
        showdown: bool,
    },
}
