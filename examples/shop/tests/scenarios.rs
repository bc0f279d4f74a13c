//! The order's rules, as the shop would state them: given what happened, when the shopper or
//! the warehouse asks for something, then these events follow, or this refusal.

use rewind::Scenario;
use shop::{
    MAX_LINES, MAX_QUANTITY, Order, OrderAction, OrderEvent, OrderReject, Phase,
    REMOVE_KEEPS_LINE_TOTAL, SHIP_BEFORE_PAYMENT,
};

fn add(sku: u32, quantity: u32, unit_price: u64) -> OrderAction {
    OrderAction::AddItem {
        sku,
        quantity,
        unit_price,
    }
}

fn added(sku: u32, quantity: u32, unit_price: u64) -> OrderEvent {
    OrderEvent::ItemAdded {
        sku,
        quantity,
        unit_price,
    }
}

fn remove(sku: u32, quantity: u32) -> OrderAction {
    OrderAction::RemoveItem { sku, quantity }
}

fn removed(sku: u32, quantity: u32) -> OrderEvent {
    OrderEvent::ItemRemoved { sku, quantity }
}

/// Two mugs at $4.99 and a teapot at $19.99: $29.97.
fn a_cart() -> [OrderEvent; 2] {
    [added(2, 2, 499), added(4, 1, 1_999)]
}

const CART_TOTAL: u64 = 2 * 499 + 1_999;

fn paid() -> Vec<OrderEvent> {
    let mut events = a_cart().to_vec();
    events.push(OrderEvent::PaymentReceived { amount: CART_TOTAL });
    events
}

#[test]
fn adding_items_fills_the_cart_and_its_total() {
    Scenario::<Order>::new()
        .when(add(2, 2, 499))
        .then_events([added(2, 2, 499)])
        .when(add(2, 1, 499))
        .then_events([added(2, 1, 499)])
        .when(add(4, 1, 1_999))
        .then_events([added(4, 1, 1_999)])
        .and_state(|order| {
            assert_eq!(order.lines.len(), 2);
            assert_eq!(order.lines[&2].quantity, 3);
            assert_eq!(order.total, 3 * 499 + 1_999);
            assert_eq!(order.phase(), Phase::Open);
        });
}

#[test]
fn removing_takes_units_out_and_the_last_unit_takes_the_line() {
    Scenario::<Order>::new()
        .given(a_cart())
        .when(remove(2, 1))
        .then_events([removed(2, 1)])
        .and_state(|order| assert_eq!(order.total, 499 + 1_999))
        .when(remove(2, 1))
        .then_events([removed(2, 1)])
        .and_state(|order| {
            assert!(!order.lines.contains_key(&2));
            assert_eq!(order.total, 1_999);
        })
        .when(remove(2, 1))
        .then_reject(OrderReject::NotInCart { sku: 2 })
        .when(remove(4, 2))
        .then_reject(OrderReject::RemovingMoreThanInCart {
            sku: 4,
            in_cart: 1,
            removing: 2,
        });
}

#[test]
fn a_line_keeps_its_price_and_the_cart_its_bounds() {
    let cart = Scenario::<Order>::new;
    cart()
        .when(add(0, 1, 100))
        .then_reject(OrderReject::UnknownSku { sku: 0 });
    cart()
        .when(add(1, 0, 100))
        .then_reject(OrderReject::QuantityOutOfRange { quantity: 0 });
    cart()
        .when(add(1, 1, 0))
        .then_reject(OrderReject::PriceOutOfRange { unit_price: 0 });
    cart()
        .given(a_cart())
        .when(add(2, 1, 450))
        .then_reject(OrderReject::PriceDiffers {
            sku: 2,
            listed: 499,
            offered: 450,
        })
        .when(add(2, MAX_QUANTITY - 1, 499))
        .then_reject(OrderReject::LineFull {
            sku: 2,
            in_cart: 2,
            adding: MAX_QUANTITY - 1,
        });
    let full = (1..=MAX_LINES as u32).map(|sku| added(sku, 1, 100));
    cart()
        .given(full)
        .when(add(MAX_LINES as u32 + 1, 1, 100))
        .then_reject(OrderReject::CartFull)
        .when(add(1, 1, 100))
        .then_events([added(1, 1, 100)]);
}

