//! The read models: what counts is decided here, not in the stream.
//!
//! - [`RawTally`]: every vote as cast, per name typed.
//! - [`Ballots`]: one ballot per voter, their first vote.
//! - [`ValidTally`]: those ballots that name an offered choice.
//!
//! Each folds the event stream on its own, so each can be rebuilt from the stream at any time
//! or over a prefix ([`first_votes`]).

use rewind::{Bugs, Projection, project};

use super::action::Choice;
use super::bugs::{MISSPELLING_COUNTS_AS_VALID, SECOND_VOTE_COUNTS};
use super::event::PollEvent;
use super::voter_set::VoterSet;

/// Counts per choice name, in the order names first appeared (a short `Vec`: polls offer at
/// most eight choices, and the names voters type are few).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    counts: Vec<(Choice, u64)>,
    total: u64,
}

impl Tally {
    #[inline]
    fn add(&mut self, choice: &Choice) {
        self.total += 1;
        match self.counts.iter_mut().find(|(name, _)| name == choice) {
            Some((_, count)) => *count += 1,
            None => self.counts.push((*choice, 1)),
        }
    }

    /// The count for `choice` (0 when never seen).
    #[inline]
    pub fn count(&self, choice: &Choice) -> u64 {
        self.counts
            .iter()
            .find(|(name, _)| name == choice)
            .map_or(0, |(_, count)| *count)
    }

    /// The count for the name `choice` (0 when never seen or longer than any name).
    pub fn get(&self, choice: &str) -> u64 {
        Choice::new(choice).map_or(0, |choice| self.count(&choice))
    }

    pub fn total(&self) -> u64 {
        self.total
    }

    /// `(choice, count)` pairs, in the order the names first appeared.
    pub fn iter(&self) -> impl Iterator<Item = (&Choice, u64)> {
        self.counts.iter().map(|(name, count)| (name, *count))
    }
}

/// Every vote as cast.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawTally(pub Tally);

impl Projection<PollEvent> for RawTally {
    #[inline]
    fn fold(&mut self, event: &PollEvent) {
        if let PollEvent::VoteCast { choice, .. } = event {
            self.0.add(choice);
        }
    }
}

/// One ballot per voter: their first vote counts, later ones do not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ballots {
    pub voters: VoterSet,
    pub tally: Tally,
    bugs: Bugs,
}

impl Projection<PollEvent> for Ballots {
    #[inline]
    fn fold(&mut self, event: &PollEvent) {
        if let PollEvent::VoteCast { voter, choice } = event {
            let first = self.voters.insert(*voter);
            if first || self.bugs.has(SECOND_VOTE_COUNTS) {
                self.tally.add(choice);
            }
        }
    }
}

/// Ballots that name a choice the poll offered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ValidTally {
    offered: Vec<Choice>,
    voters: VoterSet,
    pub tally: Tally,
    bugs: Bugs,
}

impl Projection<PollEvent> for ValidTally {
    #[inline]
    fn fold(&mut self, event: &PollEvent) {
        match event {
            PollEvent::PollOpened { choices } => self.offered.clone_from(choices),
            PollEvent::VoteCast { voter, choice } => {
                let first = self.voters.insert(*voter);
                let offered =
                    self.offered.contains(choice) || self.bugs.has(MISSPELLING_COUNTS_AS_VALID);
                if first && offered {
                    self.tally.add(choice);
                }
            }
            PollEvent::VotingStopped => {}
        }
    }
}

/// The three read models, folded together as the harness's live projections.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PollViews {
    pub raw: RawTally,
    pub ballots: Ballots,
    pub valid: ValidTally,
}

impl PollViews {
    /// Empty views; `bugs` switches on the projection bugs.
    pub fn new(bugs: Bugs) -> Self {
        PollViews {
            raw: RawTally::default(),
            ballots: Ballots {
                bugs,
                ..Ballots::default()
            },
            valid: ValidTally {
                bugs,
                ..ValidTally::default()
            },
        }
    }
}

impl Projection<PollEvent> for PollViews {
    #[inline]
    fn fold(&mut self, event: &PollEvent) {
        self.raw.fold(event);
        self.ballots.fold(event);
        self.valid.fold(event);
    }
}

/// The raw tally of the first `n` votes of a stream: a projection over a prefix.
pub fn first_votes(events: &[PollEvent], n: usize) -> RawTally {
    let end = events
        .iter()
        .enumerate()
        .filter(|(_, event)| matches!(event, PollEvent::VoteCast { .. }))
        .nth(n.saturating_sub(1))
        .map_or(events.len(), |(index, _)| index + 1);
    let end = if n == 0 { 0 } else { end };
    project(RawTally::default(), &events[..end])
}
