//! The trace of small logs of the harness's test domain.

use rewind_engine::{Log, TypedLog};

use super::{TraceOptions, trace};
use crate::test_domain::Tally;

/// A tally log of `actions` (a JSON list), recording `violation` (a JSON object).
fn tally_log(actions: &str, violation: &str) -> TypedLog<Tally> {
    let text = format!(
        r#"{{"format": "rewind-log/3", "domain": "tally", "schema": 1, "seed": 1,
            "found_by": "a test", "actions": {actions}, "violation": {violation}}}"#
    );
    Log::parse("tally.json", &text)
        .and_then(|log| log.decode::<Tally>("tally.json"))
        .expect("a valid tally log")
}

const NOTHING_RECORDED: &str = r#"{"invariant": "at_most_1000", "step": 0, "message": "m"}"#;

#[test]
fn counts_agree_with_their_nouns() {
    let one = trace(
        &tally_log("[5]", NOTHING_RECORDED),
        "tally.json",
        &TraceOptions::default(),
    );
    assert!(one.contains("seed 1 · 1 step · "), "{one}");
    assert!(one.contains("no invariant broke in 1 step\n"), "{one}");
    let two = trace(
        &tally_log("[5, 6]", NOTHING_RECORDED),
        "tally.json",
        &TraceOptions::default(),
    );
    assert!(two.contains("seed 1 · 2 steps · "), "{two}");
    assert!(two.contains("no invariant broke in 2 steps\n"), "{two}");
}
