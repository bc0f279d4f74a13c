//! The rules: which actions an order accepts, and why it refuses the others.
//!
//! The cart changes only while it is open; checkout pays the exact total and freezes it;
//! only a paid order ships, only a shipped one is delivered; an order can be cancelled (with
//! a full refund) until it ships, never after: the goods are on their way.

use rewind::Env;

use super::action::{Cents, MAX_LINES, MAX_QUANTITY, MAX_SKU, MAX_UNIT_PRICE, OrderAction, Sku};
use super::bugs::SHIP_BEFORE_PAYMENT;
use super::event::OrderEvent;
use super::reject::OrderReject;
use super::state::{OrderState, Phase};

pub fn decide(
    state: &OrderState,
    action: &OrderAction,
    env: &mut Env,
    out: &mut Vec<OrderEvent>,
) -> Result<(), OrderReject> {
    let phase = state.phase();
    let event = match *action {
        OrderAction::AddItem {
            sku,
            quantity,
            unit_price,
        } => add_item(state, sku, quantity, unit_price)?,
        OrderAction::RemoveItem { sku, quantity } => remove_item(state, sku, quantity)?,
        OrderAction::Pay { amount } => pay(state, amount)?,
        OrderAction::Ship => match phase {
            Phase::Paid => OrderEvent::OrderShipped,
            Phase::Open if env.planted(SHIP_BEFORE_PAYMENT) => OrderEvent::OrderShipped,
            Phase::Open => return Err(OrderReject::NotPaid),
            Phase::Shipped | Phase::Delivered => return Err(OrderReject::AlreadyShipped),
            Phase::Cancelled => return Err(OrderReject::Cancelled),
        },
        OrderAction::Deliver => match phase {
            Phase::Shipped => OrderEvent::OrderDelivered,
            Phase::Open | Phase::Paid => return Err(OrderReject::NotShipped),
            Phase::Delivered => return Err(OrderReject::AlreadyDelivered),
            Phase::Cancelled => return Err(OrderReject::Cancelled),
        },
        OrderAction::Cancel => match phase {
            // Whatever was paid goes back in full: nothing has left the warehouse.
            Phase::Open | Phase::Paid => OrderEvent::OrderCancelled {
                refund: state.paid.unwrap_or(0),
            },
            Phase::Shipped | Phase::Delivered => return Err(OrderReject::AlreadyShipped),
            Phase::Cancelled => return Err(OrderReject::Cancelled),
        },
    };
    out.push(event);
    Ok(())
}

/// The cart must be open, the SKU known, the quantity and price in range; a SKU already in
/// the cart keeps its price and its line stays within MAX_QUANTITY; a new SKU needs room.
fn add_item(
    state: &OrderState,
    sku: Sku,
    quantity: u32,
    unit_price: Cents,
) -> Result<OrderEvent, OrderReject> {
    open_cart(state)?;
    if !(1..=MAX_SKU).contains(&sku) {
        return Err(OrderReject::UnknownSku { sku });
    }
    if !(1..=MAX_QUANTITY).contains(&quantity) {
        return Err(OrderReject::QuantityOutOfRange { quantity });
    }
    if !(1..=MAX_UNIT_PRICE).contains(&unit_price) {
        return Err(OrderReject::PriceOutOfRange { unit_price });
    }
    match state.lines.get(&sku) {
        Some(line) if line.unit_price != unit_price => {
            return Err(OrderReject::PriceDiffers {
                sku,
                listed: line.unit_price,
                offered: unit_price,
            });
        }
        // Both are at most MAX_QUANTITY, so the sum cannot overflow.
        Some(line) if line.quantity + quantity > MAX_QUANTITY => {
            return Err(OrderReject::LineFull {
                sku,
                in_cart: line.quantity,
                adding: quantity,
            });
        }
        Some(_) => {}
        None if state.lines.len() >= MAX_LINES => return Err(OrderReject::CartFull),
        None => {}
    }
    Ok(OrderEvent::ItemAdded {
        sku,
        quantity,
        unit_price,
    })
}

/// The cart must be open and hold at least `quantity` (≥ 1) units of the SKU.
fn remove_item(state: &OrderState, sku: Sku, quantity: u32) -> Result<OrderEvent, OrderReject> {
    open_cart(state)?;
    let Some(line) = state.lines.get(&sku) else {
        return Err(OrderReject::NotInCart { sku });
    };
    if quantity == 0 {
        return Err(OrderReject::QuantityOutOfRange { quantity });
    }
    if quantity > line.quantity {
        return Err(OrderReject::RemovingMoreThanInCart {
            sku,
            in_cart: line.quantity,
            removing: quantity,
        });
    }
    Ok(OrderEvent::ItemRemoved { sku, quantity })
}

/// Checkout: an open, non-empty cart, paid to the cent. Neither more (no silent overcharge)
/// nor less (no partial payment) is taken.
fn pay(state: &OrderState, amount: Cents) -> Result<OrderEvent, OrderReject> {
    match state.phase() {
        Phase::Open => {}
        Phase::Paid | Phase::Shipped | Phase::Delivered => return Err(OrderReject::AlreadyPaid),
        Phase::Cancelled => return Err(OrderReject::Cancelled),
    }
    if state.lines.is_empty() {
        return Err(OrderReject::EmptyCart);
    }
    if amount != state.total {
        return Err(OrderReject::WrongAmount {
            offered: amount,
            due: state.total,
        });
    }
    Ok(OrderEvent::PaymentReceived { amount })
}

fn open_cart(state: &OrderState) -> Result<(), OrderReject> {
    match state.phase() {
        Phase::Open => Ok(()),
        phase => Err(OrderReject::CartClosed { phase }),
    }
}
