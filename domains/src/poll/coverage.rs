//! Coverage labels: which situations a run reached.

use rewind::Coverage;

use super::event::PollEvent;
use super::state::PollState;

pub const LABELS: &[&str] = &[
    "poll_opened",
    "vote_cast",
    "vote_for_unoffered_choice",
    "voting_stopped",
    "voting_stopped_without_votes",
    "poll_closed_after_20_votes",
];

pub fn cover(state: &PollState, event: &PollEvent, coverage: &mut Coverage) {
    match event {
        PollEvent::PollOpened { .. } => coverage.hit(0),
        PollEvent::VoteCast { choice, .. } => {
            coverage.hit(1);
            if !state.offers(choice) {
                coverage.hit(2);
            }
        }
        PollEvent::VotingStopped => {
            coverage.hit(3);
            if state.votes_cast == 0 {
                coverage.hit(4);
            }
            if state.votes_cast >= 20 {
                coverage.hit(5);
            }
        }
    }
}
