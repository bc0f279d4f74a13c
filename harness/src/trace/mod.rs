//! `rewind replay`: a readable trace of a log, step by step, with the state where you ask.

mod verdict;

use std::fmt::Write as _;
use std::path::Path;

use rewind_engine::{Bugs, Model, TypedLog};

use crate::check::{StepView, replay_log};
use crate::outline::changed_lines;
use crate::text::{plural, shell_word};
use crate::world::{describe_step, waiting, waiting_line};

/// What `rewind replay` shows; the flags of the same names.
#[derive(Clone, Debug, Default)]
pub struct TraceOptions {
    /// Stop after this step and show the state there.
    pub to: Option<usize>,
    /// Show how the state changed at every step.
    pub diff: bool,
    /// Replay on the correct rules even if the log names a planted bug.
    pub without_bug: bool,
    /// Show events, state and projections as their `{:?}`/`{:#?}`, not as the domain
    /// describes them.
    pub raw: bool,
    /// How the user runs this program, for the command a warning suggests (`rewind` if empty).
    pub program: String,
}

/// The trace of `log` as text.
pub fn trace<M: Model>(log: &TypedLog<M>, file: &str, options: &TraceOptions) -> String {
    let mut out = String::new();
    let bugs = if options.without_bug {
        Bugs::NONE
    } else {
        log.bugs()
    };
    let planted = match (log.bug, options.without_bug) {
        (Some(bug), false) => format!("bug `{}` planted ({})", bug.name, bug.effect),
        (Some(bug), true) => format!("bug `{}` recorded but not planted", bug.name),
        (None, _) => "no bug planted".to_string(),
    };
    let _ = writeln!(
        out,
        "{file}\n{} · seed {} · {} · {planted}",
        M::NAME,
        log.seed,
        plural(log.steps.len(), "step")
    );
    let _ = writeln!(out, "found by: {}", log.found_by);
    let v = &log.violation;
    let _ = writeln!(
        out,
        "recorded: `{}` broke at step {}: {}",
        v.invariant, v.step, v.message
    );
    let header = std::mem::take(&mut out);

    let end = options
        .to
        .map_or(log.steps.len(), |to| (to + 1).min(log.steps.len()));
    let steps = &log.steps[..end];
    let show_state = |state: &M::State| {
        if options.raw {
            format!("{state:#?}")
        } else {
            M::describe(state)
        }
    };
    let show_event = |event: &M::Event| {
        if options.raw {
            format!("{event:?}")
        } else {
            M::describe_event(event)
        }
    };
    let show_views = |views: &M::Projections| {
        if options.raw {
            format!("{views:#?}")
        } else {
            M::describe_projections(views)
        }
    };
    let mut previous = show_state(&M::initial(&log.config, bugs));
    let mut last_state = previous.clone();
    let mut last_views = String::new();
    let (mut shown_violation, mut ended_in_drain) = (false, false);
    // `--to N` replays the steps up to N, as if the log ended there.
    let mut shown = log.clone();
    if end < log.steps.len() {
        shown.steps.truncate(end);
        shown.unreadable = None;
    }
    let checked = replay_log(&shown, bugs, &mut |view: StepView<'_, M>| {
        let _ = match view.drained {
            true => writeln!(out, "drain      {}", describe_step(view.taken)),
            false => writeln!(out, "step {:<4} {}", view.step, describe_step(view.taken)),
        };
        match &view.refusal {
            Some(reason) => {
                let _ = writeln!(out, "           refused: {reason}");
            }
            None => {
                for event in view.events {
                    let _ = writeln!(out, "           → {}", show_event(event));
                }
            }
        }
        if let Some(line) = waiting_line(&waiting::<M>(view.engine.state())) {
            let _ = writeln!(out, "           {line}");
        }
        let state = show_state(view.engine.state());
        if options.diff && state != previous {
            for line in changed_lines(&previous, &state) {
                let _ = writeln!(out, "           {line}");
            }
        }
        if let Some(violation) = view.violation {
            let _ = writeln!(
                out,
                "           ✗ `{}` broke: {}",
                violation.invariant, violation.message
            );
            shown_violation = true;
        }
        ended_in_drain = view.drained;
        previous.clone_from(&state);
        last_state = state;
        last_views = show_views(view.views);
    });
    match &checked.violation {
        None => {
            let _ = writeln!(
                out,
                "\nno invariant broke in {}",
                plural(steps.len(), "step")
            );
        }
        // A check of the whole run (the `eventually` invariants once the bus drained, the
        // replay of the whole history) breaks after the last step, so no step showed it; nor
        // did a step stored as JSON that does not read back, after the steps that replayed.
        Some(violation) if !shown_violation => {
            if let Some(unreadable) = &shown.unreadable {
                let _ = writeln!(
                    out,
                    "step {:<4} {} (as stored)",
                    steps.len(),
                    unreadable.json
                );
            }
            let _ = writeln!(
                out,
                "           ✗ `{}` broke: {}",
                violation.invariant, violation.message
            );
        }
        Some(_) => {}
    }
    // Past a `--to` cut, what the log records may simply not be reached yet.
    let whole = end == log.steps.len();
    let said = whole
        .then(|| {
            verdict::verdict(
                &log.violation,
                checked.violation.as_ref(),
                log.bug,
                !bugs.is_empty(),
                log.known.is_some(),
                &check_command(file, &options.program),
            )
        })
        .flatten();
    let after = match ended_in_drain {
        true => "the drain".to_string(),
        false => format!("step {}", steps.len().saturating_sub(1)),
    };
    let _ = writeln!(out, "\nstate after {after}:\n{last_state}");
    if keeps_projections::<M>(&M::projections(&log.config, bugs)) {
        let _ = writeln!(out, "projections:\n{last_views}");
    }
    // At the top, under the record it qualifies; a warning again at the end, where a long
    // trace leaves the reader.
    match said {
        Some(said) if said.warning => format!("{header}{}\n\n{out}\n{}\n", said.line, said.line),
        Some(said) => format!("{header}{}\n\n{out}", said.line),
        None => format!("{header}\n{out}"),
    }
}

/// The command that checks the folder of `file` as `cargo test` does.
fn check_command(file: &str, program: &str) -> String {
    let program = if program.trim().is_empty() {
        "rewind"
    } else {
        program
    };
    let folder = Path::new(file)
        .parent()
        .map(|folder| folder.to_string_lossy().into_owned())
        .filter(|folder| !folder.is_empty())
        .unwrap_or_else(|| ".".to_string());
    format!("{program} corpus check {}", shell_word(&folder))
}

/// Whether `M` keeps projections to show. `()` is a domain without any: zero-sized and
/// shown as `()`, so a `projections: ()` line would only be noise. (A zero-sized type of the
/// domain's own, a marker, still shows as itself.)
pub(crate) fn keeps_projections<M: Model>(views: &M::Projections) -> bool {
    !(std::mem::size_of::<M::Projections>() == 0 && format!("{views:?}") == "()")
}

#[cfg(test)]
mod tests;
