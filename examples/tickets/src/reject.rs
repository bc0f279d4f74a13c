//! Why the box office refused an action.

use std::fmt;

use super::action::{BookingId, Cents, MAX_BOOKINGS, MAX_CAPACITY, MAX_PRICE, MAX_SEATS};
use super::action::{MAX_SHOWS, ShowId};
use super::state::Status;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BoxOfficeReject {
    /// Show ids start at 1, and each is used once.
    ShowIdTaken {
        show: ShowId,
    },
    /// No more than MAX_SHOWS shows at once.
    TooManyShows,
    CapacityOutOfRange {
        capacity: u32,
    },
    PriceOutOfRange {
        price: Cents,
    },
    UnknownShow {
        show: ShowId,
    },
    ShowCancelled {
        show: ShowId,
    },
    /// A booking holds 1..=MAX_SEATS seats.
    SeatsOutOfRange {
        seats: u32,
    },
    /// The party does not fit in the seats left.
    NotEnoughSeats {
        left: u32,
        asked: u32,
    },
    /// A booking reference names one booking for good.
    BookingIdTaken {
        booking: BookingId,
    },
    /// The box office keeps at most MAX_BOOKINGS bookings.
    TooManyBookings,
    UnknownBooking {
        booking: BookingId,
    },
    /// The hold ran out of time: the seats may be someone else's by now.
    HoldExpired {
        booking: BookingId,
    },
    /// Payment must be the amount due, to the cent.
    WrongAmount {
        offered: Cents,
        due: Cents,
    },
    AlreadyPaid {
        booking: BookingId,
    },
    /// The action needs a booking in another state (returning seats of an unpaid one,
    /// paying or cancelling one that is over).
    WrongStatus {
        booking: BookingId,
        status: Status,
    },
    /// Returning 0 seats, or more than the booking has.
    ReturnOutOfRange {
        booking: BookingId,
        has: u32,
        returning: u32,
    },
}

impl fmt::Display for BoxOfficeReject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            BoxOfficeReject::ShowIdTaken { show } => {
                write!(
                    f,
                    "show id {show} is taken (ids are 1 or more, each used once)"
                )
            }
            BoxOfficeReject::TooManyShows => write!(f, "{MAX_SHOWS} shows are on sale already"),
            BoxOfficeReject::CapacityOutOfRange { capacity } => write!(
                f,
                "a hall of {capacity} seats is out of range; it must be 1..={MAX_CAPACITY}"
            ),
            BoxOfficeReject::PriceOutOfRange { price } => write!(
                f,
                "a price of {price} cents is out of range; it must be 1..={MAX_PRICE}"
            ),
            BoxOfficeReject::UnknownShow { show } => write!(f, "there is no show {show}"),
            BoxOfficeReject::ShowCancelled { show } => write!(f, "show {show} was called off"),
            BoxOfficeReject::SeatsOutOfRange { seats } => write!(
                f,
                "a booking of {seats} seats is out of range; it must be 1..={MAX_SEATS}"
            ),
            BoxOfficeReject::NotEnoughSeats { left, asked } => {
                write!(f, "{asked} seats asked for, {left} left")
            }
            BoxOfficeReject::BookingIdTaken { booking } => {
                write!(f, "booking {booking} exists already")
            }
            BoxOfficeReject::TooManyBookings => {
                write!(f, "the box office holds {MAX_BOOKINGS} bookings already")
            }
            BoxOfficeReject::UnknownBooking { booking } => {
                write!(f, "there is no booking {booking}")
            }
            BoxOfficeReject::HoldExpired { booking } => {
                write!(f, "the hold of booking {booking} has run out of time")
            }
            BoxOfficeReject::WrongAmount { offered, due } => {
                write!(f, "{offered} cents offered, {due} cents due")
            }
            BoxOfficeReject::AlreadyPaid { booking } => {
                write!(f, "booking {booking} is paid already, by another charge")
            }
            BoxOfficeReject::WrongStatus { booking, status } => {
                write!(f, "booking {booking} is {status}")
            }
            BoxOfficeReject::ReturnOutOfRange {
                booking,
                has,
                returning,
            } => write!(
                f,
                "cannot return {returning} seats of booking {booking}: it has {has}"
            ),
        }
    }
}
