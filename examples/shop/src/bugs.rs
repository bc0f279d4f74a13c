//! The order's planted bugs: each a mistake one invariant must catch.

use rewind::{Bug, BugId};

/// `apply`, removing a whole line, deletes it from the cart but leaves its amount in the
/// order total (the partial-removal branch subtracts; this one forgot to).
pub const REMOVE_KEEPS_LINE_TOTAL: BugId = BugId(0);
/// `decide` accepts `Ship` on an unpaid order, as a warehouse would that only checked
/// "not shipped yet".
pub const SHIP_BEFORE_PAYMENT: BugId = BugId(1);

pub const BUGS: &[Bug] = &[
    Bug {
        id: REMOVE_KEEPS_LINE_TOTAL,
        name: "remove_keeps_line_total",
        effect: "removing a whole line leaves its amount in the order total",
    },
    Bug {
        id: SHIP_BEFORE_PAYMENT,
        name: "ship_before_payment",
        effect: "Ship is accepted while the order is unpaid",
    },
];
