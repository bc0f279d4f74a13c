//! The hand ledger: a projection that keeps its own books of the current or last hand from
//! the event stream (contributions, returns, folds, cards, awards), so invariants can check
//! the payout against an account the table did not keep itself.

use arrayvec::ArrayVec;
use rewind::Projection;

use super::cards::{Card, NO_CARD};
use super::event::PokerEvent;
use super::payout_checks::{ExpectedPots, expected_pots};
use super::state::MAX_SEATS;

/// What one pot paid out, as the ledger saw it.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct PotPaid {
    pub amount: u64,
    pub winners: u16,
    pub odd_chips: u16,
    pub tied: u8,
    pub smallest_share: u64,
    pub largest_share: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandLedger {
    /// HandStarted events seen.
    pub hands_started: u64,
    /// The running hand's books (or the last one's, between hands).
    pub current: HandBook,
    /// The books of the last hand that ended.
    pub last: HandBook,
    /// The last hand ended and no player has acted since: its payout is fresh to check.
    pub fresh: bool,
    /// The pots the last hand should have paid, recomputed from its books when it ended.
    pub expected: ExpectedPots,
}

impl Default for HandLedger {
    fn default() -> Self {
        HandLedger {
            hands_started: 0,
            current: HandBook::default(),
            last: HandBook::default(),
            fresh: false,
            expected: Ok(ArrayVec::new()),
        }
    }
}

/// One hand's books.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandBook {
    pub hand: u64,
    pub button: u8,
    pub players: u16,
    /// Seats that folded or left during the hand.
    pub folded: u16,
    pub showdown: bool,
    pub contributed: [u64; MAX_SEATS],
    pub returned: [u64; MAX_SEATS],
    pub holes: [[Card; 2]; MAX_SEATS],
    pub board: [Card; 5],
    pub board_len: u8,
    pub pots: [PotPaid; MAX_SEATS],
    pub pot_count: u8,
}

impl Default for HandBook {
    fn default() -> Self {
        HandBook {
            hand: 0,
            button: 0,
            players: 0,
            folded: 0,
            showdown: false,
            contributed: [0; MAX_SEATS],
            returned: [0; MAX_SEATS],
            holes: [[NO_CARD; 2]; MAX_SEATS],
            board: [NO_CARD; 5],
            board_len: 0,
            pots: [PotPaid::default(); MAX_SEATS],
            pot_count: 0,
        }
    }
}

impl HandBook {
    /// Seats still in at the end: dealt in and never folded.
    pub fn in_hand(&self) -> u16 {
        self.players & !self.folded
    }

    /// Net contributions: what each seat put in minus what came back uncalled.
    pub fn net(&self) -> [u64; MAX_SEATS] {
        std::array::from_fn(|i| self.contributed[i].wrapping_sub(self.returned[i]))
    }

    fn put_in(&mut self, seat: u8, amount: u64) {
        if let Some(c) = self.contributed.get_mut(usize::from(seat)) {
            *c = c.wrapping_add(amount);
        }
    }
}

impl Projection<PokerEvent> for HandLedger {
    fn fold(&mut self, event: &PokerEvent) {
        match *event {
            PokerEvent::HandStarted {
                hand,
                button,
                players,
                ..
            } => {
                self.hands_started += 1;
                self.current = HandBook {
                    hand,
                    button,
                    players,
                    ..HandBook::default()
                };
            }
            PokerEvent::HandEnded { showdown, .. } => {
                self.current.showdown = showdown;
                self.last = self.current.clone();
                self.expected = expected_pots(&self.last);
                self.fresh = true;
            }
            PokerEvent::ChipsCommitted { .. }
            | PokerEvent::Folded { .. }
            | PokerEvent::StoodUp { .. }
            | PokerEvent::Checked { .. }
            | PokerEvent::SatDown { .. }
            | PokerEvent::ChipsAdded { .. }
            | PokerEvent::SatOut { .. }
            | PokerEvent::SatIn { .. } => {
                self.fresh = false;
                self.current.record(event);
            }
            _ => self.current.record(event),
        }
    }
}

impl HandBook {
    fn record(&mut self, event: &PokerEvent) {
        match *event {
            PokerEvent::AntePosted { seat, amount }
            | PokerEvent::BlindPosted { seat, amount, .. } => {
                self.put_in(seat, amount);
            }
            PokerEvent::ChipsCommitted { seat, amount, .. } => self.put_in(seat, amount),
            PokerEvent::Folded { seat } | PokerEvent::StoodUp { seat, .. } => {
                self.folded |= 1 << (seat % 16);
            }
            PokerEvent::HoleCardsDealt { seat, cards } => {
                if let Some(slot) = self.holes.get_mut(usize::from(seat)) {
                    *slot = cards;
                }
            }
            PokerEvent::BoardDealt { ref cards, .. } => {
                for &card in cards {
                    if let Some(slot) = self.board.get_mut(usize::from(self.board_len)) {
                        *slot = card;
                        self.board_len += 1;
                    }
                }
            }
            PokerEvent::BetReturned { seat, amount } => {
                if let Some(r) = self.returned.get_mut(usize::from(seat)) {
                    *r = r.wrapping_add(amount);
                }
            }
            PokerEvent::PotAwarded {
                pot,
                seat,
                amount,
                tied,
                odd_chip,
            } => {
                if let Some(paid) = self.pots.get_mut(usize::from(pot)) {
                    if paid.winners == 0 {
                        paid.smallest_share = amount;
                    }
                    paid.amount = paid.amount.wrapping_add(amount);
                    paid.winners |= 1 << (seat % 16);
                    if odd_chip {
                        paid.odd_chips |= 1 << (seat % 16);
                    }
                    paid.tied = tied;
                    paid.smallest_share = paid.smallest_share.min(amount);
                    paid.largest_share = paid.largest_share.max(amount);
                    self.pot_count = self.pot_count.max(pot + 1);
                }
            }
            _ => {}
        }
    }
}
