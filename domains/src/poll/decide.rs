//! The rules: which actions a poll accepts, and why it refuses the others.

use std::fmt;

use rewind::Env;

use super::action::{Choice, MAX_CHOICES, PollAction};
use super::bugs::VOTE_AFTER_CLOSE_ACCEPTED;
use super::event::PollEvent;
use super::state::{Phase, PollState};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PollReject {
    AlreadyOpened,
    NoChoices,
    TooManyChoices {
        offered: usize,
    },
    DuplicateChoice(Choice),
    /// An empty name, or one with control characters or surrounding spaces.
    MalformedChoice(Choice),
    /// Voter ids start at 1.
    NoSuchVoter,
    NotOpenYet,
    Closed,
}

impl fmt::Display for PollReject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PollReject::AlreadyOpened => write!(f, "the poll is already open"),
            PollReject::NoChoices => write!(f, "a poll needs at least one choice"),
            PollReject::TooManyChoices { offered } => {
                write!(f, "{offered} choices offered; at most {MAX_CHOICES}")
            }
            PollReject::DuplicateChoice(choice) => write!(f, "choice `{choice}` is offered twice"),
            PollReject::MalformedChoice(choice) => {
                write!(f, "`{choice}` is not a well-formed choice name")
            }
            PollReject::NoSuchVoter => write!(f, "voter 0 does not exist (ids start at 1)"),
            PollReject::NotOpenYet => write!(f, "the poll has not opened"),
            PollReject::Closed => write!(f, "voting has stopped"),
        }
    }
}

pub fn decide(
    state: &PollState,
    action: &PollAction,
    env: &mut Env,
    out: &mut Vec<PollEvent>,
) -> Result<(), PollReject> {
    match action {
        PollAction::OpenPoll { choices } => {
            if state.phase != Phase::NotOpen {
                return Err(PollReject::AlreadyOpened);
            }
            check_offered(choices)?;
            out.push(PollEvent::PollOpened {
                choices: choices.clone(),
            });
        }
        PollAction::Vote { voter, choice } => {
            if *voter == 0 {
                return Err(PollReject::NoSuchVoter);
            }
            if !well_formed(choice) {
                return Err(PollReject::MalformedChoice(*choice));
            }
            match state.phase {
                Phase::NotOpen => return Err(PollReject::NotOpenYet),
                Phase::Closed if !env.planted(VOTE_AFTER_CLOSE_ACCEPTED) => {
                    return Err(PollReject::Closed);
                }
                Phase::Open | Phase::Closed => {}
            }
            out.push(PollEvent::VoteCast {
                voter: *voter,
                choice: *choice,
            });
        }
        PollAction::StopVoting => match state.phase {
            Phase::NotOpen => return Err(PollReject::NotOpenYet),
            Phase::Closed => return Err(PollReject::Closed),
            Phase::Open => out.push(PollEvent::VotingStopped),
        },
    }
    Ok(())
}

fn check_offered(choices: &[Choice]) -> Result<(), PollReject> {
    if choices.is_empty() {
        return Err(PollReject::NoChoices);
    }
    if choices.len() > MAX_CHOICES {
        return Err(PollReject::TooManyChoices {
            offered: choices.len(),
        });
    }
    for (index, choice) in choices.iter().enumerate() {
        if !well_formed(choice) {
            return Err(PollReject::MalformedChoice(*choice));
        }
        if choices[..index].contains(choice) {
            return Err(PollReject::DuplicateChoice(*choice));
        }
    }
    Ok(())
}

/// A misspelling is a well-formed name (it is recorded, and projections leave it out); junk
/// is not: empty, control characters, or leading/trailing spaces.
fn well_formed(choice: &Choice) -> bool {
    let bytes = choice.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) if bytes.is_ascii() => {
            !first.is_ascii_whitespace()
                && !last.is_ascii_whitespace()
                && !bytes.iter().any(u8::is_ascii_control)
        }
        (Some(_), Some(_)) => {
            let text = choice.as_str();
            text.trim() == text && !text.chars().any(char::is_control)
        }
        _ => false,
    }
}
