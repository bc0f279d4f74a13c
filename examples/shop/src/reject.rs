//! Why an order refused an action.

use std::fmt;

use super::action::{Cents, MAX_LINES, MAX_QUANTITY, MAX_SKU, MAX_UNIT_PRICE, Sku};
use super::state::Phase;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum OrderReject {
    /// Items are added and removed only while the cart is open.
    CartClosed {
        phase: Phase,
    },
    UnknownSku {
        sku: Sku,
    },
    /// A quantity must be 1..=MAX_QUANTITY.
    QuantityOutOfRange {
        quantity: u32,
    },
    /// A unit price must be 1..=MAX_UNIT_PRICE cents.
    PriceOutOfRange {
        unit_price: Cents,
    },
    /// A SKU already in the cart keeps the price it was added at.
    PriceDiffers {
        sku: Sku,
        listed: Cents,
        offered: Cents,
    },
    /// Adding would take one line past MAX_QUANTITY units.
    LineFull {
        sku: Sku,
        in_cart: u32,
        adding: u32,
    },
    /// A new SKU when the cart already holds MAX_LINES of them.
    CartFull,
    NotInCart {
        sku: Sku,
    },
    RemovingMoreThanInCart {
        sku: Sku,
        in_cart: u32,
        removing: u32,
    },
    EmptyCart,
    /// Payment must be the exact total, to the cent.
    WrongAmount {
        offered: Cents,
        due: Cents,
    },
    AlreadyPaid,
    NotPaid,
    AlreadyShipped,
    NotShipped,
    AlreadyDelivered,
    Cancelled,
}

impl fmt::Display for OrderReject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            OrderReject::CartClosed { phase } => {
                write!(f, "the order is {phase}: its cart can no longer change")
            }
            OrderReject::UnknownSku { sku } => {
                write!(f, "SKU {sku} is not in the catalog (1..={MAX_SKU})")
            }
            OrderReject::QuantityOutOfRange { quantity } => write!(
                f,
                "a quantity of {quantity} is out of range; it must be 1..={MAX_QUANTITY}"
            ),
            OrderReject::PriceOutOfRange { unit_price } => write!(
                f,
                "a unit price of {unit_price} cents is out of range; it must be 1..={MAX_UNIT_PRICE}"
            ),
            OrderReject::PriceDiffers {
                sku,
                listed,
                offered,
            } => write!(
                f,
                "SKU {sku} is in the cart at {listed} cents a unit, not {offered}"
            ),
            OrderReject::LineFull {
                sku,
                in_cart,
                adding,
            } => write!(
                f,
                "{in_cart} units of SKU {sku} are in the cart; {adding} more would pass {MAX_QUANTITY}"
            ),
            OrderReject::CartFull => {
                write!(f, "the cart already holds {MAX_LINES} different SKUs")
            }
            OrderReject::NotInCart { sku } => write!(f, "SKU {sku} is not in the cart"),
            OrderReject::RemovingMoreThanInCart {
                sku,
                in_cart,
                removing,
            } => write!(
                f,
                "cannot remove {removing} units of SKU {sku}: the cart holds {in_cart}"
            ),
            OrderReject::EmptyCart => write!(f, "an empty cart cannot be paid for"),
            OrderReject::WrongAmount { offered, due } => write!(
                f,
                "{offered} cents offered but the order total is {due} cents"
            ),
            OrderReject::AlreadyPaid => write!(f, "the order is already paid"),
            OrderReject::NotPaid => write!(f, "the order is not paid yet"),
            OrderReject::AlreadyShipped => write!(f, "the order has already shipped"),
            OrderReject::NotShipped => write!(f, "the order has not shipped yet"),
            OrderReject::AlreadyDelivered => write!(f, "the order was already delivered"),
            OrderReject::Cancelled => write!(f, "the order was cancelled"),
        }
    }
}
