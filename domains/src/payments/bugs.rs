//! Planted bugs: mistakes a real payments service makes, each caught by an invariant.

use rewind::{Bug, BugId};

/// Refunds are checked against the authorized amount instead of what was captured.
pub const REFUND_EXCEEDS_CAPTURE: BugId = BugId(0);
/// Captures skip the auth check and are bounded by the requested amount instead.
pub const CAPTURE_WITHOUT_AUTH: BugId = BugId(1);
/// The fraud webhook handler applies a verdict to an auth that is no longer in review.
pub const WEBHOOK_REOPENS_SETTLED_AUTH: BugId = BugId(2);
/// The ledger projection debits the customer and credits the merchant but loses the fee.
pub const LEDGER_DROPS_FEE: BugId = BugId(3);
/// What may still be captured is computed net of refunds, so refunds free up capture room.
pub const CAPTURE_IGNORES_REFUNDS: BugId = BugId(4);
pub const DUPLICATE_SETTLEMENT_PAID_TWICE: BugId = BugId(5);
pub const SETTLEMENT_DEDUP_BY_HIGHEST_PART: BugId = BugId(6);
/// A create declares no stream its decision read, so its append expects nothing.
pub const CREATE_EXPECTS_NOTHING: BugId = BugId(7);
/// A refund whose append meets a conflict sends its first decision again.
pub const REFUND_RETRY_RESENDS: BugId = BugId(8);

pub const BUGS: &[Bug] = &[
    Bug {
        id: REFUND_EXCEEDS_CAPTURE,
        name: "refund_exceeds_capture",
        effect: "a refund is checked against the authorized amount, not the captured one",
    },
    Bug {
        id: CAPTURE_WITHOUT_AUTH,
        name: "capture_without_auth",
        effect: "a capture is accepted while the auth is in fraud review or timed out",
    },
    Bug {
        id: WEBHOOK_REOPENS_SETTLED_AUTH,
        name: "webhook_reopens_settled_auth",
        effect: "a fraud webhook for an already settled auth changes its verdict",
    },
    Bug {
        id: LEDGER_DROPS_FEE,
        name: "ledger_drops_fee",
        effect: "the ledger never credits the provider's fee, so money disappears",
    },
    Bug {
        id: CAPTURE_IGNORES_REFUNDS,
        name: "capture_ignores_refunds",
        effect: "refunded money counts as capturable again, so captures exceed the auth",
    },
    Bug {
        id: DUPLICATE_SETTLEMENT_PAID_TWICE,
        name: "duplicate_settlement_paid_twice",
        effect: "a settlement report delivered twice pays the merchant twice",
    },
    Bug {
        id: SETTLEMENT_DEDUP_BY_HIGHEST_PART,
        name: "settlement_dedup_by_highest_part",
        effect: "repeats are told apart by the highest capture settled so far, so a report that overtakes an earlier one makes the earlier one look like a repeat",
    },
    Bug {
        id: CREATE_EXPECTS_NOTHING,
        name: "create_expects_nothing",
        effect: "a create declares no stream its decision read, so two concurrent creates of one id both land and the second replaces the first payment",
    },
    Bug {
        id: REFUND_RETRY_RESENDS,
        name: "refund_retry_resends",
        effect: "a refund that meets a conflict appends its first decision again, so two concurrent refunds return more than was captured",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_match_positions() {
        for (index, bug) in BUGS.iter().enumerate() {
            assert_eq!(bug.id, BugId(index as u8), "{}", bug.name);
        }
    }
}
