//! The checks every domain gets besides its own invariants, and the thorough step-by-step
//! replay that shrinking, `rewind replay` and the corpus suite use.

mod checks;
pub mod json;
mod thorough;

use rewind_engine::{Engine, JSON_ROUND_TRIP, Model, Violation, project};

use crate::world::{
    COMMITS_SERIALIZABLE, OUTBOX_BOUNDED, RESTART_REBUILDS_STATE, same_durable_state,
};

pub use checks::{Checks, check_names, touched_by};
pub use thorough::{Checked, StepView, log_checks, replay_log, thorough, thorough_observed};

/// Names of the generic checks, as they appear in violations and corpus file names.
/// Domain code (decide, apply, a reactor, the bot, an invariant) panicked.
pub const NO_PANIC: &str = "no_panic";
/// A refused dispatch changed the state.
pub const REJECT_CHANGES_NOTHING: &str = "rejected_dispatch_changes_nothing";
/// Applying the event log to the initial state does not give the live state.
pub const REPLAY_REBUILDS_STATE: &str = "replay_rebuilds_state";
/// Deciding the same actions again from the same seed gives other events.
pub const REDISPATCH_REPRODUCES_EVENTS: &str = "redispatch_reproduces_events";
/// Projections folded again from the event log differ from the ones folded live.
pub const PROJECTIONS_REBUILD: &str = "projections_rebuild_from_stream";
/// An invariant broke after a step whose events [`rewind_engine::Model::touches`] does not
/// say can break it: the declaration is wrong (or the step changed what no event records).
pub const TOUCHES_DECLARED: &str = "touches_declared";

/// All generic checks, for `rewind domains`; `touches_declared` only for domains that check
/// by [`rewind_engine::Model::touches`], the restart and the outbox checks only for domains
/// with an outbox, and `commits_serializable` only for domains with concurrent clients.
pub const GENERIC_CHECKS: [&str; 10] = [
    NO_PANIC,
    REJECT_CHANGES_NOTHING,
    REPLAY_REBUILDS_STATE,
    REDISPATCH_REPRODUCES_EVENTS,
    PROJECTIONS_REBUILD,
    JSON_ROUND_TRIP,
    TOUCHES_DECLARED,
    RESTART_REBUILDS_STATE,
    OUTBOX_BOUNDED,
    COMMITS_SERIALIZABLE,
];

/// How thoroughly a run's whole history is checked at its end (see [`history`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Depth {
    /// Re-dispatch the actions and rebuild the projections.
    pub deep: bool,
    /// Send every step's action and every event through a JSON round trip.
    pub json: bool,
}

/// The end-of-run checks over the whole history: replaying the events rebuilds the state;
/// when `depth.deep`, re-dispatching the actions reproduces the events and projections
/// rebuilt from the stream equal the live ones; when `depth.json`, every action dispatched
/// and every event survives a JSON round trip. O(history), so the fast path runs the first
/// once per run and the others (which catch systematic faults: non-determinism, a type JSON
/// cannot carry) on a sample of runs. Checks set aside in `checks` are not made.
pub fn history<M: Model>(
    engine: &Engine<M>,
    views: &M::Projections,
    depth: Depth,
    checks: &Checks<M>,
) -> Option<Violation> {
    let last = engine.steps().saturating_sub(1);
    let found = |invariant: &str, message: String| checks.violation(invariant, last, message);
    let replayed = Engine::<M>::replay_events(engine.config(), engine.bugs(), engine.events());
    if !same_durable_state::<M>(&replayed, engine.state()) {
        let message = "applying the event log to the initial state does not give the live state";
        if let Some(violation) = found(REPLAY_REBUILDS_STATE, message.into()) {
            return Some(violation);
        }
    }
    if depth.json
        && let Some(violation) =
            stored_history::<M>(engine).and_then(|message| found(JSON_ROUND_TRIP, message))
    {
        return Some(violation);
    }
    if !depth.deep {
        return None;
    }
    let replica = engine.redispatch();
    if replica.events() != engine.events() {
        let at = first_difference(replica.events(), engine.events());
        let message =
            format!("re-dispatching the actions from the same seed differs at event {at}");
        if let Some(violation) = found(REDISPATCH_REPRODUCES_EVENTS, message) {
            return Some(violation);
        }
    }
    let rebuilt = project(
        M::projections(engine.config(), engine.bugs()),
        engine.events(),
    );
    if rebuilt != *views {
        let message = "projections rebuilt from the event log differ from the ones folded live";
        return found(PROJECTIONS_REBUILD, message.into());
    }
    None
}

/// The first action or event of `engine`'s logs that does not survive a JSON round trip.
fn stored_history<M: Model>(engine: &Engine<M>) -> Option<String> {
    for (index, action) in engine.actions().iter().enumerate() {
        if let Err(problem) = json::round_trip(action) {
            return Some(format!("action {index}: {problem}"));
        }
    }
    for (index, event) in engine.events().iter().enumerate() {
        if let Err(problem) = json::round_trip(event) {
            return Some(format!("event {index}: {problem}"));
        }
    }
    None
}

fn first_difference<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    a.iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()))
}
