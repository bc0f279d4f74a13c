//! What the rules need to decide: the cart's lines, its running total, and the facts of
//! payment, shipment, delivery and cancellation, each kept on its own.
//!
//! The facts are kept apart rather than folded into one status so that the invariants can
//! check they agree with each other (shipped only if paid, delivered only if shipped);
//! [`OrderState::phase`] derives the status the rules decide on.

use std::collections::BTreeMap;
use std::fmt;

use rewind::Bugs;

use super::action::{Cents, Sku};

/// One line of the cart: how many units of a SKU, at what price each.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub quantity: u32,
    pub unit_price: Cents,
}

impl Line {
    /// The line's amount: quantity × unit price. Both are bounded, so this never nears
    /// `u64::MAX`; it saturates all the same, so `apply` stays total on any event.
    pub fn amount(&self) -> Cents {
        u64::from(self.quantity).saturating_mul(self.unit_price)
    }
}

/// Where an order is in its life.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// The cart is open: items come and go.
    Open,
    /// Paid: the cart is frozen, waiting for the warehouse.
    Paid,
    Shipped,
    Delivered,
    Cancelled,
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Phase::Open => "open",
            Phase::Paid => "paid",
            Phase::Shipped => "shipped",
            Phase::Delivered => "delivered",
            Phase::Cancelled => "cancelled",
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderState {
    /// At most [`super::MAX_LINES`] lines, in SKU order (a `BTreeMap`, so iteration is
    /// deterministic).
    pub lines: BTreeMap<Sku, Line>,
    /// The running order total, kept by `apply` as items come and go.
    pub total: Cents,
    /// How many times the cart changed (items added or removed).
    pub cart_changes: u64,
    /// What was paid, and `cart_changes` at that moment: the cart must not move after it.
    pub paid: Option<Cents>,
    pub cart_changes_at_payment: Option<u64>,
    pub shipped: bool,
    pub delivered: bool,
    pub cancelled: bool,
    /// What went back to the shopper on cancellation.
    pub refunded: Cents,
    /// Planted bugs, kept for `apply`; the correct rules never read them there.
    pub bugs: Bugs,
}

impl OrderState {
    pub fn new(bugs: Bugs) -> Self {
        OrderState {
            lines: BTreeMap::new(),
            total: 0,
            cart_changes: 0,
            paid: None,
            cart_changes_at_payment: None,
            shipped: false,
            delivered: false,
            cancelled: false,
            refunded: 0,
            bugs,
        }
    }

    /// The status the rules decide on, the latest fact first.
    pub fn phase(&self) -> Phase {
        if self.cancelled {
            Phase::Cancelled
        } else if self.delivered {
            Phase::Delivered
        } else if self.shipped {
            Phase::Shipped
        } else if self.paid.is_some() {
            Phase::Paid
        } else {
            Phase::Open
        }
    }

    /// The total recomputed from the lines: what `total` must always equal.
    pub fn sum_of_lines(&self) -> Cents {
        self.lines
            .values()
            .fold(0, |sum: Cents, line| sum.saturating_add(line.amount()))
    }
}
