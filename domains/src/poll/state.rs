//! What the rules need to decide: the phase, the choices offered, how many votes were cast.

use rewind::Bugs;

use super::action::Choice;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    NotOpen,
    Open,
    Closed,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PollState {
    pub phase: Phase,
    pub choices: Vec<Choice>,
    /// Every `VoteCast`, counted as applied.
    pub votes_cast: u64,
    /// `votes_cast` when voting stopped: a closed poll must never move past it.
    pub votes_at_close: Option<u64>,
    /// Planted bugs, kept for `apply`; the correct rules never read them there.
    pub bugs: Bugs,
}

impl PollState {
    pub fn new(bugs: Bugs) -> Self {
        PollState {
            phase: Phase::NotOpen,
            choices: Vec::new(),
            votes_cast: 0,
            votes_at_close: None,
            bugs,
        }
    }

    pub fn offers(&self, choice: &Choice) -> bool {
        self.choices.contains(choice)
    }
}
