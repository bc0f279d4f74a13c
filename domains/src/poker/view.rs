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

/// The seats whose hole cards `viewer` sees, a bit each: their own, and those shown at
/// showdown, among the seats still holding cards. One mask per viewer, so the invariant that
/// checks the view reads the same rule the view is built from, at a few instructions a viewer.
#[inline]
pub fn visible_seats(s: &PokerState, viewer: u8) -> u16 {
    let own = 1u16.checked_shl(u32::from(viewer)).unwrap_or(0);
    let leaked = if s.bugs.has(bugs::VIEW_LEAKS_HOLE_CARDS) {
        1u16 << (viewer.wrapping_add(1) % s.seat_count().max(1))
    } else {
        0
    };
    (own | s.shown | leaked) & s.in_hand
}

/// The table as seen from `viewer`'s seat.
pub fn view(s: &PokerState, viewer: u8) -> TableView {
    let visible = visible_seats(s, viewer);
    let seats = std::array::from_fn(|i| {
        let seat = &s.seats[i];
        SeatView {
            occupied: seat.occupied,
            in_hand: s.is_in_hand(i),
            stack: seat.stack,
            street_bet: seat.street_bet,
            hole: (visible & (1 << i) != 0).then_some(seat.hole),
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
