//! Who plays the next hand, and where the button and blinds go.
//!
//! The button moves to the next player every hand. Heads-up the button posts the small blind
//! (so it acts first before the flop and last after). A newcomer waits until the big blind
//! reaches them, or posts a big blind at once; when two or fewer regulars are left, waiting
//! newcomers are dealt in at once. If those rules would make last hand's big blind post it
//! again, the button moves on further, so nobody posts the big blind twice in a row.

use super::bugs;
use super::state::{NO_SEAT, PokerState, next_in};

/// The plan of the next hand.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Deal {
    pub button: u8,
    pub small_blind: u8,
    pub big_blind: u8,
    pub players: u16,
    /// Newcomers posting a big blind out of position.
    pub newcomers_posting: u16,
}

/// The next hand's plan, or `None` when fewer than two players can be dealt in.
pub fn plan_hand(s: &PokerState) -> Option<Deal> {
    let n = s.seat_count();
    let mut ready: u16 = 0;
    let mut waiting: u16 = 0;
    for (i, seat) in s.seats.iter().enumerate().take(usize::from(n)) {
        if seat.occupied && seat.stack > 0 && !seat.sitting_out {
            ready |= 1 << i;
            if seat.waiting {
                waiting |= 1 << i;
            }
        }
    }
    if ready.count_ones() < 2 {
        return None;
    }
    let mut regulars = ready & !waiting;
    if regulars.count_ones() <= 2 {
        regulars = ready;
    }
    let restarting = (ready & !waiting).count_ones() < 2;
    let mut button = next_in(regulars, s.button, n);
    for _ in 0..n {
        let deal = positions(s, regulars, ready, button, restarting);
        let repeats = deal.big_blind == s.big_blind && s.big_blind != NO_SEAT;
        if !repeats || s.bugs.has(bugs::BIG_BLIND_TWICE_IN_A_ROW) {
            return Some(deal);
        }
        button = next_in(regulars, button, n);
    }
    Some(positions(s, regulars, ready, button, restarting))
}

fn positions(s: &PokerState, regulars: u16, ready: u16, button: u8, restarting: bool) -> Deal {
    let n = s.seat_count();
    let (small_blind, big_blind, players) = if regulars.count_ones() == 2 {
        let other = next_in(regulars, button, n);
        if s.bugs.has(bugs::HEADS_UP_BLINDS_REVERSED) {
            (other, button, regulars)
        } else {
            (button, other, regulars)
        }
    } else {
        let small_blind = next_in(regulars, button, n);
        let big_blind = next_in(ready, small_blind, n);
        (small_blind, big_blind, regulars | 1 << big_blind)
    };
    let mut newcomers_posting = 0;
    if !restarting {
        for (i, seat) in s.seats.iter().enumerate().take(usize::from(n)) {
            let blind = i as u8 == small_blind || i as u8 == big_blind;
            if players & (1 << i) != 0 && seat.posts_big_blind && !blind {
                newcomers_posting |= 1 << i;
            }
        }
    }
    Deal {
        button,
        small_blind,
        big_blind,
        players,
        newcomers_posting,
    }
}
