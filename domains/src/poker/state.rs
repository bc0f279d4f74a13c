//! The table's state: fixed arrays, integer chips, no heap.

use rewind::Bugs;

use super::cards::{Card, NO_CARD};
use super::config::TableConfig;

/// Most seats a table can have.
pub const MAX_SEATS: usize = 9;
/// "No seat" in position and to-act fields.
pub const NO_SEAT: u8 = 0xFF;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Seat {
    pub occupied: bool,
    pub sitting_out: bool,
    /// A newcomer waiting for the big blind to reach them.
    pub waiting: bool,
    /// A newcomer who will post a big blind in their first hand.
    pub posts_big_blind: bool,
    pub stack: u64,
    /// Chips put in on this street (blinds included, antes not).
    pub street_bet: u64,
    /// Chips put in this hand, antes included. They belong to the pot even if the player
    /// leaves, so they stay with the seat position until the hand ends.
    pub contributed: u64,
    /// The current bet right after this seat last acted: a later total raise of a full
    /// raise or more over it reopens the betting for this seat.
    pub acted_at: u64,
    pub hole: [Card; 2],
}

impl Seat {
    pub const EMPTY: Seat = Seat {
        occupied: false,
        sitting_out: false,
        waiting: false,
        posts_big_blind: false,
        stack: 0,
        street_bet: 0,
        contributed: 0,
        acted_at: 0,
        hole: [NO_CARD; 2],
    };
}

/// Where the hand is.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    Idle,
    Preflop,
    Flop,
    Turn,
    River,
}

/// The last bet or raise, kept so an invariant can judge its size and whether the seat
/// was allowed to raise at all.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct RaiseRecord {
    pub seat: u8,
    pub had_acted: bool,
    /// How far the current bet had risen since the seat last acted.
    pub faced_raise: u64,
    pub current_bet_before: u64,
    pub min_raise_before: u64,
    pub raised_to: u64,
    pub all_in: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PokerState {
    pub config: TableConfig,
    pub bugs: Bugs,
    pub seats: [Seat; MAX_SEATS],
    pub phase: Phase,
    /// The number of the running or last hand; 0 before the first.
    pub hand: u64,
    pub button: u8,
    pub small_blind: u8,
    pub big_blind: u8,
    pub previous_button: u8,
    pub previous_big_blind: u8,
    /// The player who posted the last big blind has left: whoever sits in that seat now is
    /// someone else, free to post the next one.
    pub big_blind_left: bool,
    /// Seats dealt into the running hand.
    pub players: u16,
    /// Seats dealt into the running hand and neither folded nor gone, a bit each: the turn
    /// code asks about them after every action, so they are a mask rather than a flag per seat.
    pub in_hand: u16,
    /// Seats that acted voluntarily on this street since the last full raise, a bit each.
    pub acted: u16,
    /// Seats that showed their cards at this hand's showdown.
    pub shown: u16,
    pub to_act: u8,
    /// The highest street bet to match.
    pub current_bet: u64,
    /// The largest full bet or raise of the street (the big blind to start with).
    pub min_raise: u64,
    pub pot: u64,
    pub deck: [Card; 52],
    /// 52 while a hand runs, 0 between hands.
    pub deck_len: u8,
    pub next_card: u8,
    /// The cards still in the deck (from `next_card` on), as a bit per card: set from the
    /// shuffled order, cleared as cards are dealt or burned.
    pub deck_rest: u64,
    pub board: [Card; 5],
    pub board_len: u8,
    /// Burned and folded cards, as a bit per card.
    pub muck: u64,
    pub bought_in: u64,
    pub cashed_out: u64,
    pub last_raise: Option<RaiseRecord>,
}

/// The seat's bit in the `in_hand` and `acted` masks, or none for a seat beyond the table.
#[inline]
pub fn seat_bit(seat: usize) -> u16 {
    if seat < MAX_SEATS { 1 << seat } else { 0 }
}

