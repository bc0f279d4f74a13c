//! A fast 5-, 6- and 7-card hand evaluator: per-card keys summed, one flush test, one
//! perfect-hash lookup. No sorting, no branches on the cards beyond the flush test.
//!
//! A [`Hand`] accumulates cards into two words: a key holding a 3-bit count per rank and a
//! 4-bit count per suit (biased by 3, so a count of 5 or more sets the nibble's top bit), and
//! a 16-bit rank mask per suit. Without a flush the rank counts decide the hand, and a
//! perfect hash built once ([`tables`]) maps them to the [`Strength`]; with a flush (a flush
//! in 7 cards rules out quads and full houses) the flush suit's rank mask indexes a table.

mod score;
mod tables;

#[cfg(test)]
mod oracle;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use super::cards::{Card, rank, suit};

/// How strong a hand is: `1..=7462`, the rank of its best five cards among the 7462 distinct
/// five-card hand values; higher wins, equal ties. `Strength(0)` is no hand.
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Strength(pub u16);

/// The category of a hand, weakest first.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Category {
    HighCard,
    Pair,
    TwoPair,
    Trips,
    Straight,
    Flush,
    FullHouse,
    Quads,
    StraightFlush,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::HighCard,
        Category::Pair,
        Category::TwoPair,
        Category::Trips,
        Category::Straight,
        Category::Flush,
        Category::FullHouse,
        Category::Quads,
        Category::StraightFlush,
    ];
}

/// The strongest [`Strength`] of each category: 1277 high-card values, 2860 pairs, 858 two
/// pairs, 858 trips, 10 straights, 1277 flushes, 156 full houses, 156 quads, 10 straight
/// flushes (the counts of distinct five-card values, checked against the built tables).
pub const CATEGORY_TOP: [u16; 9] = [1277, 4137, 4995, 5853, 5863, 7140, 7296, 7452, 7462];

impl Strength {
    /// The hand's category.
    #[inline]
    pub fn category(self) -> Category {
        // Branch-free: the count of category tops below this strength (bots ask it often).
        let index: usize = CATEGORY_TOP
            .iter()
            .map(|&top| usize::from(self.0 > top))
            .sum();
        Category::ALL[index.min(8)]
    }
}

/// Per card: one in its rank's 3-bit field (bits 0..39) and one in its suit's nibble (40..56).
/// 64 entries so that `card & 63` indexes it without a bounds check (52..64 are zero).
const CARD_KEY: [u64; 64] = {
    let mut keys = [0u64; 64];
    let mut c = 0;
    while c < 52 {
        keys[c] = (1u64 << (3 * (c / 4))) | (1u64 << (40 + 4 * (c % 4)));
        c += 1;
    }
    keys
};

/// Each suit nibble starts at 3, so it reaches 8 (its top bit) at five cards of the suit.
const SUIT_BIAS: u64 = 0x3333 << 40;
/// The top bit of each suit nibble: set when that suit holds five or more cards.
const FLUSH_BITS: u64 = 0x8888 << 40;
/// The rank-count fields.
const RANK_BITS: u64 = (1 << 39) - 1;

/// Cards accumulated for evaluation; add 5, 6 or 7 distinct cards, then ask [`Hand::strength`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Hand {
    key: u64,
    suit_masks: u64,
}

impl Default for Hand {
    fn default() -> Self {
        Hand::EMPTY
    }
}

impl Hand {
    pub const EMPTY: Hand = Hand {
        key: SUIT_BIAS,
        suit_masks: 0,
    };

    /// This hand with `card` added (`card` must be `0..52` and not already in the hand).
    #[inline]
    #[must_use]
    pub fn with(self, card: Card) -> Hand {
        Hand {
            key: self.key + CARD_KEY[usize::from(card & 63)],
            suit_masks: self.suit_masks | 1u64 << (16 * suit(card) + rank(card)),
        }
    }

    /// The strength of the best five cards of the 5 to 7 cards added.
    #[inline]
    pub fn strength(self) -> Strength {
        let tables = tables::get();
        let flush = self.key & FLUSH_BITS;
        if flush != 0 {
            let flush_suit = (flush.trailing_zeros() - 43) / 4;
            let mask = (self.suit_masks >> (16 * flush_suit)) & 0x1FFF;
            return Strength(tables.flush[mask as usize]);
        }
        Strength(tables.lookup(self.key & RANK_BITS))
    }
}

/// The strength of seven cards. Sums the card keys only; the suit masks are built from the
/// cards in the rare flush case.
#[inline]
pub fn evaluate7(cards: &[Card; 7]) -> Strength {
    let key = cards.iter().fold(SUIT_BIAS, |key, &card| {
        key + CARD_KEY[usize::from(card & 63)]
    });
    if key & FLUSH_BITS != 0 {
        return evaluate(cards);
    }
    Strength(tables::get().lookup(key & RANK_BITS))
}

/// The strength of 5 to 7 cards (the bot uses it on the flop and turn).
#[inline]
pub fn evaluate(cards: &[Card]) -> Strength {
    cards
        .iter()
        .fold(Hand::EMPTY, |hand, &card| hand.with(card))
        .strength()
}

/// Builds the lookup tables now rather than on the first evaluation (for benchmarks).
pub fn warm_up() {
    let _ = tables::get();
}
