//! The facts of the box office. Each carries what `apply` needs, so the stream alone rebuilds
//! the shows, the bookings and the till.

use serde::{Deserialize, Serialize};

use super::action::{BookingId, Cents, CustomerId, PaymentRef, ShowId};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BoxOfficeEvent {
    /// A show went on sale.
    ShowCreated {
        show: ShowId,
        capacity: u32,
        price: Cents,
    },
    /// Seats were held for a customer, who owes `due` cents for them and must pay before
    /// logical time `expires_at`.
    SeatsHeld {
        booking: BookingId,
        show: ShowId,
        customer: CustomerId,
        seats: u32,
        due: Cents,
        expires_at: u64,
    },
    /// A hold was paid: its seats are sold and `amount` cents are in the till.
    PaymentTaken {
        booking: BookingId,
        payment: PaymentRef,
        amount: Cents,
    },
    /// The customer let a hold go before paying: its seats are free again.
    HoldReleased { booking: BookingId },
    /// A hold ran out of time unpaid: its seats are free again.
    HoldExpired { booking: BookingId },
    /// A paid booking was cancelled: all its seats are free again and `refund` cents went
    /// back to the customer.
    BookingRefunded { booking: BookingId, refund: Cents },
    /// `seats` seats of a paid booking were given back for `refund` cents.
    SeatsReturned {
        booking: BookingId,
        seats: u32,
        refund: Cents,
    },
    /// The show was called off. Its bookings are released and refunded by the events that
    /// follow this one in the same step.
    ShowCancelled { show: ShowId },
}
