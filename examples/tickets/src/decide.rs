//! The rules: which actions the box office accepts, and why it refuses the others.
//!
//! A show sells at most its capacity. Seats are held first, for [`HOLD_TICKS`] ticks of
//! logical time, and sold when the hold is paid to the cent; an unpaid hold is released by
//! the customer, or by the timer once its time is up. A paid booking can be cancelled for a
//! full refund, or some of its seats returned for a refund of what they cost. A payment is
//! charged once per processor reference: a retry of the same charge is answered, not
//! charged again.

use rewind::Env;

use super::action::{BookingId, BoxOfficeAction, Cents, CustomerId, PaymentRef, ShowId};
use super::action::{HOLD_TICKS, MAX_BOOKINGS, MAX_CAPACITY, MAX_PRICE, MAX_SEATS, MAX_SHOWS};
use super::event::BoxOfficeEvent;
use super::reject::BoxOfficeReject;
use super::state::{Booking, BoxOfficeState, Show, Status};

pub fn decide(
    state: &BoxOfficeState,
    action: &BoxOfficeAction,
    env: &mut Env,
    out: &mut Vec<BoxOfficeEvent>,
) -> Result<(), BoxOfficeReject> {
    let now = env.now();
    match *action {
        BoxOfficeAction::CreateShow {
            show,
            capacity,
            price,
        } => out.push(create_show(state, show, capacity, price)?),
        BoxOfficeAction::Hold {
            booking,
            show,
            customer,
            seats,
        } => out.push(hold(state, booking, show, customer, seats, now)?),
        BoxOfficeAction::Pay {
            booking,
            payment,
            amount,
        } => pay(state, booking, payment, amount, now, out)?,
        BoxOfficeAction::Cancel { booking } => out.push(cancel(state, booking)?),
        BoxOfficeAction::ReturnSeats { booking, seats } => {
            out.push(return_seats(state, booking, seats)?);
        }
        BoxOfficeAction::ExpireHolds => {
            for (&booking, held) in &state.bookings {
                if matches!(held.status, Status::Held { expires_at } if expires_at <= now) {
                    out.push(BoxOfficeEvent::HoldExpired { booking });
                }
            }
        }
        BoxOfficeAction::CancelShow { show } => {
            open_show(state, show)?;
            out.push(BoxOfficeEvent::ShowCancelled { show });
            for (booking, booked) in state.bookings_of(show) {
                match booked.status {
                    Status::Held { .. } => out.push(BoxOfficeEvent::HoldReleased { booking }),
                    Status::Paid => out.push(refund_in_full(booking, booked)),
                    Status::Released | Status::Expired | Status::Refunded => {}
                }
            }
        }
    }
    Ok(())
}

/// A fresh id of 1 or more, a hall of 1..=MAX_CAPACITY seats, a price of 1..=MAX_PRICE
/// cents, and room for one more show.
fn create_show(
    state: &BoxOfficeState,
    show: ShowId,
    capacity: u32,
    price: Cents,
) -> Result<BoxOfficeEvent, BoxOfficeReject> {
    if show == 0 || state.shows.contains_key(&show) {
        return Err(BoxOfficeReject::ShowIdTaken { show });
    }
    if state.shows.len() >= MAX_SHOWS {
        return Err(BoxOfficeReject::TooManyShows);
    }
    if !(1..=MAX_CAPACITY).contains(&capacity) {
        return Err(BoxOfficeReject::CapacityOutOfRange { capacity });
    }
    if !(1..=MAX_PRICE).contains(&price) {
        return Err(BoxOfficeReject::PriceOutOfRange { price });
    }
    Ok(BoxOfficeEvent::ShowCreated {
        show,
        capacity,
        price,
    })
}

/// A new booking reference, a show on sale, 1..=MAX_SEATS seats, and the party fits in what
/// is left of the hall. The price is fixed now, with the group discount if the party is
/// large enough.
fn hold(
    state: &BoxOfficeState,
    booking: BookingId,
    show_id: ShowId,
    customer: CustomerId,
    seats: u32,
    now: u64,
) -> Result<BoxOfficeEvent, BoxOfficeReject> {
    let show = open_show(state, show_id)?;
    if !(1..=MAX_SEATS).contains(&seats) {
        return Err(BoxOfficeReject::SeatsOutOfRange { seats });
    }
    if state.bookings.contains_key(&booking) {
        return Err(BoxOfficeReject::BookingIdTaken { booking });
    }
    if state.bookings.len() >= MAX_BOOKINGS {
        return Err(BoxOfficeReject::TooManyBookings);
    }
    // The party gets the next `seats` seats, numbered from 0: `taken`, `taken + 1`, ..., so
    // its last seat is number `taken + seats - 1`, and the hall's seats are 0..capacity.
    let last_seat = show.taken().saturating_add(seats) - 1;
    let fits = if cfg!(feature = "fix-oversell-boundary") {
        last_seat < show.capacity
    } else {
        // DEFECT oversell-boundary (fixed by `fix-oversell-boundary`): a seat *number* is
        // compared with the seat *count*, so a party whose last seat would be number
        // `capacity`, one past the hall, is let in: the show sells one seat too many.
        last_seat <= show.capacity
    };
    if !fits {
        return Err(BoxOfficeReject::NotEnoughSeats {
            left: show.capacity.saturating_sub(show.taken()),
            asked: seats,
        });
    }
    Ok(BoxOfficeEvent::SeatsHeld {
        booking,
        show: show_id,
        customer,
        seats,
        due: show.due(seats),
        expires_at: now + HOLD_TICKS,
    })
}

