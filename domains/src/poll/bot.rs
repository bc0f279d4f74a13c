//! The bot: an organiser and a crowd of voters who mostly vote sensibly, but double-vote,
//! misspell, vote before the poll opens or after it closes, and send junk.

use rewind::Choices;

use super::action::{Choice, PollAction, Voter, choice};
use super::state::{Phase, PollState};

const WORDS: [&str; 6] = ["tea", "coffee", "cocoa", "juice", "water", "milk"];
const MISSPELLINGS: [&str; 4] = ["Tea", "cofee", "coco", "watter"];
/// Not choices at all: empty, padded, a control character.
const JUNK: [&str; 3] = ["", " tea", "tea\n"];
/// Voters come from a small crowd, so second votes happen naturally.
const CROWD: u32 = 24;

pub fn next_action(state: &PollState, choices: &mut dyn Choices) -> PollAction {
    match state.phase {
        Phase::NotOpen => match choices.weighted(&[90, 4, 3, 3]) {
            0 => open(choices),
            1 => vote(state, choices),
            2 => PollAction::OpenPoll {
                choices: vec![word(choices, &WORDS); 2],
            },
            _ => PollAction::StopVoting,
        },
        Phase::Open => match choices.weighted(&[92, 4, 1, 2, 1]) {
            0 => vote(state, choices),
            1 => PollAction::Vote {
                voter: voter(choices),
                choice: word(choices, &MISSPELLINGS),
            },
            2 => PollAction::StopVoting,
            3 => junk_vote(choices),
            _ => open(choices),
        },
        Phase::Closed => match choices.weighted(&[90, 5, 5]) {
            0 => vote(state, choices),
            1 => PollAction::StopVoting,
            _ => open(choices),
        },
    }
}

fn open(choices: &mut dyn Choices) -> PollAction {
    let count = 1 + choices.below(4) as usize;
    let start = choices.below(WORDS.len() as u32) as usize;
    let offered = (0..count)
        .map(|i| choice(WORDS[(start + i) % WORDS.len()]))
        .collect();
    PollAction::OpenPoll { choices: offered }
}

fn vote(state: &PollState, choices: &mut dyn Choices) -> PollAction {
    let pick = if state.choices.is_empty() {
        choice(WORDS[0])
    } else {
        *choices.pick(&state.choices)
    };
    PollAction::Vote {
        voter: voter(choices),
        choice: pick,
    }
}

fn voter(choices: &mut dyn Choices) -> Voter {
    1 + choices.below(CROWD)
}

fn junk_vote(choices: &mut dyn Choices) -> PollAction {
    if choices.chance(1, 2) {
        PollAction::Vote {
            voter: 0,
            choice: choice(WORDS[0]),
        }
    } else {
        PollAction::Vote {
            voter: voter(choices),
            choice: word(choices, &JUNK),
        }
    }
}

/// One word of a fixed list, as a choice.
fn word(choices: &mut dyn Choices, list: &[&'static str]) -> Choice {
    choice(choices.pick::<&str>(list))
}
