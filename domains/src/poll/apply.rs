//! The calculator: the only code that changes a poll's state.

use super::event::PollEvent;
use super::state::{Phase, PollState};

pub fn apply(state: &mut PollState, event: &PollEvent) {
    match event {
        PollEvent::PollOpened { choices } => {
            state.phase = Phase::Open;
            state.choices.clone_from(choices);
        }
        PollEvent::VoteCast { .. } => state.votes_cast += 1,
        PollEvent::VotingStopped => {
            state.phase = Phase::Closed;
            state.votes_at_close = Some(state.votes_cast);
        }
    }
}
