//! The trace of small logs of the harness's test domain.

use super::{TraceOptions, trace};
use crate::test_domain::post::Post;
use crate::test_domain::{NOTHING_RECORDED, log_of, tally_log};

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

#[test]
fn the_diff_names_the_field_of_each_changed_line() {
    let log = log_of::<Post>(
        r#"["Write", {"Handle": {"letter": 0}}]"#,
        NOTHING_RECORDED,
        None,
    );
    let options = TraceOptions {
        diff: true,
        ..TraceOptions::default()
    };
    let shown = trace(&log, "post.json", &options);
    for line in [
        "step 0    Write\n",
        "           - written: 0\n           + written: 1\n",
        "           - waiting: []\n           + waiting: [\n           + waiting[0]: 0\n",
        "step 1    Handle { letter: 0 }\n           → Handled { letter: 0 }\n\
         \x20          - waiting: [\n           + waiting: []\n           - waiting[0]: 0\n\
         \x20          - handled: 0\n           + handled: 1\n",
    ] {
        assert!(shown.contains(line), "no {line:?} in\n{shown}");
    }
}
