//! Whether a replay shows what its log records, said in one line when it does not.
//!
//! A log records the invariant that broke and the step. When a replay breaks another one,
//! elsewhere, or nothing, the trace alone reads like a log that proves nothing, and nothing
//! else says so: `replay` is a viewer and exits 0 either way, while `corpus check` is what
//! fails such a log. So the trace says what differs, and which outcome was to be expected:
//! replayed without its planted bug (`--without-bug`), a log is expected to break nothing, and
//! so is a log of a real defect (no planted bug) once the defect is fixed; those get a note,
//! the rest a warning.

use rewind_engine::{Bug, Violation};

use crate::regression::same_place;

/// What a trace says about a replay's outcome beside the log's record.
#[derive(Debug, PartialEq, Eq)]
pub struct Said {
    /// A warning (the replay does not do what the log, or `corpus check`, expects), or a note
    /// (it does what was to be expected, which is not what the log records).
    pub warning: bool,
    /// The line, starting `warning: ` or `note: `.
    pub line: String,
}

/// What a trace says about the replay's outcome beside the log's record: nothing when the
/// replay breaks what the log records where it records it.
///
/// `bug` is the log's planted bug, `planted` whether this replay planted it, `known` whether
/// the log is marked as a known defect (then breaking nothing is what `corpus check` fails),
/// `found` what broke, and `check` the command that checks the log's folder.
pub fn verdict(
    recorded: &Violation,
    found: Option<&Violation>,
    bug: Option<&Bug>,
    planted: bool,
    known: bool,
    check: &str,
) -> Option<Said> {
    let records = format!(
        "the log records `{}` at step {}",
        recorded.invariant, recorded.step
    );
    let breaks = |found: &Violation| format!("breaks `{}` at step {}", found.invariant, found.step);
    let as_recorded = |found: &Violation| same_place(found, recorded);
    match (bug, planted, found) {
        (Some(_), true, Some(found)) | (None, _, Some(found)) if as_recorded(found) => None,
        (Some(bug), true, Some(found)) => warning(format!(
            "warning: {records}, but this replay with `{}` planted {}; `{check}` fails this log",
            bug.name,
            breaks(found)
        )),
        (Some(bug), true, None) => warning(format!(
            "warning: {records}, but this replay with `{}` planted breaks nothing: the harness \
             no longer catches this bug; `{check}` fails this log",
            bug.name
        )),
        (Some(bug), false, None) => note(format!(
            "note: {records} with `{}` planted; replayed without it, nothing breaks, as expected \
             of the correct rules",
            bug.name
        )),
        (Some(bug), false, Some(found)) => warning(format!(
            "warning: replayed without `{}`, this replay {}: the correct rules break too ({records} \
             with the bug planted); `{check}` fails this log",
            bug.name,
            breaks(found)
        )),
        (None, _, Some(found)) => warning(format!(
            "warning: {records}, but this replay {}; `{check}` fails this log",
            breaks(found)
        )),
        (None, _, None) if known => warning(format!(
            "warning: {records} and is marked as a known defect, but nothing breaks in this \
             replay: it looks fixed; `{check}` fails this log until the mark is dropped \
             (`corpus unmark`)"
        )),
        (None, _, None) => note(format!(
            "note: {records}, but nothing breaks in this replay: the defect looks fixed, \
             which is what `{check}` requires of a log without a planted bug"
        )),
    }
}

fn warning(line: String) -> Option<Said> {
    Some(Said {
        warning: true,
        line,
    })
}

fn note(line: String) -> Option<Said> {
    Some(Said {
        warning: false,
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::verdict;
    use rewind_engine::{Bug, BugId, Violation};

    const BUG: Bug = Bug {
        id: BugId(0),
        name: "counts_repeats",
        effect: "e",
    };
    const CHECK: &str = "rewind corpus check corpus/post";

    fn broke(invariant: &str, step: usize) -> Violation {
        Violation {
            invariant: invariant.into(),
            step,
            message: "m".into(),
        }
    }

    #[test]
    fn as_recorded_says_nothing() {
        let recorded = broke("handled_once", 2);
        for bug in [Some(&BUG), None] {
            assert_eq!(
                verdict(&recorded, Some(&recorded), bug, true, false, CHECK),
                None
            );
        }
    }

    #[test]
    fn another_invariant_another_step_or_nothing_is_a_warning() {
        let recorded = broke("handled_once", 2);
        let said = |found: Option<Violation>, bug| {
            let said = verdict(&recorded, found.as_ref(), bug, bug.is_some(), false, CHECK);
            said.map_or(String::new(), |said| said.line)
        };
        assert_eq!(
            said(Some(broke("other", 2)), Some(&BUG)),
            "warning: the log records `handled_once` at step 2, but this replay with \
             `counts_repeats` planted breaks `other` at step 2; `rewind corpus check \
             corpus/post` fails this log"
        );
        assert!(said(Some(broke("handled_once", 1)), None).starts_with(
            "warning: the log records `handled_once` at step 2, but this replay breaks \
             `handled_once` at step 1;"
        ));
        assert!(said(None, Some(&BUG)).contains("breaks nothing: the harness no longer catches"));
        assert!(said(None, None).starts_with(
            "note: the log records `handled_once` at step 2, but nothing breaks in this replay: \
             the defect looks fixed"
        ));
    }

    #[test]
    fn without_its_bug_nothing_breaking_is_expected() {
        let recorded = broke("handled_once", 2);
        let note = verdict(&recorded, None, Some(&BUG), false, false, CHECK).expect("a note");
        assert!(!note.warning && note.line.starts_with("note: "), "{note:?}");
        assert!(note.line.contains("as expected"), "{note:?}");
        let warning =
            verdict(&recorded, Some(&recorded), Some(&BUG), false, false, CHECK).expect("said");
        assert!(warning.warning, "{warning:?}");
        assert!(
            warning
                .line
                .starts_with("warning: replayed without `counts_repeats`, this replay breaks"),
            "{warning:?}"
        );
    }

    #[test]
    fn a_known_defect_that_no_longer_breaks_is_a_warning() {
        let recorded = broke("handled_once", 2);
        let said = verdict(&recorded, None, None, false, true, CHECK).expect("said");
        assert!(said.warning, "{said:?}");
        assert!(said.line.contains("marked as a known defect"), "{said:?}");
        assert!(said.line.contains("looks fixed"), "{said:?}");
        assert_eq!(
            verdict(&recorded, Some(&recorded), None, false, true, CHECK),
            None,
            "still failing as recorded, as a known defect should"
        );
    }
}
