//! The bank's planted bugs: each a mistake on a feature-flag path of the aggregate, switched on
//! through the flags the simulated services carry, and caught by one invariant.

use rewind::{Bug, BugId};

/// Express withdrawals skip the funds check: the balance goes negative.
/// Caught by `balance_never_negative`.
pub const EXPRESS_WITHDRAWAL_OVERDRAWS: BugId = BugId(0);
/// Batched checks skip the duplicate-number check: one check is paid twice.
/// Caught by `each_check_paid_once`, on the statements: the account's own register is a set,
/// and shows nothing wrong.
pub const BATCHED_CHECK_PAID_TWICE: BugId = BugId(1);
/// Opening from the app skips the already-open check: an account is opened twice. Caught by
/// `opened_once`, on the account list: the account itself looks like any open account.
pub const APP_OPENS_AN_OPEN_ACCOUNT: BugId = BugId(2);
/// An ATM withdrawal whose commit meets `AggregateConflict` is written again as first
/// decided, because the ATM already handed the cash out. Only two concurrent `execute`s of
/// one account reveal it: caught by `commits_serializable` at the second commit.
pub const ATM_WITHDRAWAL_WRITTEN_DESPITE_CONFLICT: BugId = BugId(3);

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
    Bug {
        id: APP_OPENS_AN_OPEN_ACCOUNT,
        name: "app_opens_an_open_account",
        effect: "with self-service opening on, an account already open is opened again",
    },
    Bug {
        id: ATM_WITHDRAWAL_WRITTEN_DESPITE_CONFLICT,
        name: "atm_withdrawal_written_despite_conflict",
        effect: "an ATM withdrawal whose commit meets AggregateConflict is written again as first decided, since the cash is already out, so two concurrent withdrawals overdraw",
    },
];