/// A hold is paid before its time is up, to the cent. A payment whose reference already
/// paid this booking is a client's retry of that charge: it is answered as a success, and
/// nothing is charged again.
fn pay(
    state: &BoxOfficeState,
    booking_id: BookingId,
    payment: PaymentRef,
    amount: Cents,
    now: u64,
    out: &mut Vec<BoxOfficeEvent>,
) -> Result<(), BoxOfficeReject> {
    let booking = booking(state, booking_id)?;
    match booking.status {
        Status::Held { expires_at } => {
            if now >= expires_at {
                return Err(BoxOfficeReject::HoldExpired {
                    booking: booking_id,
                });
            }
            if amount != booking.due {
                return Err(BoxOfficeReject::WrongAmount {
                    offered: amount,
                    due: booking.due,
                });
            }
            out.push(BoxOfficeEvent::PaymentTaken {
                booking: booking_id,
                payment,
                amount,
            });
        }
        Status::Paid | Status::Refunded
            if booking.payment == Some(payment) && amount == booking.paid =>
        {
            if !cfg!(feature = "fix-payment-retry") {
                // DEFECT payment-retry (fixed by `fix-payment-retry`): the retry is
                // "confirmed" by taking the payment again, so the client gets its receipt;
                // `apply` ignores the second payment on the booking but puts its amount in
                // the till a second time. A retry must emit nothing.
                out.push(BoxOfficeEvent::PaymentTaken {
                    booking: booking_id,
                    payment,
                    amount,
                });
            }
        }
        Status::Paid | Status::Refunded => {
            return Err(BoxOfficeReject::AlreadyPaid {
                booking: booking_id,
            });
        }
        status @ (Status::Released | Status::Expired) => {
            return Err(BoxOfficeReject::WrongStatus {
                booking: booking_id,
                status,
            });
        }
    }
    Ok(())
}

/// A hold is let go (whether or not its time is up: the timer may not have run yet); a paid
/// booking is refunded everything not refunded yet.
fn cancel(
    state: &BoxOfficeState,
    booking_id: BookingId,
) -> Result<BoxOfficeEvent, BoxOfficeReject> {
    let booking = booking(state, booking_id)?;
    match booking.status {
        Status::Held { .. } => Ok(BoxOfficeEvent::HoldReleased {
            booking: booking_id,
        }),
        Status::Paid => Ok(refund_in_full(booking_id, booking)),
        status @ (Status::Released | Status::Expired | Status::Refunded) => {
            Err(BoxOfficeReject::WrongStatus {
                booking: booking_id,
                status,
            })
        }
    }
}

/// 1 to all of a paid booking's seats go back, for what they cost.
fn return_seats(
    state: &BoxOfficeState,
    booking_id: BookingId,
    seats: u32,
) -> Result<BoxOfficeEvent, BoxOfficeReject> {
    let booking = booking(state, booking_id)?;
    if booking.status != Status::Paid {
        return Err(BoxOfficeReject::WrongStatus {
            booking: booking_id,
            status: booking.status,
        });
    }
    if !(1..=booking.seats).contains(&seats) {
        return Err(BoxOfficeReject::ReturnOutOfRange {
            booking: booking_id,
            has: booking.seats,
            returning: seats,
        });
    }
    let refund = if cfg!(feature = "fix-group-refund-rounding") {
        // The returned seats' share of what is left of the payment, rounded down; the last
        // seats get exactly what is left, so the refunds add up to the payment.
        booking.paid.saturating_sub(booking.refunded) * u64::from(seats) / u64::from(booking.seats)
    } else {
        // DEFECT group-refund-rounding (fixed by `fix-group-refund-rounding`): each seat
        // is refunded at the price printed on its ticket, whose group discount was rounded
        // per seat, while the booking was charged with the discount rounded once on its
        // total. A group that returns all its seats gets back a few cents more than it paid.
        let ticket = state
            .shows
            .get(&booking.show)
            .map_or(0, |show| show.ticket_price(booking.booked));
        u64::from(seats) * ticket
    };
    Ok(BoxOfficeEvent::SeatsReturned {
        booking: booking_id,
        seats,
        refund,
    })
}

/// A paid booking called off: everything not refunded yet goes back.
fn refund_in_full(booking_id: BookingId, booking: &Booking) -> BoxOfficeEvent {
    BoxOfficeEvent::BookingRefunded {
        booking: booking_id,
        refund: booking.paid.saturating_sub(booking.refunded),
    }
}

fn open_show(state: &BoxOfficeState, show: ShowId) -> Result<&Show, BoxOfficeReject> {
    match state.shows.get(&show) {
        None => Err(BoxOfficeReject::UnknownShow { show }),
        Some(found) if found.cancelled => Err(BoxOfficeReject::ShowCancelled { show }),
        Some(found) => Ok(found),
    }
}

fn booking(state: &BoxOfficeState, booking: BookingId) -> Result<&Booking, BoxOfficeReject> {
    state
        .bookings
        .get(&booking)
        .ok_or(BoxOfficeReject::UnknownBooking { booking })
}
