//! The bot: promoters putting shows on sale, customers holding seats, paying (and sometimes
//! resending a payment after a timeout), cancelling and returning seats, the timer releasing
//! holds that ran out; plus, a few percent of the time, a hostile client sending unknown ids,
//! zero and huge numbers, wrong amounts and steps out of turn.
//!
//! At every pick the first option is the simplest (the first show, one seat, the oldest
//! booking), because exhausted and shrunk drivers answer 0.

use rewind::Choices;

use super::action::{BookingId, BoxOfficeAction, Cents, GROUP_SEATS, MAX_CAPACITY, MAX_PRICE};
use super::action::{MAX_SEATS, MAX_SHOWS, ShowId};
use super::state::{BoxOfficeState, Status};

/// Ticket prices the promoters use, in cents.
pub const PRICES: [Cents; 6] = [2_500, 3_999, 4_950, 6_000, 8_999, 12_500];

/// One payment in this many times out at the client, which sends the same request again.
const RETRY_ONE_IN: u32 = 550;

pub fn next_action(state: &BoxOfficeState, choices: &mut dyn Choices) -> BoxOfficeAction {
    let holds = bookings(state, |status| matches!(status, Status::Held { .. }));
    let paid = bookings(state, |status| status == Status::Paid);
    let open = open_shows(state);
    let weight = |on: bool, weight: u32| if on { weight } else { 0 };
    let can_create = state.shows.len() < MAX_SHOWS;
    // With everything possible, out of about 900 steps: 400 holds, 300 payments, 60 timer
    // runs, 40 holds let go, 25 new shows, 20 returns, 3 paid bookings cancelled, one show
    // called off, and 40 hostile requests.
    match choices.weighted(&[
        weight(can_create, if open.is_empty() { 600 } else { 25 }),
        weight(!open.is_empty(), 400),
        weight(!holds.is_empty(), 300),
        weight(!holds.is_empty(), 40),
        weight(!paid.is_empty(), 3),
        weight(!paid.is_empty(), 20),
        weight(!holds.is_empty(), 60),
        weight(!open.is_empty(), 1),
        40,
    ]) {
        0 => create_show(state, choices),
        1 => hold(state, &open, choices),
        2 if !paid.is_empty() && choices.chance(1, RETRY_ONE_IN) => {
            retry_payment(state, &paid, choices)
        }
        2 => pay(state, &holds, choices),
        3 => BoxOfficeAction::Cancel {
            booking: *choices.pick(&holds),
        },
        4 => BoxOfficeAction::Cancel {
            booking: *choices.pick(&paid),
        },
        5 => return_seats(state, &paid, choices),
        6 => BoxOfficeAction::ExpireHolds,
        7 => BoxOfficeAction::CancelShow {
            show: *choices.pick(&open),
        },
        _ => hostile(state, &holds, &paid, choices),
    }
}

/// The next free show id, a hall (mostly 50 to 200 seats, a few small studios of 4 to 12
/// that sell out, now and then a stadium) and a price from [`PRICES`].
fn create_show(state: &BoxOfficeState, choices: &mut dyn Choices) -> BoxOfficeAction {
    let capacity = match choices.weighted(&[60, 4, 2]) {
        0 => choices.between(50, 200) as u32,
        1 => choices.between(4, 12) as u32,
        _ => choices.between(10_000, u64::from(MAX_CAPACITY)) as u32,
    };
    BoxOfficeAction::CreateShow {
        show: free_show_id(state),
        capacity,
        price: *choices.pick(&PRICES),
    }
}

/// A customer asks for seats at a show on sale, under a new booking reference: mostly one to
/// four seats, sometimes a group.
fn hold(state: &BoxOfficeState, open: &[ShowId], choices: &mut dyn Choices) -> BoxOfficeAction {
    let show = *choices.pick(open);
    let seats = match choices.weighted(&[35, 35, 12, 10, 3, 3]) {
        party @ 0..=4 => party as u32 + 1,
        _ => choices.between(u64::from(GROUP_SEATS), u64::from(MAX_SEATS)) as u32,
    };
    BoxOfficeAction::Hold {
        booking: new_booking_id(state),
        show,
        customer: 1 + choices.below(6),
        seats,
    }
}

/// A customer pays a hold the amount due, under a new charge reference. Holds may have run
/// out of time by now: the customer does not know.
fn pay(state: &BoxOfficeState, holds: &[BookingId], choices: &mut dyn Choices) -> BoxOfficeAction {
    let booking = *choices.pick(holds);
    BoxOfficeAction::Pay {
        booking,
        payment: choices.below(1 << 16),
        amount: state.bookings.get(&booking).map_or(0, |held| held.due),
    }
}

