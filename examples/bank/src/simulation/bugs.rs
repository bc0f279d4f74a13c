//! The bank's planted bugs: each a mistake on a feature-flag path of the aggregate, switched on
//! through the flags the simulated services carry, and caught by one invariant.

use rewind::{Bug, BugId};

/// Express withdrawals skip the funds check: the balance goes negative.
/// Caught by `balance_never_negative`.
pub const EXPRESS_WITHDRAWAL_OVERDRAWS: BugId = BugId(0);
/// Batched checks skip the duplicate-number check: one check is paid twice.
/// Caught by `each_check_paid_once`.
pub const BATCHED_CHECK_PAID_TWICE: BugId = BugId(1);

pub const BUGS: &[Bug] = &[
    Bug {
        id: EXPRESS_WITHDRAWAL_OVERDRAWS,
        name: "express_withdrawal_overdraws",
        effect: "with express withdrawals on, an ATM pays out more than the account holds",
    },
    Bug {
        id: BATCHED_CHECK_PAID_TWICE,
        name: "batched_check_paid_twice",
        effect: "with batch check clearing on, a check number already paid is paid again",
    },
];