#[test]
fn checkout_pays_a_non_empty_cart_its_exact_total() {
    Scenario::<Order>::new()
        .when(OrderAction::Pay { amount: 0 })
        .then_reject(OrderReject::EmptyCart);
    Scenario::<Order>::new()
        .given(a_cart())
        .when(OrderAction::Pay {
            amount: CART_TOTAL / 100,
        })
        .then_reject(OrderReject::WrongAmount {
            offered: CART_TOTAL / 100,
            due: CART_TOTAL,
        })
        .when(OrderAction::Pay {
            amount: CART_TOTAL + 1,
        })
        .then_reject(OrderReject::WrongAmount {
            offered: CART_TOTAL + 1,
            due: CART_TOTAL,
        })
        .when(OrderAction::Pay { amount: CART_TOTAL })
        .then_events([OrderEvent::PaymentReceived { amount: CART_TOTAL }])
        .and_state(|order| assert_eq!(order.phase(), Phase::Paid));
}

#[test]
fn the_cart_is_frozen_once_paid() {
    let closed = OrderReject::CartClosed { phase: Phase::Paid };
    Scenario::<Order>::new()
        .given(paid())
        .when(add(1, 1, 250))
        .then_reject(closed)
        .when(remove(2, 1))
        .then_reject(closed)
        .when(OrderAction::Pay { amount: CART_TOTAL })
        .then_reject(OrderReject::AlreadyPaid);
}

#[test]
fn an_order_ships_only_when_paid_and_is_delivered_only_when_shipped() {
    Scenario::<Order>::new()
        .given(a_cart())
        .when(OrderAction::Ship)
        .then_reject(OrderReject::NotPaid)
        .when(OrderAction::Deliver)
        .then_reject(OrderReject::NotShipped);
    Scenario::<Order>::new()
        .given(paid())
        .when(OrderAction::Deliver)
        .then_reject(OrderReject::NotShipped)
        .when(OrderAction::Ship)
        .then_events([OrderEvent::OrderShipped])
        .when(OrderAction::Ship)
        .then_reject(OrderReject::AlreadyShipped)
        .when(OrderAction::Deliver)
        .then_events([OrderEvent::OrderDelivered])
        .when(OrderAction::Deliver)
        .then_reject(OrderReject::AlreadyDelivered)
        .and_state(|order| assert_eq!(order.phase(), Phase::Delivered));
}

#[test]
fn cancelling_refunds_what_was_paid_until_the_order_ships() {
    Scenario::<Order>::new()
        .given(a_cart())
        .when(OrderAction::Cancel)
        .then_events([OrderEvent::OrderCancelled { refund: 0 }]);
    Scenario::<Order>::new()
        .given(paid())
        .when(OrderAction::Cancel)
        .then_events([OrderEvent::OrderCancelled { refund: CART_TOTAL }])
        .when(OrderAction::Ship)
        .then_reject(OrderReject::Cancelled)
        .when(OrderAction::Cancel)
        .then_reject(OrderReject::Cancelled)
        .when(add(1, 1, 250))
        .then_reject(OrderReject::CartClosed {
            phase: Phase::Cancelled,
        });
    Scenario::<Order>::new()
        .given(paid())
        .given([OrderEvent::OrderShipped])
        .when(OrderAction::Cancel)
        .then_reject(OrderReject::AlreadyShipped);
}

#[test]
fn with_the_bugs_planted_the_mistakes_show() {
    Scenario::<Order>::new()
        .planted(SHIP_BEFORE_PAYMENT)
        .given(a_cart())
        .when(OrderAction::Ship)
        .then_events([OrderEvent::OrderShipped])
        .and_state(|order| assert_eq!(order.paid, None));
    Scenario::<Order>::new()
        .planted(REMOVE_KEEPS_LINE_TOTAL)
        .given(a_cart())
        .when(remove(4, 1))
        .then_events([removed(4, 1)])
        .and_state(|order| {
            assert_eq!(order.sum_of_lines(), 2 * 499);
            assert_eq!(order.total, CART_TOTAL, "the teapot's $19.99 stayed");
        });
}

#[test]
fn actions_read_as_plain_json_and_hostile_numbers_fail_to_parse() {
    let json = serde_json::to_string(&add(2, 1, 500)).unwrap();
    assert_eq!(
        json,
        r#"{"AddItem":{"sku":2,"quantity":1,"unit_price":500}}"#
    );
    assert_eq!(
        serde_json::to_string(&OrderAction::Ship).unwrap(),
        r#""Ship""#
    );
    let pay: OrderAction = serde_json::from_str(r#"{"Pay":{"amount":2997}}"#).unwrap();
    assert_eq!(pay, OrderAction::Pay { amount: 2_997 });
    for hostile in [
        r#"{"AddItem":{"sku":2,"quantity":-1,"unit_price":500}}"#,
        r#"{"Pay":{"amount":29.97}}"#,
        r#"{"Ship":{}}"#,
    ] {
        assert!(
            serde_json::from_str::<OrderAction>(hostile).is_err(),
            "{hostile}"
        );
    }
}
