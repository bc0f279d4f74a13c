//! Invariants on whose turn it is, where the button and blinds are, hand numbers, views and
//! bet sizes.

use super::describe::seat_list;
use super::ledger::HandLedger;
use super::state::{NO_SEAT, Phase, PokerState, next_in};
use super::view::visible_seats;

type Check = Result<(), String>;

/// A seat is to act exactly when a betting round is open, and it is one that must act:
/// seated, in the hand, not all-in, not yet matched or not yet acted. A running hand always
/// waits on someone (otherwise the dealer should have moved it on).
pub fn to_act_iff_round_open(s: &PokerState, _: &HandLedger) -> Check {
    if s.phase == Phase::Idle {
        return if s.to_act == NO_SEAT {
            Ok(())
        } else {
            Err(format!("seat {} to act between hands", s.to_act))
        };
    }
    // The rule restated seat by seat, apart from the dealer's `next_to_act`: a seat must
    // act when it is in the hand with chips and faces a bet, or has not acted yet while
    // someone else can still bet against it.
    let (mut in_hand, mut live, mut facing) = (0, 0u16, 0u16);
    for (i, seat) in s.seats.iter().enumerate() {
        in_hand += u32::from(s.is_in_hand(i));
        let chips = s.is_in_hand(i) && seat.stack > 0;
        live |= u16::from(chips) << i;
        facing |= u16::from(chips && seat.street_bet < s.current_bet) << i;
    }
    let unacted = if live.count_ones() > 1 {
        live & !s.acted
    } else {
        0
    };
    let table = (1u16 << s.seat_count()) - 1;
    let must_act = (facing | unacted) & table;
    if in_hand < 2 || must_act == 0 {
        return Err(format!(
            "hand running in {:?} but no betting round open (to act: {})",
            s.phase, s.to_act
        ));
    }
    let seat = usize::from(s.to_act);
    if seat >= usize::from(s.seat_count()) || !s.seats[seat].occupied || must_act & (1 << seat) == 0
    {
        return Err(format!(
            "seat {} is to act but does not have to (or cannot)",
            s.to_act
        ));
    }
    Ok(())
}

/// Button and blinds sit on players dealt in; heads-up the button is the small blind,
/// otherwise the blinds follow the button; the button moved and no one posts the big blind
/// twice in a row.
pub fn blinds_and_button_legal(s: &PokerState, _: &HandLedger) -> Check {
    if s.phase == Phase::Idle {
        return Ok(());
    }
    let (n, players) = (s.seat_count(), s.players);
    let dealt = |seat: u8| seat < n && players & (1 << seat) != 0;
    if players.count_ones() < 2 || !dealt(s.button) || !dealt(s.small_blind) || !dealt(s.big_blind)
    {
        return Err(format!(
            "button {} / blinds {} {} not among the {} players dealt in (seats {})",
            s.button,
            s.small_blind,
            s.big_blind,
            players.count_ones(),
            seat_list(players)
        ));
    }
    if players.count_ones() == 2 {
        if s.small_blind != s.button || s.big_blind == s.button {
            return Err(format!(
                "heads-up the button {} must post the small blind, but {} posts small and {} big",
                s.button, s.small_blind, s.big_blind
            ));
        }
    } else if s.small_blind != next_in(players, s.button, n)
        || s.big_blind != next_in(players, s.small_blind, n)
    {
        return Err(format!(
            "blinds {} {} do not follow the button {}",
            s.small_blind, s.big_blind, s.button
        ));
    }
    if s.big_blind == s.previous_big_blind {
        return Err(format!(
            "seat {} posts the big blind twice in a row",
            s.big_blind
        ));
    }
    if s.button == s.previous_button {
        return Err(format!("the button stayed on seat {}", s.button));
    }
    Ok(())
}

/// Hands are numbered 1, 2, 3, ... in the order they start.
pub fn hand_number_grows(s: &PokerState, ledger: &HandLedger) -> Check {
    if s.hand != ledger.hands_started || (s.hand_running() && ledger.current.hand != s.hand) {
        return Err(format!(
            "hand number {} after {} hands started (ledger's hand {})",
            s.hand, ledger.hands_started, ledger.current.hand
        ));
    }
    Ok(())
}

/// No player's view ([`super::view()`]) shows another player's hole cards unless they were
/// shown at showdown. Only seats still holding cards can leak; each seated viewer's visible
/// seats, less their own and the shown ones, must be none of them.
pub fn view_hides_hole_cards(s: &PokerState, _: &HandLedger) -> Check {
    if s.phase == Phase::Idle {
        return Ok(());
    }
    for viewer in 0..s.seat_count() {
        if !s.seats[usize::from(viewer)].occupied {
            continue;
        }
        let leaked = visible_seats(s, viewer) & !s.shown & !(1 << viewer);
        if leaked != 0 {
            return Err(format!(
                "seat {viewer} sees the hole cards of seat(s) {} before showdown",
                seat_list(leaked)
            ));
        }
    }
    Ok(())
}

/// The last bet or raise was at least a full one (or all-in), and the seat making it had not
/// acted yet or faced a full raise since it did (short all-ins adding up count).
pub fn bet_sizes_legal(s: &PokerState, _: &HandLedger) -> Check {
    let Some(r) = s.last_raise else { return Ok(()) };
    if r.had_acted && r.faced_raise < r.min_raise_before {
        return Err(format!(
            "seat {} raised to {} after acting, facing only {} more (a full raise is {})",
            r.seat, r.raised_to, r.faced_raise, r.min_raise_before
        ));
    }
    let raise = r.raised_to.saturating_sub(r.current_bet_before);
    if raise < r.min_raise_before && !r.all_in {
        return Err(format!(
            "seat {} raised by {raise} to {}, below the minimum raise {} and not all-in",
            r.seat, r.raised_to, r.min_raise_before
        ));
    }
    Ok(())
}
