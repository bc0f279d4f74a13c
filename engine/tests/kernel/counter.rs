//! `Counter`: the test domain without reactors (`REACTS` is false), so dispatch takes the
//! single-action path, and without an upcaster, so older logs meet the default refusal.

use std::fmt;

use rewind_engine::{Bugs, Choices, Domain, Env, Invariant, Model};
use serde::{Deserialize, Serialize};

pub struct Counter;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CounterAction {
    Add {
        by: i64,
    },
    /// Pushes `times` events, then refuses when `times` is above 3: the pushed events must
    /// be discarded.
    AddEach {
        by: i64,
        times: u32,
    },
    /// A deliberately broken rule: `decide` panics.
    Explode,
}

#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CounterEvent {
    Added { by: i64 },
}

#[derive(Clone, Debug, PartialEq)]
pub enum CounterReject {
    Zero,
    TooMany { times: u32 },
}

impl fmt::Display for CounterReject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CounterReject::Zero => write!(f, "adding zero"),
            CounterReject::TooMany { times } => write!(f, "{times} additions; at most 3"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CounterState {
    pub value: i64,
    pub additions: u64,
}

impl Domain for Counter {
    const NAME: &'static str = "counter";
    const SCHEMA: u32 = 3;

    type Config = ();
    type State = CounterState;
    type Action = CounterAction;
    type Event = CounterEvent;
    type Reject = CounterReject;

    fn initial(_config: &(), _bugs: Bugs) -> CounterState {
        CounterState {
            value: 0,
            additions: 0,
        }
    }

    fn decide(
        _state: &CounterState,
        action: &CounterAction,
        _env: &mut Env,
        out: &mut Vec<CounterEvent>,
    ) -> Result<(), CounterReject> {
        match *action {
            CounterAction::Add { by } => {
                if by == 0 {
                    return Err(CounterReject::Zero);
                }
                out.push(CounterEvent::Added { by });
            }
            CounterAction::AddEach { by, times } => {
                for _ in 0..times.min(10) {
                    out.push(CounterEvent::Added { by });
                }
                if times > 3 {
                    return Err(CounterReject::TooMany { times });
                }
            }
            CounterAction::Explode => panic!("the counter exploded"),
        }
        Ok(())
    }

    fn apply(state: &mut CounterState, event: &CounterEvent) {
        let CounterEvent::Added { by } = *event;
        state.value += by;
        state.additions += 1;
    }

    /// Would refuse every step if it were consulted: `REACTS` is false, so it must not be.
    fn react(_state: &CounterState, _event: &CounterEvent, out: &mut Vec<CounterAction>) {
        out.push(CounterAction::Add { by: 0 });
    }
}

impl Model for Counter {
    type Projections = ();

    const ACTION_KINDS: &'static [&'static str] = &["add", "add_each", "explode"];

    fn projections(_config: &(), _bugs: Bugs) {}

    fn next_action(_state: &CounterState, choices: &mut dyn Choices) -> CounterAction {
        CounterAction::Add {
            by: choices.between(1, 9) as i64,
        }
    }

    fn action_kind(action: &CounterAction) -> usize {
        match action {
            CounterAction::Add { .. } => 0,
            CounterAction::AddEach { .. } => 1,
            CounterAction::Explode => 2,
        }
    }

    fn invariants() -> &'static [Invariant<Self>] {
        &[]
    }
}
