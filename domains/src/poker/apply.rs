//! `apply`: folds one event into the table. Total and deterministic; chip arithmetic wraps
//! rather than panics, so a wrong event shows up as a broken invariant, not a crash.

use super::bugs;
use super::cards::{self, NO_CARD};
use super::event::{Blind, PokerEvent, Street};
use super::state::{NO_SEAT, Phase, PokerState, RaiseRecord, Seat, seat_bit};

pub fn apply(s: &mut PokerState, event: &PokerEvent) {
    match *event {
        PokerEvent::SatDown {
            seat,
            buy_in,
            waits_for_big_blind,
        } => {
            let bit = seat_bit(usize::from(seat));
            if let Some(seat) = s.seats.get_mut(usize::from(seat)) {
                s.in_hand &= !bit;
                s.acted &= !bit;
                *seat = Seat {
                    occupied: true,
                    stack: buy_in,
                    waiting: waits_for_big_blind,
                    posts_big_blind: !waits_for_big_blind,
                    contributed: seat.contributed,
                    ..Seat::EMPTY
                };
                s.bought_in = s.bought_in.wrapping_add(buy_in);
            }
        }
        PokerEvent::StoodUp {
            seat, cashed_out, ..
        } => stood_up(s, usize::from(seat), cashed_out),
        PokerEvent::ChipsAdded { seat, amount } => {
            if let Some(seat) = s.seats.get_mut(usize::from(seat)) {
                seat.stack = seat.stack.wrapping_add(amount);
                s.bought_in = s.bought_in.wrapping_add(amount);
            }
        }
        PokerEvent::SatOut { seat } => set_flag(s, seat, true),
        PokerEvent::SatIn { seat } => set_flag(s, seat, false),
        PokerEvent::HandStarted {
            hand,
            button,
            small_blind,
            big_blind,
            players,
        } => {
            s.previous_button = s.button;
            s.previous_big_blind = if s.big_blind_left {
                NO_SEAT
            } else {
                s.big_blind
            };
            s.big_blind_left = false;
            s.hand = hand;
            s.button = button;
            s.small_blind = small_blind;
            s.big_blind = big_blind;
            s.players = players;
            s.shown = 0;
            s.phase = Phase::Preflop;
            s.current_bet = s.config.big_blind;
            s.min_raise = s.config.big_blind;
            s.to_act = NO_SEAT;
            s.last_raise = None;
            s.in_hand |= players;
            s.acted &= !players;
            for (i, seat) in s.seats.iter_mut().enumerate() {
                if players & (1 << i) != 0 {
                    seat.waiting = false;
                    seat.posts_big_blind = false;
                    seat.street_bet = 0;
                    seat.acted_at = 0;
                }
            }
        }
        PokerEvent::DeckShuffled { ref order } => {
            let n = order.len().min(52);
            s.deck[..n].copy_from_slice(&order[..n]);
            s.deck_len = n as u8;
            s.next_card = 0;
            s.deck_rest = order.iter().fold(0, |rest, &c| rest | cards::bit(c));
        }
        PokerEvent::AntePosted { seat, amount } => {
            if let Some(seat) = s.seats.get_mut(usize::from(seat)) {
                seat.stack = seat.stack.wrapping_sub(amount);
                seat.contributed = seat.contributed.wrapping_add(amount);
                s.pot = s.pot.wrapping_add(amount);
            }
        }
        PokerEvent::BlindPosted {
            seat,
            amount,
            blind,
        } => {
            if let Some(seat) = s.seats.get_mut(usize::from(seat)) {
                seat.stack = seat.stack.wrapping_sub(amount);
                seat.street_bet = seat.street_bet.wrapping_add(amount);
                seat.contributed = seat.contributed.wrapping_add(amount);
                s.pot = s.pot.wrapping_add(amount);
                if blind == Blind::Small {
                    s.current_bet = s.current_bet.max(seat.street_bet);
                }
            }
        }
        PokerEvent::HoleCardsDealt { seat, cards } => {
            if let Some(slot) = s.seats.get_mut(usize::from(seat)) {
                slot.hole = cards;
                s.next_card = s.next_card.wrapping_add(2);
                s.deck_rest &= !(cards::bit(cards[0]) | cards::bit(cards[1]));
            }
            // Dealing ends with the button: only then is the first player to act known.
            if seat == s.button {
                s.to_act = s.next_to_act(s.big_blind);
            }
        }
        PokerEvent::Folded { seat } => {
            fold(s, usize::from(seat));
            s.to_act = s.next_to_act(seat);
        }
        PokerEvent::Checked { seat } => {
            s.acted |= seat_bit(usize::from(seat));
            if let Some(slot) = s.seats.get_mut(usize::from(seat)) {
                slot.acted_at = s.current_bet;
            }
            s.to_act = s.next_to_act(seat);
        }
        PokerEvent::ChipsCommitted {
            seat,
            amount,
            all_in,
            ..
        } => commit(s, usize::from(seat), amount, all_in),
        PokerEvent::BoardDealt {
            street,
            burned,
            ref cards,
        } => {
            s.muck |= cards::bit(burned);
            s.deck_rest &= !cards::bit(burned);
            let burn = if s.bugs.has(bugs::BURN_CARD_LEFT_IN_DECK) {
                0
            } else {
                1
            };
            s.next_card = s.next_card.wrapping_add(burn + cards.len() as u8);
            for &card in cards {
                if let Some(slot) = s.board.get_mut(usize::from(s.board_len)) {
                    *slot = card;
                    s.board_len += 1;
                }
                s.deck_rest &= !cards::bit(card);
            }
            s.phase = match street {
                Street::Preflop => Phase::Preflop,
                Street::Flop => Phase::Flop,
                Street::Turn => Phase::Turn,
                Street::River => Phase::River,
            };
            for seat in &mut s.seats {
                seat.street_bet = 0;
                seat.acted_at = 0;
            }
            s.acted = 0;
            s.current_bet = 0;
            s.min_raise = s.config.big_blind;
            s.to_act = s.next_to_act(s.button);
        }
        PokerEvent::BetReturned { seat, amount } => {
            if let Some(seat) = s.seats.get_mut(usize::from(seat)) {
                seat.stack = seat.stack.wrapping_add(amount);
                seat.contributed = seat.contributed.wrapping_sub(amount);
                seat.street_bet = seat.street_bet.saturating_sub(amount);
                s.pot = s.pot.wrapping_sub(amount);
            }
        }
        PokerEvent::HandShown { seat, .. } => s.shown |= 1 << (seat % 16),
        PokerEvent::PotAwarded { seat, amount, .. } => {
            if let Some(seat) = s.seats.get_mut(usize::from(seat)) {
                seat.stack = seat.stack.wrapping_add(amount);
                s.pot = s.pot.wrapping_sub(amount);
            }
        }
        PokerEvent::HandEnded { .. } => end_hand(s),
    }
}

