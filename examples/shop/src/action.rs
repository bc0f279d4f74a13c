//! What a shopper (and the shop's back office) asks of an order.

use serde::{Deserialize, Serialize};

/// A catalog item's id. The catalog holds `1..=MAX_SKU`; 0 is never an item.
pub type Sku = u32;

/// Money is always whole cents: no float ever holds a price or a payment.
pub type Cents = u64;

/// The highest SKU the catalog knows.
pub const MAX_SKU: Sku = 12;
/// The most distinct SKUs one cart holds: a bound on every loop over the lines.
pub const MAX_LINES: usize = 8;
/// The most units of one SKU a cart holds.
pub const MAX_QUANTITY: u32 = 99;
/// The dearest unit price accepted: $10,000. With the two bounds above it keeps any order
/// total far below `u64::MAX`.
pub const MAX_UNIT_PRICE: Cents = 1_000_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderAction {
    /// Puts `quantity` units of `sku` into the cart at `unit_price`, the price the shopper
    /// was shown. A line's price is fixed when it is first added.
    AddItem {
        sku: Sku,
        quantity: u32,
        unit_price: Cents,
    },
    /// Takes `quantity` units of `sku` out of the cart; taking them all removes the line.
    RemoveItem { sku: Sku, quantity: u32 },
    /// Checkout: pays for the cart, which must be the exact total.
    Pay { amount: Cents },
    /// The warehouse hands the paid order to the carrier.
    Ship,
    /// The carrier reports the order delivered.
    Deliver,
    /// Calls the order off; refunds what was paid. Refused once the order has shipped.
    Cancel,
}

impl OrderAction {
    pub const KINDS: &'static [&'static str] =
        &["AddItem", "RemoveItem", "Pay", "Ship", "Deliver", "Cancel"];

    pub fn kind(&self) -> usize {
        match self {
            OrderAction::AddItem { .. } => 0,
            OrderAction::RemoveItem { .. } => 1,
            OrderAction::Pay { .. } => 2,
            OrderAction::Ship => 3,
            OrderAction::Deliver => 4,
            OrderAction::Cancel => 5,
        }
    }

    /// Simpler variants for the shrinker, simplest first: SKU 1, one unit, a cheaper price.
    /// Hostile zeros stay as they are (0 is already the simplest value they can take).
    pub fn simpler(&self) -> Vec<OrderAction> {
        let mut out = Vec::new();
        match *self {
            OrderAction::AddItem {
                sku,
                quantity,
                unit_price,
            } => {
                let add = |sku, quantity, unit_price| OrderAction::AddItem {
                    sku,
                    quantity,
                    unit_price,
                };
                if sku > 1 {
                    out.push(add(1, quantity, unit_price));
                }
                if quantity > 1 {
                    out.push(add(sku, 1, unit_price));
                }
                if unit_price > 1 {
                    out.push(add(sku, quantity, 1));
                    if unit_price > 2 {
                        out.push(add(sku, quantity, unit_price / 2));
                    }
                }
            }
            OrderAction::RemoveItem { sku, quantity } => {
                if sku > 1 {
                    out.push(OrderAction::RemoveItem { sku: 1, quantity });
                }
                if quantity > 1 {
                    out.push(OrderAction::RemoveItem { sku, quantity: 1 });
                }
            }
            OrderAction::Pay { .. }
            | OrderAction::Ship
            | OrderAction::Deliver
            | OrderAction::Cancel => {}
        }
        out
    }
}
