//! Helpers shared by the kernel tests: a long bot-driven run, prefix states, panic messages.

use std::panic::{AssertUnwindSafe, catch_unwind};

use rewind_engine::{Bugs, Domain, Engine, Model, RandomChoices};

use crate::ledger::{Ledger, LedgerConfig, LedgerEvent, LedgerState};

/// A run of the ledger's bot from `seed` until the event log holds at least `min_events`
/// (bounded: at most `4 * min_events` steps).
pub fn bot_run(seed: u64, bugs: Bugs, min_events: usize) -> Engine<Ledger> {
    let mut engine = Engine::<Ledger>::new(LedgerConfig::default(), seed, bugs);
    let mut choices = RandomChoices::new(seed);
    for _ in 0..4 * min_events {
        if engine.events().len() >= min_events {
            break;
        }
        let action = Ledger::next_action(engine.state(), &mut choices);
        let _ = engine.dispatch(action);
    }
    assert!(
        engine.events().len() >= min_events,
        "the bot produced only {} events in {} steps",
        engine.events().len(),
        engine.steps()
    );
    engine
}

/// `states[n]`: the state after the first `n` events, applied one at a time.
pub fn prefix_states(bugs: Bugs, events: &[LedgerEvent]) -> Vec<LedgerState> {
    let mut state = Ledger::initial(&LedgerConfig::default(), bugs);
    let mut states = Vec::with_capacity(events.len() + 1);
    states.push(state.clone());
    for event in events {
        Ledger::apply(&mut state, event);
        states.push(state.clone());
    }
    states
}

/// Runs `f`, which must panic, and returns its panic message.
#[track_caller]
pub fn panic_message(f: impl FnOnce()) -> String {
    let payload = match catch_unwind(AssertUnwindSafe(f)) {
        Ok(()) => panic!("expected a panic, but it returned normally"),
        Err(payload) => payload,
    };
    if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else {
        panic!("the panic payload is not text")
    }
}

/// Asserts `text` contains every one of `parts`, showing the whole text when it does not.
#[track_caller]
pub fn assert_contains(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "expected to find {part:?} in:\n{text}");
    }
}
