//! The box office's rules, as the team would state them: given what happened, when a promoter,
//! a customer or the timer asks for something, then these events follow, or this refusal.
//!
//! Every test here states the correct rule. A rule that one of the crate's known defects
//! breaks is only checked in a build with that defect's fix (`#[cfg(feature = "fix-...")]`),
//! so that `cargo test` stays green while the defect is open and starts checking the rule the
//! moment its fix is switched on: `cargo test --features fix-all` checks them all.

use rewind::Scenario;
use tickets::{
    BoxOffice, BoxOfficeAction, BoxOfficeEvent, BoxOfficeReject, HOLD_TICKS, MAX_CAPACITY,
    MAX_PRICE, MAX_SEATS, MAX_SHOWS, Status,
};

/// A studio of 4 seats at $25.00.
const STUDIO: u32 = 1;
/// A hall of 100 seats at $39.99.
const HALL: u32 = 2;

fn studio() -> BoxOfficeEvent {
    BoxOfficeEvent::ShowCreated {
        show: STUDIO,
        capacity: 4,
        price: 2_500,
    }
}

fn hall() -> BoxOfficeEvent {
    BoxOfficeEvent::ShowCreated {
        show: HALL,
        capacity: 100,
        price: 3_999,
    }
}

/// Customer 7 asks for `seats` seats as booking `booking`.
fn hold(booking: u32, show: u32, seats: u32) -> BoxOfficeAction {
    BoxOfficeAction::Hold {
        booking,
        show,
        customer: 7,
        seats,
    }
}

fn held(booking: u32, show: u32, seats: u32, due: u64, expires_at: u64) -> BoxOfficeEvent {
    BoxOfficeEvent::SeatsHeld {
        booking,
        show,
        customer: 7,
        seats,
        due,
        expires_at,
    }
}

fn pay(booking: u32, payment: u32, amount: u64) -> BoxOfficeAction {
    BoxOfficeAction::Pay {
        booking,
        payment,
        amount,
    }
}

fn paid(booking: u32, payment: u32, amount: u64) -> BoxOfficeEvent {
    BoxOfficeEvent::PaymentTaken {
        booking,
        payment,
        amount,
    }
}

fn give_back(booking: u32, seats: u32) -> BoxOfficeAction {
    BoxOfficeAction::ReturnSeats { booking, seats }
}

fn returned(booking: u32, seats: u32, refund: u64) -> BoxOfficeEvent {
    BoxOfficeEvent::SeatsReturned {
        booking,
        seats,
        refund,
    }
}

/// Booking 1: two studio seats, paid $50.00 under charge 42.
fn two_paid_studio_seats() -> Scenario<BoxOffice> {
    Scenario::<BoxOffice>::new().given([
        studio(),
        held(1, STUDIO, 2, 5_000, 12),
        paid(1, 42, 5_000),
    ])
}

/// Six seats in the hall at $39.99 is $239.94, less 10%: $215.95 (the $23.994 discount
/// rounded down to $23.99).
const GROUP_OF_SIX: u64 = 21_595;

/// Booking 1: a group of six in the hall, paid under charge 42.
fn paid_group() -> Scenario<BoxOffice> {
    Scenario::<BoxOffice>::new().given([
        hall(),
        held(1, HALL, 6, GROUP_OF_SIX, 12),
        paid(1, 42, GROUP_OF_SIX),
    ])
}

#[test]
fn a_show_goes_on_sale_once_with_a_hall_and_a_price() {
    let create = |show, capacity, price| BoxOfficeAction::CreateShow {
        show,
        capacity,
        price,
    };
    Scenario::<BoxOffice>::new()
        .when(create(1, 4, 2_500))
        .then_events([studio()])
        .when(create(1, 10, 100))
        .then_reject(BoxOfficeReject::ShowIdTaken { show: 1 })
        .when(create(0, 10, 100))
        .then_reject(BoxOfficeReject::ShowIdTaken { show: 0 })
        .when(create(2, 0, 100))
        .then_reject(BoxOfficeReject::CapacityOutOfRange { capacity: 0 })
        .when(create(2, MAX_CAPACITY + 1, 100))
        .then_reject(BoxOfficeReject::CapacityOutOfRange {
            capacity: MAX_CAPACITY + 1,
        })
        .when(create(2, 10, 0))
        .then_reject(BoxOfficeReject::PriceOutOfRange { price: 0 })
        .when(create(2, 10, MAX_PRICE + 1))
        .then_reject(BoxOfficeReject::PriceOutOfRange {
            price: MAX_PRICE + 1,
        })
        .when(create(2, MAX_CAPACITY, MAX_PRICE))
        .then_events([BoxOfficeEvent::ShowCreated {
            show: 2,
            capacity: MAX_CAPACITY,
            price: MAX_PRICE,
        }]);
    let full = (1..=MAX_SHOWS as u32).map(|show| BoxOfficeEvent::ShowCreated {
        show,
        capacity: 10,
        price: 100,
    });
    Scenario::<BoxOffice>::new()
        .given(full)
        .when(create(MAX_SHOWS as u32 + 1, 10, 100))
        .then_reject(BoxOfficeReject::TooManyShows);
}

