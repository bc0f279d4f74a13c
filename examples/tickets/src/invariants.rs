//! What must hold after every dispatch. Each check is O(shows + bookings), at most
//! MAX_SHOWS + MAX_BOOKINGS.

use std::collections::BTreeMap;

use rewind::Invariant;

use super::BoxOffice;
use super::action::{Cents, ShowId};
use super::state::{BoxOfficeState, Status};

pub const INVARIANTS: &[Invariant<BoxOffice>] = &[
    Invariant {
        name: "seats_match_bookings",
        check: seats_match_bookings,
    },
    Invariant {
        name: "no_oversell",
        check: no_oversell,
    },
    Invariant {
        name: "refund_within_payment",
        check: refund_within_payment,
    },
    Invariant {
        name: "till_matches_bookings",
        check: till_matches_bookings,
    },
    Invariant {
        name: "paid_bookings_paid_in_full",
        check: paid_bookings_paid_in_full,
    },
    Invariant {
        name: "cancelled_show_keeps_no_seats",
        check: cancelled_show_keeps_no_seats,
    },
];

/// A show's held and sold counts are what its bookings add up to: seats of unpaid holds, and
/// seats of paid bookings. Every seat is free, held or sold, and only once.
fn seats_match_bookings(state: &BoxOfficeState, _: &()) -> Result<(), String> {
    let mut counted: BTreeMap<ShowId, (u64, u64)> = BTreeMap::new();
    for booking in state.bookings.values() {
        let (held, sold) = counted.entry(booking.show).or_default();
        match booking.status {
            Status::Held { .. } => *held += u64::from(booking.seats),
            Status::Paid => *sold += u64::from(booking.seats),
            Status::Released | Status::Expired | Status::Refunded => {}
        }
    }
    for (id, show) in &state.shows {
        let (held, sold) = counted.get(id).copied().unwrap_or_default();
        if (u64::from(show.held), u64::from(show.sold)) != (held, sold) {
            return Err(format!(
                "show {id} counts {} seats held and {} sold, but its bookings hold {held} and \
                 own {sold}",
                show.held, show.sold
            ));
        }
    }
    match counted.keys().find(|id| !state.shows.contains_key(id)) {
        Some(id) => Err(format!("bookings are for show {id}, which does not exist")),
        None => Ok(()),
    }
}

/// No show holds and sells more seats than its hall has.
fn no_oversell(state: &BoxOfficeState, _: &()) -> Result<(), String> {
    for (id, show) in &state.shows {
        let taken = u64::from(show.held) + u64::from(show.sold);
        if taken > u64::from(show.capacity) {
            return Err(format!(
                "show {id} has {} seats held and {} sold in a hall of {}",
                show.held, show.sold, show.capacity
            ));
        }
    }
    Ok(())
}

/// No booking gets back more than it paid, and a booking that is over (cancelled, or every
/// seat returned) got back exactly what it paid.
fn refund_within_payment(state: &BoxOfficeState, _: &()) -> Result<(), String> {
    for (id, booking) in &state.bookings {
        if booking.refunded > booking.paid {
            return Err(format!(
                "booking {id} ({} seats) paid {} cents and was refunded {}",
                booking.booked, booking.paid, booking.refunded
            ));
        }
        if booking.status == Status::Refunded && booking.refunded != booking.paid {
            return Err(format!(
                "booking {id} is over but only {} of the {} cents it paid went back",
                booking.refunded, booking.paid
            ));
        }
    }
    Ok(())
}

/// The till took in what the bookings were paid, and paid out what they were refunded: no
/// money appears or vanishes outside a booking.
fn till_matches_bookings(state: &BoxOfficeState, _: &()) -> Result<(), String> {
    let (paid, refunded) =
        state
            .bookings
            .values()
            .fold((0 as Cents, 0 as Cents), |(paid, refunded), booking| {
                (
                    paid.saturating_add(booking.paid),
                    refunded.saturating_add(booking.refunded),
                )
            });
    if state.takings != paid {
        return Err(format!(
            "the till took {} cents but the bookings were paid {paid}",
            state.takings
        ));
    }
    if state.refunds != refunded {
        return Err(format!(
            "the till refunded {} cents but the bookings got back {refunded}",
            state.refunds
        ));
    }
    Ok(())
}

/// A booking that was paid was paid its price to the cent, by one charge; one that never was
/// paid nothing.
fn paid_bookings_paid_in_full(state: &BoxOfficeState, _: &()) -> Result<(), String> {
    for (id, booking) in &state.bookings {
        let was_paid = matches!(booking.status, Status::Paid | Status::Refunded);
        if was_paid && (booking.paid != booking.due || booking.payment.is_none()) {
            return Err(format!(
                "booking {id} is {} with {} of {} cents paid (charge {:?})",
                booking.status, booking.paid, booking.due, booking.payment
            ));
        }
        if !was_paid && (booking.paid != 0 || booking.payment.is_some()) {
            return Err(format!(
                "booking {id} is {} but {} cents were paid for it",
                booking.status, booking.paid
            ));
        }
    }
    Ok(())
}

/// A show that was called off has no seat held or sold, and no booking still live.
fn cancelled_show_keeps_no_seats(state: &BoxOfficeState, _: &()) -> Result<(), String> {
    for (&id, show) in state.shows.iter().filter(|(_, show)| show.cancelled) {
        if show.taken() != 0 {
            return Err(format!(
                "show {id} was called off but counts {} seats held and {} sold",
                show.held, show.sold
            ));
        }
        let live = state
            .bookings_of(id)
            .find(|(_, booking)| matches!(booking.status, Status::Held { .. } | Status::Paid));
        if let Some((booking, live)) = live {
            return Err(format!(
                "show {id} was called off but booking {booking} is still {}",
                live.status
            ));
        }
    }
    Ok(())
}
