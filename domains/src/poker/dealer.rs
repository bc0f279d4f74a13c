//! The dealer: moves the hand along between player actions, inside the same dispatch.
//!
//! After each player action `execute` calls [`advance`]: a closed betting round deals the
//! next street, a hand with one player left or a finished river goes to the payout, and an
//! idle table with two or more players starts a hand. Every step is an event, applied to the
//! state as it is emitted, so the next step sees it.

use arrayvec::ArrayVec;
use rewind::Env;

use super::apply::apply;
use super::cards::Card;
use super::event::{Blind, PokerEvent, Street};
use super::positions::{Deal, plan_hand};
use super::showdown::pay_out;
use super::state::{NO_SEAT, Phase, PokerState};

/// Most hands one dispatch may play through (hands that need no action end at once).
const MAX_HANDS_PER_STEP: usize = 8;

/// Applies `event` to the state and records it.
#[inline]
pub fn emit(s: &mut PokerState, out: &mut Vec<PokerEvent>, event: PokerEvent) {
    apply(s, &event);
    out.push(event);
}

/// Moves the table along until a player has to act or nothing can happen.
pub fn advance(s: &mut PokerState, env: &mut Env, out: &mut Vec<PokerEvent>) {
    let mut hands = 0;
    // Each pass either returns or makes progress: a street dealt, a hand ended or started.
    for _ in 0..MAX_HANDS_PER_STEP * 8 {
        if s.phase == Phase::Idle {
            if hands == MAX_HANDS_PER_STEP {
                return;
            }
            let Some(deal) = plan_hand(s) else { return };
            start_hand(s, env, out, deal);
            hands += 1;
            continue;
        }
        if s.to_act != NO_SEAT {
            return;
        }
        if s.in_hand_count() <= 1 {
            pay_out(s, out, false);
        } else if s.live_count() <= 1 || s.phase == Phase::River {
            while s.phase != Phase::River {
                deal_street(s, out);
            }
            pay_out(s, out, true);
        } else {
            deal_street(s, out);
        }
    }
}

fn start_hand(s: &mut PokerState, env: &mut Env, out: &mut Vec<PokerEvent>, deal: Deal) {
    let hand = s.hand + 1;
    emit(
        s,
        out,
        PokerEvent::HandStarted {
            hand,
            button: deal.button,
            small_blind: deal.small_blind,
            big_blind: deal.big_blind,
            players: deal.players,
        },
    );
    let mut order: ArrayVec<Card, 52> = (0..52).collect();
    env.fork(hand).shuffle(&mut order);
    emit(s, out, PokerEvent::DeckShuffled { order });
    let n = s.seat_count();
    let ante = s.config.ante;
    if ante > 0 {
        for seat in seats_from(deal.players, deal.button, n) {
            let amount = ante.min(s.seats[usize::from(seat)].stack);
            emit(s, out, PokerEvent::AntePosted { seat, amount });
        }
    }
    post(s, out, deal.small_blind, s.config.small_blind, Blind::Small);
    post(s, out, deal.big_blind, s.config.big_blind, Blind::Big);
    for seat in seats_from(deal.newcomers_posting, deal.big_blind, n) {
        post(s, out, seat, s.config.big_blind, Blind::Newcomer);
    }
    for seat in seats_from(deal.players, deal.button, n) {
        let next = usize::from(s.next_card);
        let cards = [s.deck[next % 52], s.deck[(next + 1) % 52]];
        emit(s, out, PokerEvent::HoleCardsDealt { seat, cards });
    }
}

fn post(s: &mut PokerState, out: &mut Vec<PokerEvent>, seat: u8, blind_size: u64, blind: Blind) {
    let amount = blind_size.min(s.seats[usize::from(seat)].stack);
    if amount > 0 {
        emit(
            s,
            out,
            PokerEvent::BlindPosted {
                seat,
                amount,
                blind,
            },
        );
    }
}

/// The seats of `mask` in dealing order: starting left of `from`, once around.
pub fn seats_from(mask: u16, from: u8, n: u8) -> impl Iterator<Item = u8> {
    (1..=n)
        .map(move |step| (from.min(n - 1) + step) % n)
        .filter(move |&seat| mask & (1 << seat) != 0)
}

fn deal_street(s: &mut PokerState, out: &mut Vec<PokerEvent>) {
    let (street, count) = match s.phase {
        Phase::Preflop => (Street::Flop, 3),
        Phase::Flop => (Street::Turn, 1),
        _ => (Street::River, 1),
    };
    let next = usize::from(s.next_card);
    let burned = s.deck[next % 52];
    let cards: ArrayVec<Card, 3> = (1..=count).map(|i| s.deck[(next + i) % 52]).collect();
    emit(
        s,
        out,
        PokerEvent::BoardDealt {
            street,
            burned,
            cards,
        },
    );
}
