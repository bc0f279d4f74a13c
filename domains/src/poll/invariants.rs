//! What must hold after every dispatch. Each check is O(choices), never O(votes).

use rewind::Invariant;

use super::Poll;
use super::projections::PollViews;
use super::state::{Phase, PollState};

pub const INVARIANTS: &[Invariant<Poll>] = &[
    Invariant {
        name: "raw_tally_counts_every_vote",
        check: raw_tally_counts_every_vote,
    },
    Invariant {
        name: "valid_le_voters_le_cast",
        check: valid_le_voters_le_cast,
    },
    Invariant {
        name: "one_ballot_per_voter",
        check: one_ballot_per_voter,
    },
    Invariant {
        name: "no_tally_for_unoffered_choice",
        check: no_tally_for_unoffered_choice,
    },
    Invariant {
        name: "valid_tally_within_ballots",
        check: valid_tally_within_ballots,
    },
    Invariant {
        name: "closed_poll_accepts_nothing",
        check: closed_poll_accepts_nothing,
    },
];

/// The raw tally counts exactly the votes the state saw cast.
fn raw_tally_counts_every_vote(state: &PollState, views: &PollViews) -> Result<(), String> {
    let raw = views.raw.0.total();
    if raw == state.votes_cast {
        Ok(())
    } else {
        Err(format!(
            "raw tally holds {raw} votes but {} were cast",
            state.votes_cast
        ))
    }
}

/// Valid ballots ≤ distinct voters ≤ votes cast: each projection only ever drops votes.
fn valid_le_voters_le_cast(_state: &PollState, views: &PollViews) -> Result<(), String> {
    let valid = views.valid.tally.total();
    let voters = views.ballots.voters.len();
    let cast = views.raw.0.total();
    if valid <= voters && voters <= cast {
        Ok(())
    } else {
        Err(format!(
            "valid {valid} ≤ voters {voters} ≤ cast {cast} does not hold"
        ))
    }
}

/// The one-vote projection holds exactly one ballot per distinct voter.
fn one_ballot_per_voter(_state: &PollState, views: &PollViews) -> Result<(), String> {
    let ballots = views.ballots.tally.total();
    let voters = views.ballots.voters.len();
    if ballots == voters {
        Ok(())
    } else {
        let s = |n: u64| if n == 1 { "" } else { "s" };
        Err(format!(
            "{ballots} ballot{} counted for {voters} distinct voter{}",
            s(ballots),
            s(voters)
        ))
    }
}

/// The valid tally names only choices the poll offered.
fn no_tally_for_unoffered_choice(state: &PollState, views: &PollViews) -> Result<(), String> {
    match views
        .valid
        .tally
        .iter()
        .find(|(choice, count)| *count > 0 && !state.offers(choice))
    {
        None => Ok(()),
        Some((choice, count)) => Err(format!(
            "valid tally counts {count} for `{choice}`, which the poll does not offer ({:?})",
            state.choices.iter().map(|c| c.as_str()).collect::<Vec<_>>()
        )),
    }
}

/// Per choice, valid ballots never exceed ballots.
fn valid_tally_within_ballots(_state: &PollState, views: &PollViews) -> Result<(), String> {
    for (choice, valid) in views.valid.tally.iter() {
        let ballots = views.ballots.tally.count(choice);
        if valid > ballots {
            return Err(format!(
                "`{choice}` has {valid} valid ballots but only {ballots} ballots"
            ));
        }
    }
    Ok(())
}

/// Once voting stopped, no vote lands.
fn closed_poll_accepts_nothing(state: &PollState, _views: &PollViews) -> Result<(), String> {
    match (state.phase, state.votes_at_close) {
        (Phase::Closed, Some(at_close)) if state.votes_cast != at_close => Err(format!(
            "{} votes were cast after voting stopped at {at_close}",
            state.votes_cast - at_close
        )),
        _ => Ok(()),
    }
}
