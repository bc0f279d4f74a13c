//! The glue between libFuzzer and a domain: one generic function per fuzz target.
//!
//! A target is `fuzz_target!(|data: &[u8]| rewind_harness::fuzz::run_bytes::<Poll>(data));`.
//! The bytes drive the domain's bot through [`FuzzChoices`]; the run loop of [`crate::run`]
//! checks every invariant after every dispatch and the history at the end, and a violation
//! becomes a panic that prints the readable action sequence, which libFuzzer records as a
//! crash. `rewind import` replays the same bytes through [`play_bytes`], so the command line
//! and the fuzz target can never disagree about what an artifact means.

use std::sync::OnceLock;

use rewind_engine::{Bugs, Coverage, Model};

use crate::check::Checks;
use crate::entry::find_bug;
use crate::fuzz_choices::FuzzChoices;
use crate::run::{Played, RunCounts, RunSpec, play};

/// The environment variable naming a planted bug for a fuzz run (`REWIND_BUG=name`).
pub const BUG_VARIABLE: &str = "REWIND_BUG";

/// Steps per fuzz input at most; the input's length usually ends the run first.
pub const MAX_STEPS: usize = 1_000;

/// The run's seed comes from the first bytes of the input, one of this many, so the fuzzer
/// also explores the domain's own randomness (deck orders) while seeds stay short.
pub const SEED_SPACE: u32 = 1 << 16;

/// Replays `data` against `M` with `bugs` planted: the seed is drawn first, then the bot plays
/// until the bytes run out or [`MAX_STEPS`]. Pure: the same bytes always give the same run.
pub fn play_bytes<M: Model>(data: &[u8], bugs: Bugs) -> Played<M> {
    let mut choices = FuzzChoices::new(data);
    let seed = u64::from(rewind_engine::Choices::below(&mut choices, SEED_SPACE));
    let config = M::Config::default();
    let spec = RunSpec::<M> {
        config: &config,
        seed,
        steps: MAX_STEPS,
        bugs,
        swarm: false,
        // Invariants after every dispatch and event replay at the end, on every input; the
        // re-decide check for non-determinism (a systematic fault) is left to `rewind sim`'s
        // sampled runs and to every shrink and corpus replay: here it would cost a third of
        // the exec/s (poll: 83K with it, 120K without, on a growing corpus).
        deep: false,
        // Each input's log is checked by the JSON round trip when its failure is shrunk.
        json: false,
        faults: true,
        concurrency: true,
        checks: &Checks::all(),
    };
    let mut counts = RunCounts::default();
    let mut coverage = Coverage::new(0);
    play(&spec, &mut choices, &mut counts, &mut coverage)
}

/// The body of a fuzz target: plays `data` with the bug named by `REWIND_BUG` planted and
/// panics with the invariant and the readable action sequence when something breaks.
pub fn run_bytes<M: Model>(data: &[u8]) {
    let played = play_bytes::<M>(data, bugs_from_env::<M>());
    if let Some(report) = crash_report(&played, bug_name()) {
        panic!("{report}");
    }
}

/// What a fuzz target prints when `played` broke something: the invariant, the seed, the
/// steps as JSON (one a line: actions, and the world's deliveries and restarts) and the
/// command that imports the artifact.
pub fn crash_report<M: Model>(played: &Played<M>, bug: Option<&str>) -> Option<String> {
    let violation = played.violation.as_ref()?;
    let steps: Vec<String> = played
        .steps()
        .iter()
        .map(|step| serde_json::to_string(step).expect("actions serialize to JSON"))
        .collect();
    let planted = bug.map_or_else(String::new, |name| format!(", bug `{name}` planted"));
    let flag = bug.map_or_else(String::new, |name| format!(" --bug {name}"));
    Some(format!(
        "rewind: {} `{}` broke at step {} (seed {}{planted}): {}\nsteps ({}):\n  {}\nimport it: cargo run -- import {} <this crash artifact>{flag}",
        M::NAME,
        violation.invariant,
        violation.step,
        played.engine.seed(),
        violation.message,
        steps.len(),
        steps.join("\n  "),
        M::NAME,
    ))
}

/// The bugs `REWIND_BUG` plants in `M` (none when it is unset or empty). The variable is read
/// once per process.
///
/// # Panics
/// When it names no planted bug of `M`; the message lists the ones `M` has. Call it from
/// the target's `init:` so a typo stops the run before any input is tried.
pub fn bugs_from_env<M: Model>() -> Bugs {
    match bug_name() {
        None => Bugs::NONE,
        Some(name) => match find_bug::<M>(name) {
            Ok(bug) => Bugs::NONE.with(bug.id),
            Err(message) => panic!("{BUG_VARIABLE}: {message}"),
        },
    }
}

fn bug_name() -> Option<&'static str> {
    static NAME: OnceLock<Option<String>> = OnceLock::new();
    NAME.get_or_init(|| {
        std::env::var(BUG_VARIABLE)
            .ok()
            .filter(|name| !name.is_empty())
    })
    .as_deref()
}
