//! The facts of an order. Each carries what `apply` needs, so the stream alone rebuilds it.

use serde::{Deserialize, Serialize};

use super::action::{Cents, Sku};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderEvent {
    /// Units put into the cart, at the line's price.
    ItemAdded {
        sku: Sku,
        quantity: u32,
        unit_price: Cents,
    },
    /// Units taken out of the cart at the line's price; all of them removes the line.
    ItemRemoved {
        sku: Sku,
        quantity: u32,
    },
    /// The order was paid: the cart is frozen from here on.
    PaymentReceived {
        amount: Cents,
    },
    OrderShipped,
    OrderDelivered,
    /// The order was called off and `refund` cents went back to the shopper (0 when unpaid).
    OrderCancelled {
        refund: Cents,
    },
}
