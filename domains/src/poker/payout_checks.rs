//! Payout invariants: checked once per finished hand against the ledger's own books (the
//! ledger is "fresh" from the end of a hand until the next player action).
//!
//! The expected pots are recomputed here plainly: sort the contribution levels of the players
//! still in, slice the contributions at each level.

use arrayvec::ArrayVec;

use super::describe::seat_list;
use super::eval::{Hand, Strength};
use super::ledger::{HandBook, HandLedger};
use super::state::{MAX_SEATS, PokerState, next_in};

type Check = Result<(), String>;

/// One expected pot: amount, who may win it, who should.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    pub amount: u64,
    pub eligible: u16,
    pub winners: u16,
}

/// The pots a finished hand should have paid, or why it could not have ended as it did.
pub type ExpectedPots = Result<ArrayVec<Expected, MAX_SEATS>, String>;

/// Computed once per hand, when the ledger folds `HandEnded`.
pub fn expected_pots(book: &HandBook) -> ExpectedPots {
    let net = book.net();
    let in_hand = book.in_hand();
    let mut levels: ArrayVec<u64, MAX_SEATS> = (0..MAX_SEATS)
        .filter(|&i| in_hand & (1 << i) != 0 && net[i] > 0)
        .map(|i| net[i])
        .collect();
    levels.sort_unstable();
    let mut distinct = ArrayVec::<u64, MAX_SEATS>::new();
    for level in levels {
        if distinct.last() != Some(&level) {
            distinct.push(level);
        }
    }
    let mut levels = distinct;
    if levels.is_empty() {
        // Those still in put in nothing: one pot of everything, open to them.
        levels.push(0);
    }
    let mut strengths = [Strength(0); MAX_SEATS];
    if book.showdown {
        if book.board_len != 5 {
            return Err(format!("showdown with {} board cards", book.board_len));
        }
        for i in (0..MAX_SEATS).filter(|&i| in_hand & (1 << i) != 0) {
            let cards = book.board.iter().chain(&book.holes[i]);
            strengths[i] = cards.fold(Hand::EMPTY, |h, &c| h.with(c % 52)).strength();
        }
    } else if in_hand.count_ones() != 1 {
        return Err(format!(
            "no showdown but {} players still in",
            in_hand.count_ones()
        ));
    }
    let mut pots = ArrayVec::new();
    let mut previous = 0;
    for (k, &level) in levels.iter().enumerate() {
        let top = k + 1 == levels.len();
        let amount: u64 = net
            .iter()
            .map(|&c| {
                if top {
                    c - c.min(previous)
                } else {
                    c.min(level) - c.min(previous)
                }
            })
            .sum();
        let eligible = (0..MAX_SEATS)
            .filter(|&i| in_hand & (1 << i) != 0 && net[i] >= level)
            .fold(0u16, |m, i| m | 1 << i);
        let best = (0..MAX_SEATS)
            .filter(|&i| eligible & (1 << i) != 0)
            .map(|i| strengths[i])
            .max();
        let winners = (0..MAX_SEATS)
            .filter(|&i| eligible & (1 << i) != 0 && Some(strengths[i]) == best)
            .fold(0u16, |m, i| m | 1 << i);
        pots.push(Expected {
            amount,
            eligible,
            winners,
        });
        previous = level;
    }
    Ok(pots)
}

/// The largest contribution's unmatched part went back to its owner if still in the hand,
/// and nothing else was returned.
pub fn uncalled_bet_returned(_: &PokerState, ledger: &HandLedger) -> Check {
    if !ledger.fresh {
        return Ok(());
    }
    let book = &ledger.last;
    // The largest contribution (the highest seat among equals) and the second largest.
    let (mut top, mut top_seat, mut second) = (0u64, 0usize, 0u64);
    for (i, &c) in book.contributed.iter().enumerate() {
        if c >= top {
            (second, top, top_seat) = (top, c, i);
        } else if c > second {
            second = c;
        }
    }
    let excess = top - second;
    for i in 0..MAX_SEATS {
        let due = if i == top_seat && book.in_hand() & (1 << i) != 0 {
            excess
        } else {
            0
        };
        if book.returned[i] != due {
            return Err(format!(
                "hand {}: seat {i} got {} back uncalled, but {due} was due (contributions {:?})",
                book.hand, book.returned[i], book.contributed
            ));
        }
    }
    Ok(())
}

/// Each pot paid is the slice of contributions its level defines, won only by players who
/// put in that level and are still in.
pub fn side_pot_eligibility(_: &PokerState, ledger: &HandLedger) -> Check {
    if !ledger.fresh {
        return Ok(());
    }
    let book = &ledger.last;
    let pots = ledger.expected.as_ref().map_err(String::clone)?;
    if usize::from(book.pot_count) != pots.len() {
        return Err(format!(
            "hand {}: {} pots paid, {} expected",
            book.hand,
            book.pot_count,
            pots.len()
        ));
    }
    for (k, (paid, want)) in book.pots.iter().zip(pots.iter()).enumerate() {
        if paid.amount != want.amount || paid.winners & !want.eligible != 0 {
            return Err(format!(
                "hand {}: pot {k} paid {} to seats {}, expected {} for eligible seats {}",
                book.hand,
                paid.amount,
                seat_list(paid.winners),
                want.amount,
                seat_list(want.eligible)
            ));
        }
    }
    Ok(())
}

/// Each pot went to the best hands among those eligible (to the last player, if all folded).
pub fn winners_hold_best_hand(_: &PokerState, ledger: &HandLedger) -> Check {
    if !ledger.fresh {
        return Ok(());
    }
    let book = &ledger.last;
    for (k, want) in ledger
        .expected
        .as_ref()
        .map_err(String::clone)?
        .iter()
        .enumerate()
    {
        let paid = &book.pots[k];
        let tied = want.winners.count_ones();
        if paid.winners & !want.winners != 0 || u32::from(paid.tied) != tied {
            return Err(format!(
                "hand {}: pot {k} went to seats {} ({} tied), but the best hands are seats {}",
                book.hand,
                seat_list(paid.winners),
                paid.tied,
                seat_list(want.winners)
            ));
        }
    }
    Ok(())
}

/// A split pot's shares differ by at most one chip, and the odd chips went one each to the
/// first tied winners in seat order starting left of the button.
pub fn odd_chips_left_of_button(s: &PokerState, ledger: &HandLedger) -> Check {
    if !ledger.fresh {
        return Ok(());
    }
    let book = &ledger.last;
    let n = s.seat_count();
    for (k, want) in ledger
        .expected
        .as_ref()
        .map_err(String::clone)?
        .iter()
        .enumerate()
    {
        let paid = &book.pots[k];
        let tied = u64::from(want.winners.count_ones().max(1));
        let mut odd = want.amount % tied;
        let mut expected_odd = 0u16;
        let mut seat = book.button;
        while odd > 0 {
            seat = next_in(want.winners, seat, n);
            expected_odd |= 1 << seat;
            odd -= 1;
        }
        if paid.odd_chips != expected_odd || paid.largest_share > want.amount / tied + 1 {
            return Err(format!(
                "hand {}: pot {k} odd chips went to seats {}, expected seats {} (button {})",
                book.hand,
                seat_list(paid.odd_chips),
                seat_list(expected_odd),
                book.button
            ));
        }
        if paid.smallest_share + 1 < paid.largest_share {
            return Err(format!(
                "hand {}: pot {k} shares range from {} to {}",
                book.hand, paid.smallest_share, paid.largest_share
            ));
        }
    }
    Ok(())
}
