//! The poll's planted bugs: each one a mistake the invariants must catch.

use rewind::{Bug, BugId};

/// The one-ballot-per-voter projection counts a voter's second vote as well.
pub const SECOND_VOTE_COUNTS: BugId = BugId(0);
/// A vote after `StopVoting` is accepted instead of refused.
pub const VOTE_AFTER_CLOSE_ACCEPTED: BugId = BugId(1);
/// The valid-choices projection counts a misspelled choice.
pub const MISSPELLING_COUNTS_AS_VALID: BugId = BugId(2);

pub const BUGS: &[Bug] = &[
    Bug {
        id: SECOND_VOTE_COUNTS,
        name: "second_vote_counts",
        effect: "the one-vote-per-voter projection counts a voter's second vote",
    },
    Bug {
        id: VOTE_AFTER_CLOSE_ACCEPTED,
        name: "vote_after_close_accepted",
        effect: "a vote after StopVoting is accepted",
    },
    Bug {
        id: MISSPELLING_COUNTS_AS_VALID,
        name: "misspelling_counts_as_valid",
        effect: "the valid-choices projection counts a choice that was not offered",
    },
];
