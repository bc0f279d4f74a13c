//! Coverage labels: which corners of an order's life a run reached.

use rewind::Coverage;

use super::action::MAX_LINES;
use super::event::OrderEvent;
use super::state::OrderState;

pub const LABELS: &[&str] = &[
    "item_added",
    "quantity_increased",
    "cart_full",
    "item_removed",
    "line_removed",
    "paid",
    "shipped",
    "delivered",
    "cancelled_before_payment",
    "cancelled_with_refund",
];

/// Marks the labels `event` reached; `state` is the state after it was applied.
pub fn cover(state: &OrderState, event: &OrderEvent, coverage: &mut Coverage) {
    match *event {
        OrderEvent::ItemAdded { sku, quantity, .. } => {
            let in_cart = state.lines.get(&sku).map_or(0, |line| line.quantity);
            coverage.hit(if in_cart > quantity { 1 } else { 0 });
            if state.lines.len() == MAX_LINES {
                coverage.hit(2);
            }
        }
        OrderEvent::ItemRemoved { sku, .. } => {
            coverage.hit(if state.lines.contains_key(&sku) { 3 } else { 4 });
        }
        OrderEvent::PaymentReceived { .. } => coverage.hit(5),
        OrderEvent::OrderShipped => coverage.hit(6),
        OrderEvent::OrderDelivered => coverage.hit(7),
        OrderEvent::OrderCancelled { refund } => coverage.hit(if refund == 0 { 8 } else { 9 }),
    }
}
