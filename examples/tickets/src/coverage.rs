//! Coverage labels: which corners of the box office a run reached.

use rewind::Coverage;

use super::action::GROUP_SEATS;
use super::event::BoxOfficeEvent;
use super::state::{BoxOfficeState, Status};

pub const LABELS: &[&str] = &[
    "show_created",
    "seats_held",
    "group_booking",
    "show_sold_out",
    "paid",
    "hold_released",
    "hold_expired",
    "booking_refunded",
    "some_seats_returned",
    "every_seat_returned",
    "show_cancelled",
];

/// Marks the labels `event` reached; `state` is the state after its whole step.
pub fn cover(state: &BoxOfficeState, event: &BoxOfficeEvent, coverage: &mut Coverage) {
    match *event {
        BoxOfficeEvent::ShowCreated { .. } => coverage.hit(0),
        BoxOfficeEvent::SeatsHeld { show, seats, .. } => {
            coverage.hit(1);
            if seats >= GROUP_SEATS {
                coverage.hit(2);
            }
            if state
                .shows
                .get(&show)
                .is_some_and(|show| show.taken() >= show.capacity)
            {
                coverage.hit(3);
            }
        }
        BoxOfficeEvent::PaymentTaken { .. } => coverage.hit(4),
        BoxOfficeEvent::HoldReleased { .. } => coverage.hit(5),
        BoxOfficeEvent::HoldExpired { .. } => coverage.hit(6),
        BoxOfficeEvent::BookingRefunded { .. } => coverage.hit(7),
        BoxOfficeEvent::SeatsReturned { booking, .. } => {
            let over = state
                .bookings
                .get(&booking)
                .is_some_and(|booking| booking.status == Status::Refunded);
            coverage.hit(if over { 9 } else { 8 });
        }
        BoxOfficeEvent::ShowCancelled { .. } => coverage.hit(10),
    }
}
