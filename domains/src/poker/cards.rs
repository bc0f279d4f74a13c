//! Cards as one byte: `rank * 4 + suit`, rank 0 = deuce .. 12 = ace, suit 0..4 (c, d, h, s).
//!
//! One byte per card keeps decks, hands and boards in fixed arrays and makes the evaluator's
//! per-card tables 52 entries long.

/// A card, `0..52`.
pub type Card = u8;

/// The marker for "no card here" (an empty hole-card slot).
pub const NO_CARD: Card = 0xFF;

/// Number of cards in the deck.
pub const DECK_SIZE: usize = 52;

/// The card's bit in a 52-bit card set; none for anything that is not a card. Written
/// without a branch, because card sets are built in the hot loops of `apply` and the
/// invariants from cards in random order.
#[inline]
pub const fn bit(card: Card) -> u64 {
    let is_card = (card as usize) < DECK_SIZE;
    (1u64 << (card & 63)) & (is_card as u64).wrapping_neg()
}

/// The card's rank: 0 = deuce .. 12 = ace.
#[inline]
pub const fn rank(card: Card) -> u8 {
    card >> 2
}

/// The card's suit, 0..4.
#[inline]
pub const fn suit(card: Card) -> u8 {
    card & 3
}

/// The card with this rank and suit.
#[inline]
pub const fn card(rank: u8, suit: u8) -> Card {
    rank * 4 + suit
}

const RANK_NAMES: &[u8; 13] = b"23456789TJQKA";
const SUIT_NAMES: &[u8; 4] = b"cdhs";

/// The usual two-letter name ("As", "Td"); "??" for anything that is not a card.
pub fn name(card: Card) -> String {
    if usize::from(card) >= DECK_SIZE {
        return "??".to_string();
    }
    let mut out = String::with_capacity(2);
    out.push(char::from(RANK_NAMES[usize::from(rank(card))]));
    out.push(char::from(SUIT_NAMES[usize::from(suit(card))]));
    out
}

/// Parses a two-letter name ("As", "td"); `None` if it is not one.
pub fn parse(text: &str) -> Option<Card> {
    let bytes = text.as_bytes();
    if bytes.len() != 2 {
        return None;
    }
    let rank = RANK_NAMES
        .iter()
        .position(|&r| r == bytes[0].to_ascii_uppercase())?;
    let suit = SUIT_NAMES
        .iter()
        .position(|&s| s == bytes[1].to_ascii_lowercase())?;
    Some(card(rank as u8, suit as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_for_every_card() {
        for c in 0..DECK_SIZE as Card {
            assert_eq!(parse(&name(c)), Some(c));
        }
        assert_eq!(name(card(12, 3)), "As");
        assert_eq!(name(card(0, 0)), "2c");
        assert_eq!(name(NO_CARD), "??");
        assert_eq!(parse("1x"), None);
    }
}
