//! The calculator: the only code that changes an order's state. Total: any event, even one
//! `decide` would never emit, folds without a panic (arithmetic saturates, a removal of an
//! absent line changes nothing).

use super::bugs::REMOVE_KEEPS_LINE_TOTAL;
use super::event::OrderEvent;
use super::state::{Line, OrderState};

pub fn apply(state: &mut OrderState, event: &OrderEvent) {
    match *event {
        OrderEvent::ItemAdded {
            sku,
            quantity,
            unit_price,
        } => {
            let line = state.lines.entry(sku).or_insert(Line {
                quantity: 0,
                unit_price,
            });
            line.quantity = line.quantity.saturating_add(quantity);
            let added = Line {
                quantity,
                unit_price: line.unit_price,
            };
            state.total = state.total.saturating_add(added.amount());
            state.cart_changes += 1;
        }
        OrderEvent::ItemRemoved { sku, quantity } => {
            let Some(line) = state.lines.get_mut(&sku) else {
                return;
            };
            let removed = Line {
                quantity: quantity.min(line.quantity),
                unit_price: line.unit_price,
            };
            if removed.quantity == line.quantity {
                state.lines.remove(&sku);
                // The planted bug drops the line but forgets its amount in this branch.
                if !state.bugs.has(REMOVE_KEEPS_LINE_TOTAL) {
                    state.total = state.total.saturating_sub(removed.amount());
                }
            } else {
                line.quantity -= removed.quantity;
                state.total = state.total.saturating_sub(removed.amount());
            }
            state.cart_changes += 1;
        }
        OrderEvent::PaymentReceived { amount } => {
            state.paid = Some(amount);
            state.cart_changes_at_payment = Some(state.cart_changes);
        }
        OrderEvent::OrderShipped => state.shipped = true,
        OrderEvent::OrderDelivered => state.delivered = true,
        OrderEvent::OrderCancelled { refund } => {
            state.cancelled = true;
            state.refunded = refund;
        }
    }
}
