//! The checks every domain gets besides its own invariants, and the thorough step-by-step
//! replay that shrinking, `rewind replay` and the corpus suite use.

mod thorough;

use rewind_engine::{Engine, Invariant, Model, Violation, project};

use crate::world::{OUTBOX_BOUNDED, RESTART_REBUILDS_STATE, same_durable_state};

pub use thorough::{Checked, StepView, thorough, thorough_observed};

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

/// All generic checks, for `rewind domains`; the last two only for domains with an outbox.
pub const GENERIC_CHECKS: [&str; 7] = [
    NO_PANIC,
    REJECT_CHANGES_NOTHING,
    REPLAY_REBUILDS_STATE,
    REDISPATCH_REPRODUCES_EVENTS,
    PROJECTIONS_REBUILD,
    RESTART_REBUILDS_STATE,
    OUTBOX_BOUNDED,
];

/// Runs every invariant of `M`; the first that fails becomes a violation at `step`.
#[inline]
pub fn invariants<M: Model>(
    state: &M::State,
    views: &M::Projections,
    step: usize,
) -> Option<Violation> {
    invariants_of::<M>(M::invariants(), state, views, step)
}

/// Runs every `eventually` invariant of `M`, once the bus has drained; the violation's step
/// is left for the caller to set.
pub fn eventually<M: Model>(state: &M::State, views: &M::Projections) -> Option<Violation> {
    invariants_of::<M>(M::eventually(), state, views, 0)
}

#[inline]
fn invariants_of<M: Model>(
    list: &[Invariant<M>],
    state: &M::State,
    views: &M::Projections,
    step: usize,
) -> Option<Violation> {
    for invariant in list {
        if let Err(message) = (invariant.check)(state, views) {
            return Some(Violation {
                invariant: invariant.name.to_string(),
                step,
                message,
            });
        }
    }
    None
}

/// The end-of-run checks over the whole history: replaying the events rebuilds the state and,
/// when `deep`, re-dispatching the actions reproduces the events and projections rebuilt from
/// the stream equal the live ones. O(history), so the fast path runs them once per run, and
/// the two deep ones (which catch non-determinism, a systematic fault) on a sample of runs.
pub fn history<M: Model>(
    engine: &Engine<M>,
    views: &M::Projections,
    deep: bool,
) -> Option<Violation> {
    let last = engine.steps().saturating_sub(1);
    let replayed = Engine::<M>::replay_events(engine.config(), engine.bugs(), engine.events());
    if !same_durable_state::<M>(&replayed, engine.state()) {
        return Some(Violation {
            invariant: REPLAY_REBUILDS_STATE.into(),
            step: last,
            message: "applying the event log to the initial state does not give the live state"
                .into(),
        });
    }
    if !deep {
        return None;
    }
    let replica = engine.redispatch();
    if replica.events() != engine.events() {
        let at = first_difference(replica.events(), engine.events());
        return Some(Violation {
            invariant: REDISPATCH_REPRODUCES_EVENTS.into(),
            step: last,
            message: format!("re-dispatching the actions from the same seed differs at event {at}"),
        });
    }
    let rebuilt = project(
        M::projections(engine.config(), engine.bugs()),
        engine.events(),
    );
    if rebuilt != *views {
        return Some(Violation {
            invariant: PROJECTIONS_REBUILD.into(),
            step: last,
            message: "projections rebuilt from the event log differ from the ones folded live"
                .into(),
        });
    }
    None
}

fn first_difference<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    a.iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()))
}
