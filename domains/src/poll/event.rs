//! The facts of a poll.

use serde::{Deserialize, Serialize};

use super::action::{Choice, Voter};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PollEvent {
    PollOpened {
        choices: Vec<Choice>,
    },
    /// A vote as cast: possibly a second vote, possibly a misspelled choice.
    VoteCast {
        voter: Voter,
        choice: Choice,
    },
    VotingStopped,
}