#[test]
fn a_hold_keeps_seats_for_a_while_at_the_price_of_the_moment() {
    Scenario::<BoxOffice>::new()
        .given([studio(), hall()])
        .when(hold(1, STUDIO, 2))
        .then_events([held(1, STUDIO, 2, 5_000, HOLD_TICKS)])
        .when(hold(2, HALL, 6))
        .then_events([held(2, HALL, 6, GROUP_OF_SIX, 1 + HOLD_TICKS)])
        .when(hold(3, HALL, 5))
        .then_events([held(3, HALL, 5, 5 * 3_999, 2 + HOLD_TICKS)])
        .and_state(|office| {
            assert_eq!(office.shows[&STUDIO].held, 2);
            assert_eq!(office.shows[&HALL].held, 11);
            assert_eq!(office.shows[&HALL].sold, 0);
        })
        .when(hold(3, HALL, 1))
        .then_reject(BoxOfficeReject::BookingIdTaken { booking: 3 })
        .when(hold(4, HALL, 0))
        .then_reject(BoxOfficeReject::SeatsOutOfRange { seats: 0 })
        .when(hold(4, HALL, MAX_SEATS + 1))
        .then_reject(BoxOfficeReject::SeatsOutOfRange {
            seats: MAX_SEATS + 1,
        })
        .when(hold(4, 9, 1))
        .then_reject(BoxOfficeReject::UnknownShow { show: 9 });
}

#[test]
fn a_party_far_larger_than_the_seats_left_is_refused() {
    Scenario::<BoxOffice>::new()
        .given([studio()])
        .when(hold(1, STUDIO, 3))
        .then_events([held(1, STUDIO, 3, 7_500, HOLD_TICKS)])
        .when(hold(2, STUDIO, 3))
        .then_reject(BoxOfficeReject::NotEnoughSeats { left: 1, asked: 3 });
}

#[cfg(feature = "fix-oversell-boundary")]
#[test]
fn the_last_seats_go_to_a_party_that_fits_and_no_further() {
    Scenario::<BoxOffice>::new()
        .given([studio(), held(1, STUDIO, 3, 7_500, 12)])
        .when(hold(2, STUDIO, 2))
        .then_reject(BoxOfficeReject::NotEnoughSeats { left: 1, asked: 2 })
        .when(hold(2, STUDIO, 1))
        .then_events([held(2, STUDIO, 1, 2_500, 1 + HOLD_TICKS)])
        .when(hold(3, STUDIO, 1))
        .then_reject(BoxOfficeReject::NotEnoughSeats { left: 0, asked: 1 })
        .and_state(|office| assert_eq!(office.shows[&STUDIO].taken(), 4));
}

#[test]
fn paying_the_amount_due_sells_the_held_seats() {
    Scenario::<BoxOffice>::new()
        .given([studio(), held(1, STUDIO, 2, 5_000, 12)])
        .when(pay(1, 42, 4_999))
        .then_reject(BoxOfficeReject::WrongAmount {
            offered: 4_999,
            due: 5_000,
        })
        .when(pay(2, 42, 5_000))
        .then_reject(BoxOfficeReject::UnknownBooking { booking: 2 })
        .when(pay(1, 42, 5_000))
        .then_events([paid(1, 42, 5_000)])
        .and_state(|office| {
            let show = office.shows[&STUDIO];
            assert_eq!((show.held, show.sold), (0, 2));
            assert_eq!(office.takings, 5_000);
            assert_eq!(office.bookings[&1].status, Status::Paid);
        })
        .when(pay(1, 43, 5_000))
        .then_reject(BoxOfficeReject::AlreadyPaid { booking: 1 });
}

#[cfg(feature = "fix-payment-retry")]
#[test]
fn a_retried_payment_is_answered_without_charging_again() {
    two_paid_studio_seats()
        .when(pay(1, 42, 5_000))
        .then_nothing()
        .and_state(|office| assert_eq!(office.takings, 5_000))
        .when(BoxOfficeAction::Cancel { booking: 1 })
        .then_events([BoxOfficeEvent::BookingRefunded {
            booking: 1,
            refund: 5_000,
        }])
        .when(pay(1, 42, 5_000))
        .then_nothing()
        .and_state(|office| assert_eq!((office.takings, office.refunds), (5_000, 5_000)));
}

