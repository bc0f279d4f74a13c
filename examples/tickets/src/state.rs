//! What the rules need to decide: the shows with their seat counts, every booking, and the
//! till.
//!
//! A show keeps running counts of its held and sold seats, so that `decide` can tell how
//! many seats are left without walking every booking; the invariants hold those counts to
//! the bookings they summarise, and the till's totals to the money on the bookings.

use std::collections::BTreeMap;
use std::fmt;

use super::action::{BookingId, Cents, CustomerId, GROUP_DISCOUNT_PERCENT, GROUP_SEATS};
use super::action::{PaymentRef, ShowId};

/// One show on sale (or called off).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Show {
    pub capacity: u32,
    /// The price of one seat, in cents.
    pub price: Cents,
    /// Seats in holds not yet paid, kept by `apply`.
    pub held: u32,
    /// Seats paid for, kept by `apply`.
    pub sold: u32,
    pub cancelled: bool,
}

impl Show {
    /// Seats no longer for sale: held or sold. Saturates, so `apply` stays total even on a
    /// stream no `decide` would write.
    pub fn taken(&self) -> u32 {
        self.held.saturating_add(self.sold)
    }

    /// What `seats` seats cost in one booking: the full price, less
    /// [`GROUP_DISCOUNT_PERCENT`] for a group of [`GROUP_SEATS`] or more. The discount is
    /// taken off the booking's total and rounded down, in the customer's disfavour by less
    /// than a cent per booking.
    pub fn due(&self, seats: u32) -> Cents {
        let full = u64::from(seats).saturating_mul(self.price);
        if seats >= GROUP_SEATS {
            full - full.saturating_mul(GROUP_DISCOUNT_PERCENT) / 100
        } else {
            full
        }
    }

    /// The price printed on each ticket of a booking of `seats` seats: the discount, when
    /// there is one, taken off each seat's price and rounded down.
    pub fn ticket_price(&self, seats: u32) -> Cents {
        if seats >= GROUP_SEATS {
            self.price - self.price.saturating_mul(GROUP_DISCOUNT_PERCENT) / 100
        } else {
            self.price
        }
    }
}

/// Where a booking is in its life.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Seats held, unpaid, until logical time `expires_at`.
    Held { expires_at: u64 },
    /// Paid: the seats are the customer's (some may have been returned since).
    Paid,
    /// Let go unpaid by the customer or by the promoter.
    Released,
    /// Ran out of time unpaid.
    Expired,
    /// Paid, then cancelled or every seat returned: nothing left but the refund.
    Refunded,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Status::Held { expires_at } => write!(f, "held until {expires_at}"),
            Status::Paid => f.write_str("paid"),
            Status::Released => f.write_str("released"),
            Status::Expired => f.write_str("expired"),
            Status::Refunded => f.write_str("refunded"),
        }
    }
}

/// One customer's seats at one show.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Booking {
    pub show: ShowId,
    pub customer: CustomerId,
    /// Seats the booking still holds or owns (fewer than booked once some are returned; 0
    /// once it is over).
    pub seats: u32,
    /// Seats booked at first: what the price was set for.
    pub booked: u32,
    /// What the seats cost, fixed when they were held.
    pub due: Cents,
    pub paid: Cents,
    pub refunded: Cents,
    /// The processor's reference of the charge that paid it.
    pub payment: Option<PaymentRef>,
    pub status: Status,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoxOfficeState {
    /// At most [`super::MAX_SHOWS`], by id (a `BTreeMap`, so iteration is deterministic).
    pub shows: BTreeMap<ShowId, Show>,
    /// At most [`super::MAX_BOOKINGS`], by reference.
    pub bookings: BTreeMap<BookingId, Booking>,
    /// Every cent ever taken, kept by `apply`.
    pub takings: Cents,
    /// Every cent ever refunded, kept by `apply`.
    pub refunds: Cents,
}

impl BoxOfficeState {
    /// The bookings of one show, by reference.
    pub fn bookings_of(&self, show: ShowId) -> impl Iterator<Item = (BookingId, &Booking)> {
        self.bookings
            .iter()
            .filter(move |(_, booking)| booking.show == show)
            .map(|(&id, booking)| (id, booking))
    }
}
