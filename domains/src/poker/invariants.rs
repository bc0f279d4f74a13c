//! The table's named invariants, checked after every dispatch, and the chip and card checks.
//! Turn, position and view checks are in `table_checks`; the payout checks against the hand
//! ledger in `payout_checks`. Each is O(seats).

use rewind::Invariant;

use super::Poker;
use super::cards::{self, NO_CARD};
use super::describe::seat_list;
use super::ledger::HandLedger;
use super::payout_checks::{
    odd_chips_left_of_button, side_pot_eligibility, uncalled_bet_returned, winners_hold_best_hand,
};
use super::state::{MAX_SEATS, Phase, PokerState};
use super::table_checks::{
    bet_sizes_legal, blinds_and_button_legal, hand_number_grows, to_act_iff_round_open,
    view_hides_hole_cards,
};

type Check = Result<(), String>;

pub static INVARIANTS: [Invariant<Poker>; 15] = [
    Invariant {
        name: "chips_conserved",
        check: chips_conserved,
    },
    Invariant {
        name: "pot_equals_contributions",
        check: pot_equals_contributions,
    },
    Invariant {
        name: "no_negative_stack",
        check: no_negative_stack,
    },
    Invariant {
        name: "cards_distinct",
        check: cards_distinct,
    },
    Invariant {
        name: "to_act_iff_round_open",
        check: to_act_iff_round_open,
    },
    Invariant {
        name: "hole_cards_only_in_hand",
        check: hole_cards_only_in_hand,
    },
    Invariant {
        name: "board_matches_street",
        check: board_matches_street,
    },
    Invariant {
        name: "blinds_and_button_legal",
        check: blinds_and_button_legal,
    },
    Invariant {
        name: "hand_number_grows",
        check: hand_number_grows,
    },
    Invariant {
        name: "view_hides_hole_cards",
        check: view_hides_hole_cards,
    },
    Invariant {
        name: "bet_sizes_legal",
        check: bet_sizes_legal,
    },
    Invariant {
        name: "uncalled_bet_returned",
        check: uncalled_bet_returned,
    },
    Invariant {
        name: "side_pot_eligibility",
        check: side_pot_eligibility,
    },
    Invariant {
        name: "winners_hold_best_hand",
        check: winners_hold_best_hand,
    },
    Invariant {
        name: "odd_chips_left_of_button",
        check: odd_chips_left_of_button,
    },
];

/// Stacks plus the pot equal every chip bought in minus every chip cashed out.
fn chips_conserved(s: &PokerState, _: &HandLedger) -> Check {
    let on_table = s.chips_on_table();
    let owed = i128::from(s.bought_in) - i128::from(s.cashed_out);
    if on_table as i128 != owed {
        return Err(format!(
            "stacks + pot = {on_table} but {} bought in - {} cashed out = {owed}",
            s.bought_in, s.cashed_out
        ));
    }
    Ok(())
}

/// The pot is the sum of this hand's contributions, as the table and the ledger count them.
fn pot_equals_contributions(s: &PokerState, ledger: &HandLedger) -> Check {
    let table: u128 = s
        .seats
        .iter()
        .map(|seat| u128::from(seat.contributed))
        .sum();
    if u128::from(s.pot) != table {
        return Err(format!("pot {} but contributions sum to {table}", s.pot));
    }
    if s.hand_running() && ledger.current.hand == s.hand {
        let books: u128 = ledger.current.net().iter().map(|&c| u128::from(c)).sum();
        if books != table {
            return Err(format!(
                "the ledger counts {books} contributed, the table {table}"
            ));
        }
    }
    Ok(())
}

/// No stack, contribution or pot went below zero (a wrapped one exceeds all chips bought).
fn no_negative_stack(s: &PokerState, _: &HandLedger) -> Check {
    let limit = s.bought_in;
    for (i, seat) in s.seats.iter().enumerate() {
        if seat.stack > limit || seat.contributed > limit {
            return Err(format!(
                "seat {i}: stack {} / contributed {} exceed the {limit} chips ever bought in",
                seat.stack as i64, seat.contributed as i64
            ));
        }
    }
    if s.pot > limit {
        return Err(format!("pot {} went negative", s.pot as i64));
    }
    Ok(())
}

