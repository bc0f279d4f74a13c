//! A post office for the tests of the world, the trace and the view: letters wait in an
//! outbox and are handled by the message `Handle`, with three planted bugs (a letter handled
//! twice counts twice; an event field lost in serialization; a handler that refuses every
//! letter).

use rewind_engine::{Bug, BugId, Bugs, Choices, Domain, Env, Faults, Invariant, Model};
use serde::{Deserialize, Serialize};

pub const COUNTS_REPEATS: BugId = BugId(0);
pub const LOSES_STAMPS: BugId = BugId(1);
pub const REFUSES_LETTERS: BugId = BugId(2);

pub struct Post;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Act {
    Write,
    Handle { letter: u32 },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Fact {
    /// `stamps` is not written to storage: with `LOSES_STAMPS` planted it carries 1, and a
    /// restart reads back 0.
    Written {
        letter: u32,
        #[serde(skip)]
        stamps: u32,
    },
    Handled {
        letter: u32,
    },
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Office {
    pub written: u32,
    pub waiting: Vec<u32>,
    pub handled: u32,
    pub stamps: u32,
}

impl Domain for Post {
    const NAME: &'static str = "post";
    const SCHEMA: u32 = 1;
    const ASYNC: bool = true;
    type Config = ();
    type State = Office;
    type Action = Act;
    type Event = Fact;
    type Reject = String;

    fn initial(_config: &(), _bugs: Bugs) -> Office {
        Office::default()
    }

    fn decide(
        state: &Office,
        action: &Act,
        env: &mut Env,
        out: &mut Vec<Fact>,
    ) -> Result<(), String> {
        match *action {
            Act::Write if state.written < 50 => out.push(Fact::Written {
                letter: state.written,
                stamps: u32::from(env.planted(LOSES_STAMPS)),
            }),
            Act::Write => return Err("the office is full".into()),
            Act::Handle { .. } if env.planted(REFUSES_LETTERS) => {
                return Err("the handler refuses every letter".into());
            }
            Act::Handle { letter } => {
                let waiting = state.waiting.contains(&letter);
                if waiting || (env.planted(COUNTS_REPEATS) && letter < state.written) {
                    out.push(Fact::Handled { letter });
                }
            }
        }
        Ok(())
    }

    fn apply(state: &mut Office, event: &Fact) {
        match *event {
            Fact::Written { letter, stamps } => {
                state.written += 1;
                state.waiting.push(letter);
                state.stamps += stamps;
            }
            Fact::Handled { letter } => {
                state.waiting.retain(|&waiting| waiting != letter);
                state.handled += 1;
            }
        }
    }

    fn outbox(state: &Office, out: &mut Vec<Act>) {
        out.extend(state.waiting.iter().map(|&letter| Act::Handle { letter }));
    }
}

impl Model for Post {
    type Projections = ();
    const ACTION_KINDS: &'static [&'static str] = &["write", "handle"];
    const COVERAGE: &'static [&'static str] = &["written"];
    const BUGS: &'static [Bug] = &[
        Bug {
            id: COUNTS_REPEATS,
            name: "counts_repeats",
            effect: "a letter handled twice counts twice",
        },
        Bug {
            id: LOSES_STAMPS,
            name: "loses_stamps",
            effect: "stamps are not written to storage",
        },
        Bug {
            id: REFUSES_LETTERS,
            name: "refuses_letters",
            effect: "the handler refuses every letter",
        },
    ];
    const FAULTS: Faults = Faults::AT_LEAST_ONCE;

    fn projections(_config: &(), _bugs: Bugs) {}

    fn next_action(_state: &Office, _choices: &mut dyn Choices) -> Act {
        Act::Write
    }

    fn action_kind(action: &Act) -> usize {
        usize::from(matches!(action, Act::Handle { .. }))
    }

    fn invariants() -> &'static [Invariant<Self>] {
        &[Invariant {
            name: "handled_once",
            check: |state, _| match state.handled <= state.written {
                true => Ok(()),
                false => Err(format!("{} handled of {}", state.handled, state.written)),
            },
        }]
    }

    fn eventually() -> &'static [Invariant<Self>] {
        &[Invariant {
            name: "every_letter_handled",
            check: |state, _| match state.waiting.first() {
                None => Ok(()),
                Some(letter) => Err(format!("letter {letter} is still waiting")),
            },
        }]
    }
}