#[test]
fn a_hold_runs_out_of_time_unpaid_and_the_timer_frees_its_seats() {
    Scenario::<BoxOffice>::new()
        .given([
            studio(),
            held(1, STUDIO, 2, 5_000, 2),
            held(2, STUDIO, 1, 2_500, 9),
        ])
        .when(BoxOfficeAction::ExpireHolds)
        .then_nothing()
        .when(BoxOfficeAction::ExpireHolds)
        .then_nothing()
        .when(pay(1, 42, 5_000))
        .then_reject(BoxOfficeReject::HoldExpired { booking: 1 })
        .when(BoxOfficeAction::ExpireHolds)
        .then_events([BoxOfficeEvent::HoldExpired { booking: 1 }])
        .and_state(|office| {
            assert_eq!(office.shows[&STUDIO].held, 1);
            assert_eq!(office.bookings[&1].status, Status::Expired);
        })
        .when(pay(1, 42, 5_000))
        .then_reject(BoxOfficeReject::WrongStatus {
            booking: 1,
            status: Status::Expired,
        })
        .when(pay(2, 43, 2_500))
        .then_events([paid(2, 43, 2_500)]);
}

#[test]
fn a_customer_lets_a_hold_go_and_its_seats_are_free_again() {
    Scenario::<BoxOffice>::new()
        .given([studio(), held(1, STUDIO, 4, 10_000, 12)])
        .when(hold(2, STUDIO, 2))
        .then_reject(BoxOfficeReject::NotEnoughSeats { left: 0, asked: 2 })
        .when(BoxOfficeAction::Cancel { booking: 1 })
        .then_events([BoxOfficeEvent::HoldReleased { booking: 1 }])
        .when(BoxOfficeAction::Cancel { booking: 1 })
        .then_reject(BoxOfficeReject::WrongStatus {
            booking: 1,
            status: Status::Released,
        })
        .when(hold(2, STUDIO, 4))
        .then_events([held(2, STUDIO, 4, 10_000, 3 + HOLD_TICKS)]);
}

#[test]
fn cancelling_a_paid_booking_refunds_it_in_full() {
    two_paid_studio_seats()
        .when(BoxOfficeAction::Cancel { booking: 1 })
        .then_events([BoxOfficeEvent::BookingRefunded {
            booking: 1,
            refund: 5_000,
        }])
        .and_state(|office| {
            let booking = office.bookings[&1];
            assert_eq!(booking.status, Status::Refunded);
            assert_eq!((booking.paid, booking.refunded), (5_000, 5_000));
            assert_eq!((office.takings, office.refunds), (5_000, 5_000));
        })
        .when(give_back(1, 1))
        .then_reject(BoxOfficeReject::WrongStatus {
            booking: 1,
            status: Status::Refunded,
        });
}

#[cfg(feature = "fix-refund-releases-seats")]
#[test]
fn a_refunded_booking_gives_its_seats_back_to_the_show() {
    two_paid_studio_seats()
        .given([held(2, STUDIO, 2, 5_000, 12)])
        .when(BoxOfficeAction::Cancel { booking: 1 })
        .then_events([BoxOfficeEvent::BookingRefunded {
            booking: 1,
            refund: 5_000,
        }])
        .and_state(|office| assert_eq!(office.shows[&STUDIO].sold, 0))
        .when(hold(3, STUDIO, 2))
        .then_events([held(3, STUDIO, 2, 5_000, 1 + HOLD_TICKS)]);
}

#[test]
fn returning_seats_refunds_what_they_cost() {
    two_paid_studio_seats()
        .when(give_back(1, 0))
        .then_reject(BoxOfficeReject::ReturnOutOfRange {
            booking: 1,
            has: 2,
            returning: 0,
        })
        .when(give_back(1, 3))
        .then_reject(BoxOfficeReject::ReturnOutOfRange {
            booking: 1,
            has: 2,
            returning: 3,
        })
        .when(give_back(1, 1))
        .then_events([returned(1, 1, 2_500)])
        .and_state(|office| {
            assert_eq!(office.shows[&STUDIO].sold, 1);
            assert_eq!(office.bookings[&1].status, Status::Paid);
        })
        .when(give_back(1, 1))
        .then_events([returned(1, 1, 2_500)])
        .and_state(|office| {
            let booking = office.bookings[&1];
            assert_eq!(booking.status, Status::Refunded);
            assert_eq!(booking.refunded, booking.paid);
            assert_eq!(office.shows[&STUDIO].sold, 0);
        });
    Scenario::<BoxOffice>::new()
        .given([studio(), held(1, STUDIO, 2, 5_000, 12)])
        .when(give_back(1, 1))
        .then_reject(BoxOfficeReject::WrongStatus {
            booking: 1,
            status: Status::Held { expires_at: 12 },
        });
}

