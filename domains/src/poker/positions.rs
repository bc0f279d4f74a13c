//! Who plays the next hand, and where the button and blinds go.
//!
//! The button moves to the next player dealt in before (never to a newcomer) every hand. Heads-up the button posts the small blind
//! (so it acts first before the flop and last after). A newcomer waits until the big blind
//! reaches them, or posts a big blind at once; when two or fewer regulars are left, waiting
//! newcomers are dealt in at once, and when the game (re)starts nobody posts extra. If those rules would make last hand's big blind post it
//! again, the button moves on further, so nobody posts the big blind twice in a row.

use super::bugs;
use super::state::{PokerState, next_in};

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
    let (mut ready, mut waiting, mut posting) = (0u16, 0u16, 0u16);
    for (i, seat) in s.seats.iter().enumerate().take(usize::from(n)) {
        if seat.occupied && seat.stack > 0 && !seat.sitting_out {
            ready |= 1 << i;
            waiting |= u16::from(seat.waiting) << i;
            posting |= u16::from(seat.posts_big_blind) << i;
        }
    }
    if ready.count_ones() < 2 {
        return None;
    }
    // Players dealt in before. With fewer than two the game (re)starts with everyone.
    let mut established = ready & !waiting & !posting;
    let restarting = established.count_ones() < 2;
    let mut candidates = ready & !waiting;
    if restarting {
        established = ready;
        candidates = ready;
    } else if candidates.count_ones() <= 2 {
        // A short game deals waiting newcomers in at once.
        candidates = ready;
    }
    let mut button = next_in(established, s.button, n);
    for _ in 0..n {
        let deal = positions(s, candidates, ready, button, restarting);
        let repeats = deal.big_blind == s.big_blind && !s.big_blind_left;
        if !repeats || s.bugs.has(bugs::BIG_BLIND_TWICE_IN_A_ROW) {
            return Some(deal);
        }
        button = next_in(established, button, n);
    }
    Some(positions(s, candidates, ready, button, restarting))
}

/// Positions for a `button` chosen among established players: heads-up the button is the
/// small blind; otherwise the small blind is the next candidate and the big blind the next
/// ready player after it (a waiting newcomer there is dealt in).
fn positions(s: &PokerState, candidates: u16, ready: u16, button: u8, restarting: bool) -> Deal {
    let n = s.seat_count();
    let (small_blind, big_blind, players) = if candidates.count_ones() == 2 {
        let other = next_in(candidates, button, n);
        if s.bugs.has(bugs::HEADS_UP_BLINDS_REVERSED) {
            (other, button, candidates)
        } else {
            (button, other, candidates)
        }
    } else {
        let small_blind = next_in(candidates, button, n);
        let big_blind = next_in(ready, small_blind, n);
        (small_blind, big_blind, candidates | 1 << big_blind)
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
