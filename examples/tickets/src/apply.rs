//! The calculator: the only code that changes the box office's state. Total: any event, even
//! one `decide` would never emit, folds without a panic (counts saturate, an event naming an
//! unknown show or booking changes nothing of them).

use super::action::BookingId;
use super::event::BoxOfficeEvent;
use super::state::{Booking, BoxOfficeState, Show, Status};

pub fn apply(state: &mut BoxOfficeState, event: &BoxOfficeEvent) {
    match *event {
        BoxOfficeEvent::ShowCreated {
            show,
            capacity,
            price,
        } => {
            state.shows.insert(
                show,
                Show {
                    capacity,
                    price,
                    held: 0,
                    sold: 0,
                    cancelled: false,
                },
            );
        }
        BoxOfficeEvent::SeatsHeld {
            booking,
            show,
            customer,
            seats,
            due,
            expires_at,
        } => {
            state.bookings.insert(
                booking,
                Booking {
                    show,
                    customer,
                    seats,
                    booked: seats,
                    due,
                    paid: 0,
                    refunded: 0,
                    payment: None,
                    status: Status::Held { expires_at },
                },
            );
            if let Some(show) = state.shows.get_mut(&show) {
                show.held = show.held.saturating_add(seats);
            }
        }
        BoxOfficeEvent::PaymentTaken {
            booking,
            payment,
            amount,
        } => {
            state.takings = state.takings.saturating_add(amount);
            let Some(paid) = state.bookings.get_mut(&booking) else {
                return;
            };
            // Only a hold becomes paid: folding the event for a booking in any other state
            // leaves the booking and its show as they are.
            if let Status::Held { .. } = paid.status {
                paid.status = Status::Paid;
                paid.paid = amount;
                paid.payment = Some(payment);
                if let Some(show) = state.shows.get_mut(&paid.show) {
                    show.held = show.held.saturating_sub(paid.seats);
                    show.sold = show.sold.saturating_add(paid.seats);
                }
            }
        }
        BoxOfficeEvent::HoldReleased { booking } => end_hold(state, booking, Status::Released),
        BoxOfficeEvent::HoldExpired { booking } => end_hold(state, booking, Status::Expired),
        BoxOfficeEvent::BookingRefunded { booking, refund } => {
            state.refunds = state.refunds.saturating_add(refund);
            let Some(refunded) = state.bookings.get_mut(&booking) else {
                return;
            };
            refunded.refunded = refunded.refunded.saturating_add(refund);
            // DEFECT refund-keeps-seats (fixed by `fix-refund-releases-seats`): without the
            // fix the money goes back to the customer but the show is never told, and counts
            // the booking's seats as sold for good.
            if cfg!(feature = "fix-refund-releases-seats")
                && let Some(show) = state.shows.get_mut(&refunded.show)
            {
                show.sold = show.sold.saturating_sub(refunded.seats);
            }
            refunded.seats = 0;
            refunded.status = Status::Refunded;
        }
        BoxOfficeEvent::SeatsReturned {
            booking,
            seats,
            refund,
        } => {
            state.refunds = state.refunds.saturating_add(refund);
            let Some(returned) = state.bookings.get_mut(&booking) else {
                return;
            };
            let seats = seats.min(returned.seats);
            returned.refunded = returned.refunded.saturating_add(refund);
            returned.seats -= seats;
            if returned.seats == 0 {
                returned.status = Status::Refunded;
            }
            if let Some(show) = state.shows.get_mut(&returned.show) {
                show.sold = show.sold.saturating_sub(seats);
            }
        }
        BoxOfficeEvent::ShowCancelled { show } => {
            if let Some(show) = state.shows.get_mut(&show) {
                show.cancelled = true;
            }
        }
    }
}

/// A hold that ends unpaid gives its seats back to the show.
fn end_hold(state: &mut BoxOfficeState, booking: BookingId, ended: Status) {
    let Some(held) = state.bookings.get_mut(&booking) else {
        return;
    };
    if let Status::Held { .. } = held.status {
        if let Some(show) = state.shows.get_mut(&held.show) {
            show.held = show.held.saturating_sub(held.seats);
        }
        held.seats = 0;
        held.status = ended;
    }
}