impl PokerState {
    pub fn new(config: TableConfig, bugs: Bugs) -> Self {
        PokerState {
            config: config.sanitized(),
            bugs,
            seats: [Seat::EMPTY; MAX_SEATS],
            phase: Phase::Idle,
            hand: 0,
            button: NO_SEAT,
            small_blind: NO_SEAT,
            big_blind: NO_SEAT,
            previous_button: NO_SEAT,
            previous_big_blind: NO_SEAT,
            big_blind_left: false,
            players: 0,
            in_hand: 0,
            acted: 0,
            shown: 0,
            to_act: NO_SEAT,
            current_bet: 0,
            min_raise: 0,
            pot: 0,
            deck: [NO_CARD; 52],
            deck_len: 0,
            next_card: 0,
            deck_rest: 0,
            board: [NO_CARD; 5],
            board_len: 0,
            muck: 0,
            bought_in: 0,
            cashed_out: 0,
            last_raise: None,
        }
    }

    /// The number of seats at this table.
    #[inline]
    pub fn seat_count(&self) -> u8 {
        self.config.seats
    }

    #[inline]
    pub fn hand_running(&self) -> bool {
        self.phase != Phase::Idle
    }

    /// Whether `seat` is still in the hand.
    #[inline]
    pub fn is_in_hand(&self, seat: usize) -> bool {
        self.in_hand & seat_bit(seat) != 0
    }

    /// Whether `seat` acted on this street since the last full raise.
    #[inline]
    pub fn has_acted(&self, seat: usize) -> bool {
        self.acted & seat_bit(seat) != 0
    }

    /// The seats still in the hand, lowest first.
    #[inline]
    pub fn in_hand_seats(&self) -> impl Iterator<Item = (usize, &Seat)> {
        let mut mask = self.in_hand & ((1 << MAX_SEATS) - 1);
        std::iter::from_fn(move || {
            if mask == 0 {
                return None;
            }
            let i = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            Some((i, &self.seats[i]))
        })
    }

    /// Seats still in the hand.
    #[inline]
    pub fn in_hand_count(&self) -> u32 {
        self.in_hand.count_ones()
    }

    /// Seats still in the hand with chips behind (not all-in).
    #[inline]
    pub fn live_count(&self) -> u32 {
        self.in_hand_seats().filter(|(_, s)| s.stack > 0).count() as u32
    }

    /// The first seat after `from` (clockwise) that has to act, or [`NO_SEAT`]. One pass
    /// over the seats in the hand builds the mask of those that must act; a rotate finds the
    /// next one.
    pub fn next_to_act(&self, from: u8) -> u8 {
        if self.phase == Phase::Idle || self.in_hand.count_ones() < 2 {
            return NO_SEAT;
        }
        let (mut live, mut facing) = (0u16, 0u16);
        for (i, s) in self.in_hand_seats() {
            live |= u16::from(s.stack > 0) << i;
            facing |= u16::from(s.stack > 0 && s.street_bet < self.current_bet) << i;
        }
        let unacted = live & !self.acted;
        let must = if live.count_ones() > 1 {
            facing | unacted
        } else {
            facing
        };
        next_in(must, from, self.seat_count())
    }

    /// What `seat` must add to stay in.
    #[inline]
    pub fn to_call(&self, seat: usize) -> u64 {
        self.current_bet.saturating_sub(self.seats[seat].street_bet)
    }

    /// Whether `seat` may raise: it has not acted on this street since the last full raise,
    /// or the bet has risen by at least a full raise since it did (short all-ins add up).
    #[inline]
    pub fn may_raise(&self, seat: usize) -> bool {
        !self.has_acted(seat)
            || self.current_bet.saturating_sub(self.seats[seat].acted_at) >= self.min_raise
    }

    /// Total chips on the table: stacks and the pot.
    pub fn chips_on_table(&self) -> u128 {
        self.seats.iter().map(|s| u128::from(s.stack)).sum::<u128>() + u128::from(self.pot)
    }
}

/// The next seat after `from` in `mask`, clockwise among `n` seats; [`NO_SEAT`] if none.
#[inline]
pub fn next_in(mask: u16, from: u8, n: u8) -> u8 {
    let mask = mask & ((1u16 << n) - 1);
    if mask == 0 {
        return NO_SEAT;
    }
    let start = if from >= n { 0 } else { from + 1 };
    let after = mask & !((1u16 << start) - 1);
    let seat = if after != 0 {
        after.trailing_zeros()
    } else {
        mask.trailing_zeros()
    };
    seat as u8
}
