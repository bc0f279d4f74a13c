//! What one player sees: everything public, their own hole cards, and other players' hole
//! cards only once shown at showdown.

use super::bugs;
use super::cards::Card;
use super::state::{MAX_SEATS, Phase, PokerState};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SeatView {
    pub occupied: bool,
    pub in_hand: bool,
    pub stack: u64,
    pub street_bet: u64,
    /// `None` when hidden from the viewer.
    pub hole: Option<[Card; 2]>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct TableView {
    pub viewer: u8,
    pub phase: Phase,
    pub hand: u64,
    pub button: u8,
    pub to_act: u8,
    pub current_bet: u64,
    pub pot: u64,
    pub board: [Card; 5],
    pub board_len: u8,
    pub seats: [SeatView; MAX_SEATS],
}

/// The hole cards of `seat` as `viewer` sees them: their own, or shown at showdown.
#[inline]
pub fn visible_hole(s: &PokerState, viewer: u8, seat: usize) -> Option<[Card; 2]> {
    let slot = &s.seats[seat];
    let own = seat == usize::from(viewer);
    let shown = s.shown & (1 << seat) != 0;
    let leaked = s.bugs.has(bugs::VIEW_LEAKS_HOLE_CARDS)
        && seat == usize::from((viewer + 1) % s.seat_count());
    ((own || shown || leaked) && s.is_in_hand(seat)).then_some(slot.hole)
}

/// The table as seen from `viewer`'s seat.
pub fn view(s: &PokerState, viewer: u8) -> TableView {
    let seats = std::array::from_fn(|i| {
        let seat = &s.seats[i];
        SeatView {
            occupied: seat.occupied,
            in_hand: s.is_in_hand(i),
            stack: seat.stack,
            street_bet: seat.street_bet,
            hole: visible_hole(s, viewer, i),
        }
    });
    TableView {
        viewer,
        phase: s.phase,
        hand: s.hand,
        button: s.button,
        to_act: s.to_act,
        current_bet: s.current_bet,
        pot: s.pot,
        board: s.board,
        board_len: s.board_len,
        seats,
    }
}
