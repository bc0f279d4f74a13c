//! The payout: uncalled chips back first, then the main pot and each side pot to the best
//! eligible hands, odd chips one at a time in seat order starting left of the button.

use arrayvec::ArrayVec;

use super::bugs;
use super::dealer::{emit, seats_from};
use super::eval::{Hand, Strength};
use super::event::PokerEvent;
use super::state::{MAX_SEATS, PokerState};

/// One pot: its chips and the seats that can win it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Pot {
    pub amount: u64,
    pub eligible: u16,
}

/// Pots from contributions: one per distinct contribution level of the players still in the
/// hand, eligible to those who put in at least that level. Chips of folded players above the
/// highest level go to the last pot (or make the only pot when those still in put in nothing).
pub fn build_pots(
    contributed: &[u64; MAX_SEATS],
    in_hand: u16,
    everyone_eligible: bool,
) -> ArrayVec<Pot, MAX_SEATS> {
    let mut pots = ArrayVec::new();
    let mut previous = 0u64;
    loop {
        let level = (0..MAX_SEATS)
            .filter(|&i| in_hand & (1 << i) != 0 && contributed[i] > previous)
            .map(|i| contributed[i])
            .min();
        let Some(level) = level else { break };
        let mut amount = 0;
        let mut eligible = 0u16;
        for (i, &c) in contributed.iter().enumerate() {
            amount += c.min(level) - c.min(previous);
            if in_hand & (1 << i) != 0 && (c >= level || everyone_eligible) {
                eligible |= 1 << i;
            }
        }
        pots.push(Pot { amount, eligible });
        previous = level;
    }
    let leftover: u64 = contributed.iter().map(|&c| c - c.min(previous)).sum();
    match pots.last_mut() {
        Some(last) => last.amount += leftover,
        // The players left put in nothing (the others folded or left): it all goes to them.
        None if in_hand != 0 => pots.push(Pot {
            amount: leftover,
            eligible: in_hand,
        }),
        None => {}
    }
    pots
}

pub(super) fn pay_out(s: &mut PokerState, out: &mut Vec<PokerEvent>, showdown: bool) {
    return_uncalled(s, out);
    let n = s.seat_count();
    let in_hand = s.in_hand;
    let contributed: [u64; MAX_SEATS] = std::array::from_fn(|i| s.seats[i].contributed);
    let mut strengths = [Strength(0); MAX_SEATS];
    if showdown {
        for seat in seats_from(in_hand, s.button, n) {
            let cards = s.seats[usize::from(seat)].hole;
            emit(s, out, PokerEvent::HandShown { seat, cards });
            let board = &s.board[..usize::from(s.board_len).min(5)];
            let hand = board
                .iter()
                .chain(&cards)
                .fold(Hand::EMPTY, |h, &c| h.with(c));
            strengths[usize::from(seat)] = hand.strength();
        }
    }
    let pots = build_pots(
        &contributed,
        in_hand,
        s.bugs.has(bugs::SIDE_POT_INCLUDES_NON_CONTRIBUTOR),
    );
    let worst_wins = s.bugs.has(bugs::WORST_HAND_WINS);
    for (index, pot) in pots.iter().enumerate() {
        let eligible = seats_from(pot.eligible, 0, n).map(|i| strengths[usize::from(i)]);
        let best = if worst_wins {
            eligible.min()
        } else {
            eligible.max()
        };
        let Some(best) = best else { continue };
        let winners = (0..n)
            .filter(|&i| pot.eligible & (1 << i) != 0 && strengths[usize::from(i)] == best)
            .fold(0u16, |mask, i| mask | 1 << i);
        let tied = winners.count_ones() as u64;
        let share = pot.amount / tied;
        let mut odd = pot.amount % tied;
        let from = if s.bugs.has(bugs::ODD_CHIP_WRONG_SEAT) {
            n - 1
        } else {
            s.button
        };
        for seat in seats_from(winners, from, n) {
            let odd_chip = odd > 0;
            odd -= u64::from(odd_chip);
            let amount = share + u64::from(odd_chip);
            if amount > 0 {
                let event = PokerEvent::PotAwarded {
                    pot: index as u8,
                    seat,
                    amount,
                    tied: tied as u8,
                    odd_chip,
                };
                emit(s, out, event);
            }
        }
    }
    let hand = s.hand;
    emit(s, out, PokerEvent::HandEnded { hand, showdown });
}

/// The largest contribution's excess over the second largest goes back to its owner, if
/// they are still in the hand (a player who left forfeits what they put in).
fn return_uncalled(s: &mut PokerState, out: &mut Vec<PokerEvent>) {
    if s.bugs.has(bugs::UNCALLED_BET_NOT_RETURNED) {
        return;
    }
    let (mut top, mut first, mut second) = (0usize, 0u64, 0u64);
    for (i, seat) in s.seats.iter().enumerate() {
        if seat.contributed > first {
            second = first;
            first = seat.contributed;
            top = i;
        } else if seat.contributed > second {
            second = seat.contributed;
        }
    }
    if first > second && s.is_in_hand(top) {
        let event = PokerEvent::BetReturned {
            seat: top as u8,
            amount: first - second,
        };
        emit(s, out, event);
    }
}
