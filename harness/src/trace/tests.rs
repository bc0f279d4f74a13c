//! The trace of small logs of the harness's test domain.

use super::{TraceOptions, trace};
use crate::test_domain::{NOTHING_RECORDED, tally_log};

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

#[test]
fn a_domain_without_projections_shows_no_projections_line() {
    let log = tally_log("[5]", NOTHING_RECORDED);
    for raw in [false, true] {
        let options = TraceOptions {
            raw,
            ..TraceOptions::default()
        };
        let shown = trace(&log, "tally.json", &options);
        assert!(!shown.contains("projections"), "{shown}");
        assert!(shown.contains("state after step 0:\n5\n"), "{shown}");
    }
}
