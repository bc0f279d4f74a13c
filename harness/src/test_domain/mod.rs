//! Domains for the harness's own unit tests, which may name no showcase: a tally that adds
//! small numbers, has no settings, one invariant and no planted bug (here), and a post office
//! with an outbox and planted bugs ([`post`]).

pub mod gauge;
pub mod post;
pub mod wallets;

use rewind_engine::{Bugs, Choices, Domain, Env, Invariant, LOG_FORMAT, Log, Model, TypedLog};

pub struct Tally;

impl Domain for Tally {
    const NAME: &'static str = "tally";
    const SCHEMA: u32 = 1;
    type Config = ();
    type State = u32;
    type Action = u8;
    type Event = u8;
    type Reject = String;

    fn initial(_config: &(), _bugs: Bugs) -> u32 {
        0
    }

    fn decide(state: &u32, action: &u8, _env: &mut Env, out: &mut Vec<u8>) -> Result<(), String> {
        if state.saturating_add(u32::from(*action)) > 1_000 {
            return Err(format!("{state} + {action} is over 1000"));
        }
        out.push(*action);
        Ok(())
    }

    fn apply(state: &mut u32, event: &u8) {
        *state += u32::from(*event);
    }
}

impl Model for Tally {
    type Projections = ();
    const ACTION_KINDS: &'static [&'static str] = &["add"];

    fn projections(_config: &(), _bugs: Bugs) {}

    fn next_action(_state: &u32, choices: &mut dyn Choices) -> u8 {
        choices.below(20) as u8
    }

    fn action_kind(_action: &u8) -> usize {
        0
    }

    fn invariants() -> &'static [Invariant<Self>] {
        &[Invariant {
            name: "at_most_1000",
            check: |state, _| match *state {
                0..=1_000 => Ok(()),
                over => Err(format!("the tally is {over}")),
            },
        }]
    }
}

/// A tally log of `actions` (a JSON list) recording `violation` (a JSON object), read as a
/// stored log is read.
pub fn tally_log(actions: &str, violation: &str) -> TypedLog<Tally> {
    log_of::<Tally>(actions, violation, None)
}

/// A log of `M` of `actions` (a JSON list of steps) recording `violation` (a JSON object),
/// found with `bug` planted, read as a stored log of the current format is read (so it may
/// hold every kind of step, clients' included).
pub fn log_of<M: Model>(actions: &str, violation: &str, bug: Option<&str>) -> TypedLog<M> {
    let bug = bug.map_or(String::new(), |bug| format!(r#""bug": "{bug}","#));
    let text = format!(
        r#"{{"format": "{LOG_FORMAT}", "domain": "{}", "schema": {}, "seed": 1, {bug}
            "found_by": "a test", "actions": {actions}, "violation": {violation}}}"#,
        M::NAME,
        M::SCHEMA
    );
    Log::parse("test.json", &text)
        .and_then(|log| log.decode::<M>("test.json"))
        .expect("a valid log")
}

/// A recorded violation that a tally of small numbers never shows.
pub const NOTHING_RECORDED: &str = r#"{"invariant": "at_most_1000", "step": 0, "message": "m"}"#;