fn set_flag(s: &mut PokerState, seat: u8, sitting_out: bool) {
    if let Some(seat) = s.seats.get_mut(usize::from(seat)) {
        seat.sitting_out = sitting_out;
    }
}

fn fold(s: &mut PokerState, seat: usize) {
    if let Some(slot) = s.seats.get_mut(seat) {
        s.in_hand &= !(1 << seat);
        for card in slot.hole {
            s.muck |= cards::bit(card);
        }
        slot.hole = [NO_CARD; 2];
    }
}

fn commit(s: &mut PokerState, seat: usize, amount: u64, all_in: bool) {
    let Some(slot) = s.seats.get(seat) else {
        return;
    };
    let new_total = slot.street_bet.wrapping_add(amount);
    if new_total > s.current_bet {
        s.last_raise = Some(RaiseRecord {
            seat: seat as u8,
            had_acted: s.has_acted(seat),
            faced_raise: s.current_bet.saturating_sub(slot.acted_at),
            current_bet_before: s.current_bet,
            min_raise_before: s.min_raise,
            raised_to: new_total,
            all_in,
        });
        let raise = new_total - s.current_bet;
        if raise >= s.min_raise {
            s.min_raise = raise;
            s.acted &= 1 << seat;
        }
        s.current_bet = new_total;
    }
    let slot = &mut s.seats[seat];
    slot.stack = slot.stack.wrapping_sub(amount);
    slot.street_bet = new_total;
    slot.contributed = slot.contributed.wrapping_add(amount);
    slot.acted_at = s.current_bet;
    s.acted |= 1 << seat;
    s.pot = s.pot.wrapping_add(amount);
    s.to_act = s.next_to_act(seat as u8);
}

fn stood_up(s: &mut PokerState, seat: usize, cashed_out: u64) {
    if seat >= s.seats.len() {
        return;
    }
    fold(s, seat);
    if usize::from(s.big_blind) == seat {
        s.big_blind_left = true;
    }
    let slot = &mut s.seats[seat];
    if s.bugs.has(bugs::STAND_UP_LOSES_CHIPS) && s.phase != Phase::Idle {
        s.pot = s.pot.wrapping_sub(slot.contributed);
        slot.contributed = 0;
    }
    *slot = Seat {
        contributed: slot.contributed,
        ..Seat::EMPTY
    };
    s.acted &= !(1 << seat);
    s.cashed_out = s.cashed_out.wrapping_add(cashed_out);
    if s.phase != Phase::Idle {
        // The turn stays where it was unless it was this seat's (or nobody's).
        let n = s.seat_count();
        let from = if s.to_act == NO_SEAT || usize::from(s.to_act) == seat {
            seat as u8
        } else {
            (s.to_act + n - 1) % n
        };
        s.to_act = s.next_to_act(from);
    }
}

fn end_hand(s: &mut PokerState) {
    s.in_hand = 0;
    s.acted = 0;
    for seat in &mut s.seats {
        seat.street_bet = 0;
        seat.contributed = 0;
        seat.acted_at = 0;
        seat.hole = [NO_CARD; 2];
    }
    s.phase = Phase::Idle;
    s.to_act = NO_SEAT;
    s.current_bet = 0;
    s.deck_len = 0;
    s.next_card = 0;
    s.deck_rest = 0;
    s.board_len = 0;
    s.board = [NO_CARD; 5];
    s.muck = 0;
}
