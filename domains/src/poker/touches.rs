//! Which invariants each event can break, so a step checks only those (`Model::touches`).
//!
//! An invariant is listed for an event when `apply` (or the hand ledger's `fold`) writes a
//! field the invariant reads; when in doubt it is listed. Most of a hand is checks, calls and
//! raises, which touch the chips and the turn but not the cards, so the card checks (the
//! dearest) run only when cards move. The harness proves this table: a deep run (one in
//! `--history-every`) checks every invariant after every step, and one that breaks after a
//! step whose events do not list it is reported as `touches_declared`.

use rewind::Touched;

use super::event::PokerEvent;

// Indices into `invariants::INVARIANTS`, in its order.
const CHIPS_CONSERVED: usize = 0;
const POT_EQUALS_CONTRIBUTIONS: usize = 1;
const NO_NEGATIVE_STACK: usize = 2;
const CARDS_DISTINCT: usize = 3;
const TO_ACT_IFF_ROUND_OPEN: usize = 4;
const HOLE_CARDS_ONLY_IN_HAND: usize = 5;
const BOARD_MATCHES_STREET: usize = 6;
const BLINDS_AND_BUTTON_LEGAL: usize = 7;
const HAND_NUMBER_GROWS: usize = 8;
const VIEW_HIDES_HOLE_CARDS: usize = 9;
const BET_SIZES_LEGAL: usize = 10;

/// Stacks, contributions and the pot.
const CHIPS: Touched = Touched::of(&[CHIPS_CONSERVED, POT_EQUALS_CONTRIBUTIONS, NO_NEGATIVE_STACK]);
/// Who sits where, and who is in the hand.
const SEATS: Touched = Touched::of(&[
    CHIPS_CONSERVED,
    POT_EQUALS_CONTRIBUTIONS,
    NO_NEGATIVE_STACK,
    CARDS_DISTINCT,
    TO_ACT_IFF_ROUND_OPEN,
    HOLE_CARDS_ONLY_IN_HAND,
    BLINDS_AND_BUTTON_LEGAL,
    VIEW_HIDES_HOLE_CARDS,
]);

pub fn touches(event: &PokerEvent) -> Touched {
    match event {
        // Rare, and they change much: everything. (The payout checks read the ledger's
        // last hand, which only `HandEnded` writes.)
        PokerEvent::HandStarted { .. }
        | PokerEvent::HandEnded { .. }
        | PokerEvent::StoodUp { .. } => Touched::ALL,
        PokerEvent::SatDown { .. } => SEATS,
        PokerEvent::SatOut { .. } | PokerEvent::SatIn { .. } => Touched::of(&[
            TO_ACT_IFF_ROUND_OPEN,
            HOLE_CARDS_ONLY_IN_HAND,
            BLINDS_AND_BUTTON_LEGAL,
            VIEW_HIDES_HOLE_CARDS,
        ]),
        PokerEvent::ChipsAdded { .. }
        | PokerEvent::AntePosted { .. }
        | PokerEvent::PotAwarded { .. } => CHIPS,
        PokerEvent::BlindPosted { .. } | PokerEvent::BetReturned { .. } => {
            CHIPS.union(Touched::of(&[TO_ACT_IFF_ROUND_OPEN]))
        }
        PokerEvent::ChipsCommitted { .. } => {
            CHIPS.union(Touched::of(&[TO_ACT_IFF_ROUND_OPEN, BET_SIZES_LEGAL]))
        }
        PokerEvent::Checked { .. } => Touched::of(&[TO_ACT_IFF_ROUND_OPEN]),
        PokerEvent::DeckShuffled { .. } => Touched::of(&[CARDS_DISTINCT]),
        PokerEvent::HoleCardsDealt { .. } => Touched::of(&[
            CARDS_DISTINCT,
            TO_ACT_IFF_ROUND_OPEN,
            HOLE_CARDS_ONLY_IN_HAND,
            VIEW_HIDES_HOLE_CARDS,
        ]),
        PokerEvent::Folded { .. } => Touched::of(&[
            POT_EQUALS_CONTRIBUTIONS,
            CARDS_DISTINCT,
            TO_ACT_IFF_ROUND_OPEN,
            HOLE_CARDS_ONLY_IN_HAND,
            VIEW_HIDES_HOLE_CARDS,
        ]),
        PokerEvent::BoardDealt { .. } => Touched::of(&[
            CARDS_DISTINCT,
            TO_ACT_IFF_ROUND_OPEN,
            BOARD_MATCHES_STREET,
            BLINDS_AND_BUTTON_LEGAL,
            HAND_NUMBER_GROWS,
            VIEW_HIDES_HOLE_CARDS,
        ]),
        PokerEvent::HandShown { .. } => Touched::of(&[VIEW_HIDES_HOLE_CARDS]),
    }
}