/// Deck rest, hole cards, board and muck hold the 52 cards, each exactly once (so the
/// shuffled deck was a permutation, and nothing was dealt twice). Each card, or each place
/// kept as a bit mask, is added to the cards seen so far and must not overlap them; at the
/// end every card must have been seen. The rest of the deck is as many cards as the deck
/// order has left, and the next card to deal is among them.
fn cards_distinct(s: &PokerState, _: &HandLedger) -> Check {
    if s.deck_len == 0 {
        if s.board_len != 0 || s.muck != 0 || s.deck_rest != 0 {
            return Err("cards in the deck, on the board or in the muck between hands".into());
        }
        return Ok(());
    }
    let left = 52u32.saturating_sub(u32::from(s.next_card));
    let top = s
        .deck
        .get(usize::from(s.next_card))
        .map_or(0, |&c| cards::bit(c));
    if s.deck_len != 52 || left == 0 || s.deck_rest & top == 0 {
        return Err(format!(
            "the deck has {} cards, {left} left, and its next card {} is not among them",
            s.deck_len,
            cards::name(
                s.deck
                    .get(usize::from(s.next_card))
                    .copied()
                    .unwrap_or(NO_CARD)
            )
        ));
    }
    if s.deck_rest.count_ones() != left {
        return Err(format!(
            "the deck should hold {left} cards but holds {}",
            s.deck_rest.count_ones()
        ));
    }
    let twice = |place: &str, bits: u64| {
        format!(
            "card {} is seen twice (again in the {place})",
            cards::name(bits.trailing_zeros() as u8)
        )
    };
    let mut seen = s.deck_rest;
    if seen & s.muck != 0 {
        return Err(twice("muck", seen & s.muck));
    }
    seen |= s.muck;
    for (i, seat) in s.in_hand_seats() {
        let (a, b) = (cards::bit(seat.hole[0]), cards::bit(seat.hole[1]));
        if a == 0 || b == 0 || a == b {
            return Err(format!(
                "seat {i} does not hold two distinct cards of the deck"
            ));
        }
        if seen & (a | b) != 0 {
            return Err(twice("hole cards", seen & (a | b)));
        }
        seen |= a | b;
    }
    for &card in &s.board[..usize::from(s.board_len).min(5)] {
        let b = cards::bit(card);
        if b == 0 {
            return Err(format!("the board holds {card}, not a card of the deck"));
        }
        if seen & b != 0 {
            return Err(twice("board", b));
        }
        seen |= b;
    }
    if seen != (1 << 52) - 1 {
        return Err(format!("{} cards accounted for, not 52", seen.count_ones()));
    }
    Ok(())
}

/// Exactly the seats in the hand hold hole cards, two real cards each, and every seat in the
/// hand is seated and was dealt in.
fn hole_cards_only_in_hand(s: &PokerState, _: &HandLedger) -> Check {
    if s.in_hand & !s.players != 0 || s.in_hand >> MAX_SEATS != 0 {
        return Err(format!(
            "seats {} are in the hand but only seats {} were dealt in",
            seat_list(s.in_hand),
            seat_list(s.players)
        ));
    }
    // Masks first, in one pass without branches (which seats hold cards is random); a
    // seat is named only when one of them is wrong.
    let (mut seated, mut holds, mut two_cards) = (0u16, 0u16, 0u16);
    for (i, seat) in s.seats.iter().enumerate() {
        seated |= u16::from(seat.occupied) << i;
        holds |= u16::from(seat.hole != [NO_CARD; 2]) << i;
        two_cards |= u16::from((seat.hole[0] < 52) & (seat.hole[1] < 52)) << i;
    }
    let first = |mask: u16| mask.trailing_zeros();
    if s.in_hand & !seated != 0 {
        return Err(format!(
            "seat {} is in the hand but not seated",
            first(s.in_hand & !seated)
        ));
    }
    if s.in_hand & !two_cards != 0 {
        return Err(format!(
            "seat {} is in the hand without two hole cards",
            first(s.in_hand & !two_cards)
        ));
    }
    if holds & !s.in_hand != 0 {
        return Err(format!(
            "seat {} holds cards but is not in the hand",
            first(holds & !s.in_hand)
        ));
    }
    Ok(())
}

/// No board before the flop, three on the flop, four on the turn, five on the river.
fn board_matches_street(s: &PokerState, _: &HandLedger) -> Check {
    let expected = match s.phase {
        Phase::Idle | Phase::Preflop => 0,
        Phase::Flop => 3,
        Phase::Turn => 4,
        Phase::River => 5,
    };
    if s.board_len != expected {
        return Err(format!("{} board cards in {:?}", s.board_len, s.phase));
    }
    Ok(())
}
