//! What voters and the organiser say.

use serde::{Deserialize, Serialize};

use crate::ShortName;

/// A choice's name as typed: at most 16 bytes, stored inline so votes never allocate.
pub type Choice = ShortName;

/// A voter's id. 0 is not a voter: ids start at 1.
pub type Voter = u32;

/// The most choices one poll offers.
pub const MAX_CHOICES: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PollAction {
    /// Opens the poll with the choices it offers.
    OpenPoll { choices: Vec<Choice> },
    /// One voter's vote. Every vote is recorded; projections decide which count.
    Vote { voter: Voter, choice: Choice },
    /// Closes the poll: no vote is accepted after it.
    StopVoting,
}

impl PollAction {
    pub const KINDS: &'static [&'static str] = &["OpenPoll", "Vote", "StopVoting"];

    pub fn kind(&self) -> usize {
        match self {
            PollAction::OpenPoll { .. } => 0,
            PollAction::Vote { .. } => 1,
            PollAction::StopVoting => 2,
        }
    }

    /// Simpler variants for the shrinker: fewer choices, voter 1.
    pub fn simpler(&self) -> Vec<PollAction> {
        match self {
            PollAction::OpenPoll { choices } => (0..choices.len())
                .filter(|_| choices.len() > 1)
                .map(|skip| {
                    let fewer = choices
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| i != skip)
                        .map(|(_, c)| *c);
                    PollAction::OpenPoll {
                        choices: fewer.collect(),
                    }
                })
                .collect(),
            PollAction::Vote { voter, choice } if *voter > 1 => {
                vec![PollAction::Vote {
                    voter: 1,
                    choice: *choice,
                }]
            }
            _ => Vec::new(),
        }
    }
}

/// A choice name from a literal that fits (for tests and the bot's fixed word lists).
pub fn choice(name: &str) -> Choice {
    ShortName::of(name)
}
