//! The bot: a shopper who fills a cart, sometimes changes their mind, checks out, and waits
//! for the parcel; plus, a few percent of the time, a hostile client sending unknown SKUs,
//! silly quantities and prices, wrong amounts, and steps out of order.
//!
//! At every pick the first option is the simplest (add SKU 1, one unit), because exhausted
//! and shrunk drivers answer 0.

use rewind::Choices;

use super::action::{Cents, MAX_QUANTITY, MAX_SKU, MAX_UNIT_PRICE, OrderAction, Sku};
use super::state::{OrderState, Phase};

/// The catalog's list prices in cents, for SKUs 1..=MAX_SKU.
pub const CATALOG: [Cents; MAX_SKU as usize] = [
    250, 499, 1_299, 1_999, 350, 7_500, 12_900, 899, 4_250, 60_000, 1_050, 99,
];

/// The list price of a catalog SKU; 1 cent for anything else (the catalog has no such item,
/// and the rules refuse it whatever its price).
pub fn list_price(sku: Sku) -> Cents {
    let index = (sku as usize).wrapping_sub(1);
    CATALOG.get(index).copied().unwrap_or(1)
}

pub fn next_action(state: &OrderState, choices: &mut dyn Choices) -> OrderAction {
    match state.phase() {
        Phase::Open => shop(state, choices),
        Phase::Paid => match choices.weighted(&[85, 6, 9]) {
            0 => OrderAction::Ship,
            1 => OrderAction::Cancel,
            _ => hostile(state, choices),
        },
        Phase::Shipped => match choices.weighted(&[88, 12]) {
            0 => OrderAction::Deliver,
            _ => hostile(state, choices),
        },
        // Nothing is left to do: whatever comes now must be refused.
        Phase::Delivered | Phase::Cancelled => hostile(state, choices),
    }
}

/// An open cart: mostly adding, some removing, checkout the likelier the fuller the cart,
/// and now and then a step out of turn (an eager warehouse shipping before payment) or a
/// malformed request.
fn shop(state: &OrderState, choices: &mut dyn Choices) -> OrderAction {
    let lines = state.lines.len() as u32;
    let pay = if lines == 0 { 0 } else { 2 + 2 * lines };
    let remove = if lines == 0 { 0 } else { 16 };
    match choices.weighted(&[60, remove, pay, 2, 3, 5]) {
        0 => add(state, choices),
        1 => remove_some(state, choices),
        2 => OrderAction::Pay {
            amount: state.total,
        },
        3 => OrderAction::Cancel,
        4 if choices.chance(1, 3) => OrderAction::Deliver,
        4 => OrderAction::Ship,
        _ => hostile(state, choices),
    }
}

/// A catalog SKU at its list price (or the line's price when it is in the cart already), one
/// to three units.
fn add(state: &OrderState, choices: &mut dyn Choices) -> OrderAction {
    let sku = 1 + choices.below(MAX_SKU);
    OrderAction::AddItem {
        sku,
        quantity: 1 + choices.below(3),
        unit_price: price_in_cart(state, sku),
    }
}

/// A line in the cart: usually all of it (the "remove" button), sometimes some units.
fn remove_some(state: &OrderState, choices: &mut dyn Choices) -> OrderAction {
    let index = choices.below(state.lines.len() as u32) as usize;
    let Some((&sku, line)) = state.lines.iter().nth(index) else {
        return add(state, choices);
    };
    let in_cart = line.quantity;
    let quantity = if choices.chance(1, 3) {
        choices.between(1, u64::from(in_cart)) as u32
    } else {
        in_cart
    };
    OrderAction::RemoveItem { sku, quantity }
}

/// Out of turn or malformed: steps before their time, unknown SKUs, zero and huge
/// quantities and prices, a price that differs from the cart's, wrong amounts.
fn hostile(state: &OrderState, choices: &mut dyn Choices) -> OrderAction {
    let sku = 1 + choices.below(MAX_SKU);
    let price = price_in_cart(state, sku);
    match choices.below(10) {
        0 => OrderAction::Ship,
        1 => OrderAction::Deliver,
        2 => OrderAction::Cancel,
        3 => OrderAction::Pay {
            amount: state.total,
        },
        4 => OrderAction::Pay {
            amount: *choices.pick(&[
                state.total + 1,
                state.total.saturating_sub(1),
                // Dollars where cents were expected.
                state.total / 100,
                0,
                u64::MAX,
            ]),
        },
        5 => OrderAction::AddItem {
            sku: *choices.pick(&[0, MAX_SKU + 1, u32::MAX]),
            quantity: 1,
            unit_price: price,
        },
        6 => OrderAction::AddItem {
            sku,
            quantity: *choices.pick(&[0, MAX_QUANTITY + 1, u32::MAX]),
            unit_price: price,
        },
        7 => OrderAction::AddItem {
            sku,
            quantity: 1,
            unit_price: *choices.pick(&[0, price + 1, MAX_UNIT_PRICE + 1, u64::MAX]),
        },
        8 => OrderAction::AddItem {
            sku,
            quantity: MAX_QUANTITY,
            unit_price: price,
        },
        _ => {
            let in_cart = state.lines.get(&sku).map_or(0, |line| line.quantity);
            OrderAction::RemoveItem {
                sku: *choices.pick(&[sku, 0, u32::MAX]),
                quantity: *choices.pick(&[0, in_cart + 1, u32::MAX]),
            }
        }
    }
}

/// The price a sensible client quotes for `sku`: the line's, or the list price.
fn price_in_cart(state: &OrderState, sku: Sku) -> Cents {
    state
        .lines
        .get(&sku)
        .map_or_else(|| list_price(sku), |line| line.unit_price)
}
