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

/// A post log where a letter delivered twice counts twice: with `counts_repeats` planted,
/// `handled_once` breaks at step 2; the log records `recorded_step`.
fn repeated_letter(recorded_step: usize) -> rewind_engine::TypedLog<Post> {
    log_of::<Post>(
        r#"["Write", {"deliver": {"Handle": {"letter": 0}}}, {"redeliver": {"Handle": {"letter": 0}}}]"#,
        &format!(r#"{{"invariant": "handled_once", "step": {recorded_step}, "message": "m"}}"#),
        Some("counts_repeats"),
    )
}

#[test]
fn a_replay_that_breaks_as_recorded_warns_of_nothing() {
    let shown = trace(&repeated_letter(2), "post.json", &TraceOptions::default());
    assert!(shown.contains("✗ `handled_once` broke"), "{shown}");
    assert!(
        !shown.contains("warning") && !shown.contains("note:"),
        "{shown}"
    );
}

#[test]
fn a_replay_that_breaks_elsewhere_says_so_at_the_top_and_the_end() {
    let options = TraceOptions {
        program: "./shop".into(),
        ..TraceOptions::default()
    };
    let shown = trace(&repeated_letter(1), "corpus/post/x.json", &options);
    let warning = "warning: the log records `handled_once` at step 1, but this replay with \
                   `counts_repeats` planted breaks `handled_once` at step 2; `./shop corpus \
                   check corpus/post` fails this log\n";
    assert!(
        shown.contains(&format!(
            "recorded: `handled_once` broke at step 1: m\n{warning}\n"
        )),
        "{shown}"
    );
    assert!(shown.ends_with(&format!("\n{warning}")), "{shown}");
}

#[test]
fn without_its_bug_a_replay_that_breaks_nothing_is_as_expected() {
    let options = TraceOptions {
        without_bug: true,
        ..TraceOptions::default()
    };
    let shown = trace(&repeated_letter(2), "post.json", &options);
    assert!(shown.contains("no invariant broke in 3 steps"), "{shown}");
    assert!(
        shown.contains(
            "note: the log records `handled_once` at step 2 with `counts_repeats` planted; \
             replayed without it, nothing breaks, as expected"
        ),
        "{shown}"
    );
    assert_eq!(
        shown.matches("note:").count(),
        1,
        "a note once, at the top:\n{shown}"
    );
    assert!(!shown.contains("warning"), "{shown}");
}

#[test]
fn a_replay_cut_short_by_to_says_nothing_of_the_record() {
    let options = TraceOptions {
        to: Some(1),
        ..TraceOptions::default()
    };
    let shown = trace(&repeated_letter(2), "post.json", &options);
    assert!(
        !shown.contains("warning") && !shown.contains("note:"),
        "{shown}"
    );
}

#[test]
fn the_messages_waiting_show_after_each_step_where_any_wait() {
    let log = log_of::<Post>(
        r#"["Write", "Write", {"deliver": {"Handle": {"letter": 1}}}, {"deliver": {"Handle": {"letter": 0}}}]"#,
        NOTHING_RECORDED,
        None,
    );
    let shown = trace(&log, "post.json", &TraceOptions::default());
    let steps: Vec<&str> = shown.split("\nstep ").skip(1).collect();
    let waiting = |step: &str| {
        step.lines()
            .find_map(|line| line.strip_prefix("           waiting: "))
            .map(str::to_string)
    };
    assert_eq!(
        steps.iter().map(|step| waiting(step)).collect::<Vec<_>>(),
        [
            Some("Handle { letter: 0 }".to_string()),
            Some("Handle { letter: 0 }, Handle { letter: 1 }".to_string()),
            Some("Handle { letter: 0 }".to_string()),
            None,
        ],
        "{shown}"
    );
    let tally = trace(
        &tally_log("[5]", NOTHING_RECORDED),
        "t.json",
        &TraceOptions::default(),
    );
    assert!(!tally.contains("waiting"), "{tally}");
}

#[test]
fn a_check_at_the_end_of_the_run_shows_where_the_run_ended() {
    let log = log_of::<Post>(
        r#"["Write"]"#,
        r#"{"invariant": "every_letter_handled", "step": 1, "message": "m"}"#,
        Some("refuses_letters"),
    );
    let shown = trace(&log, "post.json", &TraceOptions::default());
    assert!(
        shown.contains(
            "drain      deliver Handle { letter: 0 }\n           refused: the handler refuses \
             every letter\n           waiting: Handle { letter: 0 }\n"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("\n           ✗ `every_letter_handled` broke: letter 0 is still waiting\n"),
        "{shown}"
    );
    assert!(shown.contains("\nstate after the drain:\n"), "{shown}");
    assert!(!shown.contains("warning"), "{shown}");
}
