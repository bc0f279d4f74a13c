//! A gauge that declares which invariants its events touch (`Model::touches`), rightly or
//! not: `Gauge<true>` says an addition touches `below_50`, `Gauge<false>` says nothing does.

use rewind_engine::{Bugs, Choices, Domain, Env, Invariant, Model, Touched};

use super::Tally;

pub struct Gauge<const RIGHT: bool>;

/// The tally's rules (see [`Tally`]); only the model differs.
impl<const RIGHT: bool> Domain for Gauge<RIGHT> {
    const NAME: &'static str = "gauge";
    const SCHEMA: u32 = 1;
    type Config = ();
    type State = u32;
    type Action = u8;
    type Event = u8;
    type Reject = String;

    fn initial(config: &(), bugs: Bugs) -> u32 {
        Tally::initial(config, bugs)
    }

    fn decide(state: &u32, action: &u8, env: &mut Env, out: &mut Vec<u8>) -> Result<(), String> {
        Tally::decide(state, action, env, out)
    }

    fn apply(state: &mut u32, event: &u8) {
        Tally::apply(state, event);
    }
}

impl<const RIGHT: bool> Model for Gauge<RIGHT> {
    type Projections = ();
    const ACTION_KINDS: &'static [&'static str] = &["add"];
    const CHECKS_TOUCHED_ONLY: bool = true;

    fn projections(_config: &(), _bugs: Bugs) {}

    fn next_action(_state: &u32, choices: &mut dyn Choices) -> u8 {
        choices.below(10) as u8
    }

    fn action_kind(_action: &u8) -> usize {
        0
    }

    fn invariants() -> &'static [Invariant<Self>] {
        &[
            Invariant {
                name: "always_true",
                check: |_, _| Ok(()),
            },
            Invariant {
                name: "below_50",
                check: |state, _| match *state {
                    0..50 => Ok(()),
                    over => Err(format!("the gauge reads {over}")),
                },
            },
        ]
    }

    fn touches(_event: &u8) -> Touched {
        match RIGHT {
            true => Touched::of(&[1]),
            false => Touched::NONE,
        }
    }
}
