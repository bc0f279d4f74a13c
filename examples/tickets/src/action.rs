//! What promoters, customers and the box office's timer ask of it.

use serde::{Deserialize, Serialize};

/// A show's id, chosen by the promoter who puts it on sale. 0 is never a show.
pub type ShowId = u32;
/// A booking's reference, made up by the customer's client when it asks for seats (its
/// cart's id, say); each reference names one booking for good.
pub type BookingId = u32;
/// A customer's account number.
pub type CustomerId = u32;
/// The card processor's reference for one charge. A client that timed out sends the same
/// `Pay` again with the same reference, and that retry must not charge twice.
pub type PaymentRef = u32;
/// Money is always whole cents: no float ever holds a price, a payment or a refund.
pub type Cents = u64;

/// The most shows on sale at once: a bound on every loop over the shows.
pub const MAX_SHOWS: usize = 4;
/// The most bookings the box office keeps: a bound on every loop over the bookings.
pub const MAX_BOOKINGS: usize = 500;
/// The largest hall: a stadium.
pub const MAX_CAPACITY: u32 = 100_000;
/// The dearest ticket accepted: $1,000. With [`MAX_SEATS`] it keeps any booking's price, and
/// the till's sums over [`MAX_BOOKINGS`] bookings, far below `u64::MAX`.
pub const MAX_PRICE: Cents = 100_000;
/// The most seats one booking holds.
pub const MAX_SEATS: u32 = 10;
/// A booking of this many seats or more is a group booking, and pays less.
pub const GROUP_SEATS: u32 = 6;
/// A group booking's discount, in percent of the full price.
pub const GROUP_DISCOUNT_PERCENT: u64 = 10;
/// How long a hold keeps its seats, in logical ticks (one per dispatched action), before the
/// customer must pay or lose them.
pub const HOLD_TICKS: u64 = 12;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BoxOfficeAction {
    /// Puts a show on sale: `capacity` seats at `price` cents each.
    CreateShow {
        show: ShowId,
        capacity: u32,
        price: Cents,
    },
    /// A customer asks for `seats` seats at a show, as booking `booking`; the box office
    /// holds them for [`HOLD_TICKS`] while the customer pays.
    Hold {
        booking: BookingId,
        show: ShowId,
        customer: CustomerId,
        seats: u32,
    },
    /// Pays a hold, the exact amount due, charged under the processor's reference `payment`.
    Pay {
        booking: BookingId,
        payment: PaymentRef,
        amount: Cents,
    },
    /// Calls a booking off: a hold is released, a paid booking refunded in full.
    Cancel { booking: BookingId },
    /// Gives back some (or all) seats of a paid booking, for a refund of what they cost.
    ReturnSeats { booking: BookingId, seats: u32 },
    /// The timer job: releases every hold whose time has run out.
    ExpireHolds,
    /// The promoter calls a show off: every hold is released, every paid booking refunded.
    CancelShow { show: ShowId },
}

impl BoxOfficeAction {
    pub const KINDS: &'static [&'static str] = &[
        "CreateShow",
        "Hold",
        "Pay",
        "Cancel",
        "ReturnSeats",
        "ExpireHolds",
        "CancelShow",
    ];

    pub fn kind(&self) -> usize {
        match self {
            BoxOfficeAction::CreateShow { .. } => 0,
            BoxOfficeAction::Hold { .. } => 1,
            BoxOfficeAction::Pay { .. } => 2,
            BoxOfficeAction::Cancel { .. } => 3,
            BoxOfficeAction::ReturnSeats { .. } => 4,
            BoxOfficeAction::ExpireHolds => 5,
            BoxOfficeAction::CancelShow { .. } => 6,
        }
    }

    /// Simpler variants for the shrinker, simplest first: fewer seats, a smaller hall, a
    /// rounder price. Ids are left to renumbering ([`BoxOfficeAction::rename_ids`]), and an
    /// amount paid is never changed: it must stay the amount due.
    pub fn simpler(&self) -> Vec<BoxOfficeAction> {
        let mut out = Vec::new();
        match *self {
            BoxOfficeAction::CreateShow {
                show,
                capacity,
                price,
            } => {
                let create = |capacity, price| BoxOfficeAction::CreateShow {
                    show,
                    capacity,
                    price,
                };
                for smaller in [1, capacity / 2, capacity.saturating_sub(1)] {
                    if (1..capacity).contains(&smaller) {
                        out.push(create(smaller, price));
                    }
                }
                for cheaper in [100, price / 100 * 100, price / 2] {
                    if (1..price).contains(&cheaper) {
                        out.push(create(capacity, cheaper));
                    }
                }
            }
            BoxOfficeAction::Hold {
                booking,
                show,
                customer,
                seats,
            } => {
                for fewer in [1, seats.saturating_sub(1)] {
                    if (1..seats).contains(&fewer) {
                        out.push(BoxOfficeAction::Hold {
                            booking,
                            show,
                            customer,
                            seats: fewer,
                        });
                    }
                }
            }
            BoxOfficeAction::ReturnSeats { booking, seats } => {
                for fewer in [1, seats.saturating_sub(1)] {
                    if (1..seats).contains(&fewer) {
                        out.push(BoxOfficeAction::ReturnSeats {
                            booking,
                            seats: fewer,
                        });
                    }
                }
            }
            BoxOfficeAction::Pay { .. }
            | BoxOfficeAction::Cancel { .. }
            | BoxOfficeAction::ExpireHolds
            | BoxOfficeAction::CancelShow { .. } => {}
        }
        out
    }

    /// Passes the ids a user picks (shows, bookings, customers, payment references) to
    /// `rename`, so the shrinker can renumber them consistently across a log.
    pub fn rename_ids(&mut self, rename: &mut dyn FnMut(&'static str, u64) -> u64) {
        match self {
            BoxOfficeAction::CreateShow { show, .. } | BoxOfficeAction::CancelShow { show } => {
                rewind::rename_id(show, "show", rename);
            }
            BoxOfficeAction::Hold {
                booking,
                show,
                customer,
                ..
            } => {
                rewind::rename_id(booking, "booking", rename);
                rewind::rename_id(show, "show", rename);
                rewind::rename_id(customer, "customer", rename);
            }
            BoxOfficeAction::Pay {
                booking, payment, ..
            } => {
                rewind::rename_id(booking, "booking", rename);
                rewind::rename_id(payment, "payment", rename);
            }
            BoxOfficeAction::Cancel { booking } | BoxOfficeAction::ReturnSeats { booking, .. } => {
                rewind::rename_id(booking, "booking", rename);
            }
            BoxOfficeAction::ExpireHolds => {}
        }
    }
}
