//! What must hold after every dispatch. Each check is O(lines), at most MAX_LINES.

use rewind::Invariant;

use super::Order;
use super::action::{MAX_LINES, MAX_QUANTITY};
use super::state::OrderState;

pub const INVARIANTS: &[Invariant<Order>] = &[
    Invariant {
        name: "total_equals_sum_of_lines",
        check: total_equals_sum_of_lines,
    },
    Invariant {
        name: "paid_equals_total",
        check: paid_equals_total,
    },
    Invariant {
        name: "cart_frozen_after_payment",
        check: cart_frozen_after_payment,
    },
    Invariant {
        name: "shipped_only_after_paid",
        check: shipped_only_after_paid,
    },
    Invariant {
        name: "delivered_only_after_shipped",
        check: delivered_only_after_shipped,
    },
    Invariant {
        name: "cancelled_order_refunds_and_never_ships",
        check: cancelled_order_refunds_and_never_ships,
    },
];

/// The running total is what the lines add up to, and the cart stays within its bounds
/// (which is what keeps that sum far from overflowing).
fn total_equals_sum_of_lines(state: &OrderState, _: &()) -> Result<(), String> {
    let sum = state.sum_of_lines();
    if state.total != sum {
        return Err(format!(
            "the order total is {} cents but its {} add up to {sum} cents",
            state.total,
            lines(state)
        ));
    }
    if state.lines.len() > MAX_LINES {
        return Err(format!(
            "the cart holds {} lines; at most {MAX_LINES}",
            state.lines.len()
        ));
    }
    match state
        .lines
        .iter()
        .find(|(_, line)| !(1..=MAX_QUANTITY).contains(&line.quantity))
    {
        Some((sku, line)) => Err(format!(
            "SKU {sku} has {} units in the cart; a line holds 1..={MAX_QUANTITY}",
            line.quantity
        )),
        None => Ok(()),
    }
}

/// What was paid is the order total, to the cent, and a paid order has something in it.
fn paid_equals_total(state: &OrderState, _: &()) -> Result<(), String> {
    match state.paid {
        Some(paid) if paid != state.total => Err(format!(
            "{paid} cents were paid for an order totalling {} cents",
            state.total
        )),
        Some(paid) if state.lines.is_empty() => {
            Err(format!("{paid} cents were paid for an empty cart"))
        }
        _ => Ok(()),
    }
}

/// Once paid, the cart never changes: what ships is what was paid for.
fn cart_frozen_after_payment(state: &OrderState, _: &()) -> Result<(), String> {
    match state.cart_changes_at_payment {
        Some(at_payment) if state.cart_changes != at_payment => Err(format!(
            "the cart changed {} times after payment (at change {at_payment})",
            state.cart_changes.abs_diff(at_payment)
        )),
        None if state.paid.is_some() => {
            Err("the order is paid but the cart was never frozen".to_string())
        }
        _ => Ok(()),
    }
}

/// Nothing leaves the warehouse unpaid.
fn shipped_only_after_paid(state: &OrderState, _: &()) -> Result<(), String> {
    if state.shipped && state.paid.is_none() {
        Err(format!(
            "the order shipped unpaid, with {} totalling {} cents",
            lines(state),
            state.total
        ))
    } else {
        Ok(())
    }
}

/// Only what shipped can be delivered.
fn delivered_only_after_shipped(state: &OrderState, _: &()) -> Result<(), String> {
    if state.delivered && !state.shipped {
        Err(format!(
            "the order of {} cents was delivered without shipping",
            state.total
        ))
    } else {
        Ok(())
    }
}

/// A cancelled order gave back exactly what was paid and never shipped; an order that was
/// not cancelled refunded nothing.
fn cancelled_order_refunds_and_never_ships(state: &OrderState, _: &()) -> Result<(), String> {
    let paid = state.paid.unwrap_or(0);
    if !state.cancelled {
        return match state.refunded {
            0 => Ok(()),
            refunded => Err(format!(
                "{refunded} cents were refunded on an order that was not cancelled"
            )),
        };
    }
    if state.shipped {
        return Err(format!(
            "a cancelled order shipped (paid {paid} cents, refunded {})",
            state.refunded
        ));
    }
    if state.refunded != paid {
        return Err(format!(
            "the cancelled order refunded {} cents of the {paid} paid",
            state.refunded
        ));
    }
    Ok(())
}

/// "1 line", "3 lines".
fn lines(state: &OrderState) -> String {
    match state.lines.len() {
        1 => "1 line".to_string(),
        n => format!("{n} lines"),
    }
}