/// A paid booking gives back some of its seats, or all of them.
fn return_seats(
    state: &BoxOfficeState,
    paid: &[BookingId],
    choices: &mut dyn Choices,
) -> BoxOfficeAction {
    let booking = *choices.pick(paid);
    let has = state.bookings.get(&booking).map_or(1, |paid| paid.seats);
    let seats = if choices.chance(1, 2) {
        has
    } else {
        choices.between(1, u64::from(has)) as u32
    };
    BoxOfficeAction::ReturnSeats { booking, seats }
}

/// A client that timed out waiting for a payment's answer sends the same request again.
fn retry_payment(
    state: &BoxOfficeState,
    paid: &[BookingId],
    choices: &mut dyn Choices,
) -> BoxOfficeAction {
    let booking = *choices.pick(paid);
    let first = state.bookings.get(&booking);
    BoxOfficeAction::Pay {
        booking,
        payment: first.and_then(|paid| paid.payment).unwrap_or(0),
        amount: first.map_or(0, |paid| paid.paid),
    }
}

/// Out of turn or malformed: unknown shows and bookings, zero and huge seats, capacities and
/// prices, wrong amounts, a second charge for a paid booking, a finished booking cancelled.
fn hostile(
    state: &BoxOfficeState,
    holds: &[BookingId],
    paid: &[BookingId],
    choices: &mut dyn Choices,
) -> BoxOfficeAction {
    let show = *choices.pick(&[1, 0, MAX_SHOWS as ShowId + 1, ShowId::MAX]);
    let booking = any_booking(state, choices);
    match choices.below(9) {
        0 => BoxOfficeAction::Hold {
            booking: *choices.pick(&[new_booking_id(state), booking]),
            show,
            customer: 1,
            seats: *choices.pick(&[1, 0, MAX_SEATS + 1, u32::MAX]),
        },
        1 => BoxOfficeAction::CreateShow {
            show: *choices.pick(&[1, 0]),
            capacity: *choices.pick(&[30, 0, MAX_CAPACITY + 1, u32::MAX]),
            price: *choices.pick(&[2_500, 0, MAX_PRICE + 1, Cents::MAX]),
        },
        2 => {
            let due = holds
                .first()
                .and_then(|held| state.bookings.get(held))
                .map_or(0, |held| held.due);
            BoxOfficeAction::Pay {
                booking: holds.first().copied().unwrap_or(booking),
                payment: choices.below(1 << 16),
                amount: *choices.pick(&[due + 1, due.saturating_sub(1), due / 100, 0, Cents::MAX]),
            }
        }
        // A second, different charge for a booking paid already, or a payment for one that
        // is over or never was.
        3 => {
            let booking = paid.first().copied().unwrap_or(booking);
            BoxOfficeAction::Pay {
                booking,
                payment: choices.below(1 << 16),
                amount: state.bookings.get(&booking).map_or(0, |found| found.due),
            }
        }
        4 => BoxOfficeAction::Cancel { booking },
        5 => BoxOfficeAction::ReturnSeats {
            booking: *choices.pick(&[booking, holds.first().copied().unwrap_or(booking)]),
            seats: *choices.pick(&[1, 0, MAX_SEATS + 1, u32::MAX]),
        },
        6 => BoxOfficeAction::CancelShow { show },
        7 => BoxOfficeAction::ExpireHolds,
        _ => BoxOfficeAction::Cancel {
            booking: *choices.pick(&[0, new_booking_id(state), BookingId::MAX]),
        },
    }
}

/// The bookings whose status passes `keep`, oldest first.
fn bookings(state: &BoxOfficeState, keep: impl Fn(Status) -> bool) -> Vec<BookingId> {
    state
        .bookings
        .iter()
        .filter(|(_, booking)| keep(booking.status))
        .map(|(&id, _)| id)
        .collect()
}

/// The shows still on sale.
fn open_shows(state: &BoxOfficeState) -> Vec<ShowId> {
    state
        .shows
        .iter()
        .filter(|(_, show)| !show.cancelled)
        .map(|(&id, _)| id)
        .collect()
}

/// Any booking ever made (finished ones included), or 1 before there is any.
fn any_booking(state: &BoxOfficeState, choices: &mut dyn Choices) -> BookingId {
    let ids: Vec<BookingId> = state.bookings.keys().copied().collect();
    if ids.is_empty() {
        1
    } else {
        *choices.pick(&ids)
    }
}

/// One more than the highest booking reference so far: what a client numbering its carts
/// would send.
fn new_booking_id(state: &BoxOfficeState) -> BookingId {
    state
        .bookings
        .keys()
        .next_back()
        .map_or(1, |last| last.saturating_add(1))
}

/// The lowest id no show has.
fn free_show_id(state: &BoxOfficeState) -> ShowId {
    (1..).find(|id| !state.shows.contains_key(id)).unwrap_or(1)
}