#[cfg(feature = "fix-group-refund-rounding")]
#[test]
fn a_group_gets_back_exactly_what_it_paid_however_it_returns_its_seats() {
    paid_group()
        .when(give_back(1, 6))
        .then_events([returned(1, 6, GROUP_OF_SIX)]);
    // Two seats are a third of $215.95, rounded down; the last four get what is left.
    paid_group()
        .when(give_back(1, 2))
        .then_events([returned(1, 2, 7_198)])
        .when(give_back(1, 4))
        .then_events([returned(1, 4, GROUP_OF_SIX - 7_198)])
        .and_state(|office| assert_eq!(office.bookings[&1].refunded, GROUP_OF_SIX));
}

#[test]
fn a_group_cancelled_outright_gets_back_what_it_paid() {
    paid_group()
        .when(BoxOfficeAction::Cancel { booking: 1 })
        .then_events([BoxOfficeEvent::BookingRefunded {
            booking: 1,
            refund: GROUP_OF_SIX,
        }]);
}

#[test]
fn a_show_called_off_releases_every_hold_and_refunds_every_payment() {
    let call_off = BoxOfficeAction::CancelShow { show: STUDIO };
    Scenario::<BoxOffice>::new()
        .given([studio(), hall(), held(1, STUDIO, 1, 2_500, 12)])
        .given([held(2, STUDIO, 2, 5_000, 12), paid(2, 42, 5_000)])
        .given([held(3, HALL, 1, 3_999, 12)])
        .when(call_off.clone())
        .then_events([
            BoxOfficeEvent::ShowCancelled { show: STUDIO },
            BoxOfficeEvent::HoldReleased { booking: 1 },
            BoxOfficeEvent::BookingRefunded {
                booking: 2,
                refund: 5_000,
            },
        ])
        .and_state(|office| {
            assert!(office.shows[&STUDIO].cancelled);
            assert_eq!(office.refunds, 5_000);
            assert_eq!(office.bookings[&3].status, Status::Held { expires_at: 12 });
        })
        .when(call_off)
        .then_reject(BoxOfficeReject::ShowCancelled { show: STUDIO })
        .when(hold(4, STUDIO, 1))
        .then_reject(BoxOfficeReject::ShowCancelled { show: STUDIO });
}

#[test]
fn unknown_and_finished_bookings_refuse_everything() {
    Scenario::<BoxOffice>::new()
        .given([studio()])
        .when(BoxOfficeAction::Cancel { booking: 0 })
        .then_reject(BoxOfficeReject::UnknownBooking { booking: 0 })
        .when(give_back(u32::MAX, 1))
        .then_reject(BoxOfficeReject::UnknownBooking { booking: u32::MAX })
        .when(BoxOfficeAction::CancelShow { show: 3 })
        .then_reject(BoxOfficeReject::UnknownShow { show: 3 })
        .when(pay(1, 0, u64::MAX))
        .then_reject(BoxOfficeReject::UnknownBooking { booking: 1 });
}

#[test]
fn actions_read_as_plain_json_and_hostile_numbers_fail_to_parse() {
    let json = serde_json::to_string(&hold(1, 1, 2)).unwrap();
    assert_eq!(
        json,
        r#"{"Hold":{"booking":1,"show":1,"customer":7,"seats":2}}"#
    );
    assert_eq!(
        serde_json::to_string(&BoxOfficeAction::ExpireHolds).unwrap(),
        r#""ExpireHolds""#
    );
    let parsed: BoxOfficeAction =
        serde_json::from_str(r#"{"Pay":{"booking":1,"payment":42,"amount":5000}}"#).unwrap();
    assert_eq!(parsed, pay(1, 42, 5_000));
    for hostile in [
        r#"{"Hold":{"booking":1,"show":1,"customer":7,"seats":-2}}"#,
        r#"{"Pay":{"booking":1,"payment":42,"amount":50.00}}"#,
        r#"{"ExpireHolds":{}}"#,
    ] {
        assert!(
            serde_json::from_str::<BoxOfficeAction>(hostile).is_err(),
            "{hostile}"
        );
    }
}
