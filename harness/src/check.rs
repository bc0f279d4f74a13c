//! The checks every domain gets besides its own invariants, and the thorough step-by-step
//! replay that shrinking, `rewind replay` and the corpus suite use.

use rewind_engine::{Bugs, Draw, Engine, Invariant, Model, Projection, Violation, project};

/// Names of the generic checks, as they appear in violations and corpus file names.
pub const NO_PANIC: &str = "no_panic";
pub const REJECT_CHANGES_NOTHING: &str = "rejected_dispatch_changes_nothing";
pub const REPLAY_REBUILDS_STATE: &str = "replay_rebuilds_state";
pub const REDISPATCH_REPRODUCES_EVENTS: &str = "redispatch_reproduces_events";
pub const PROJECTIONS_REBUILD: &str = "projections_rebuild_from_stream";

/// All generic checks, for `rewind domains`.
pub const GENERIC_CHECKS: [&str; 5] = [
    NO_PANIC,
    REJECT_CHANGES_NOTHING,
    REPLAY_REBUILDS_STATE,
    REDISPATCH_REPRODUCES_EVENTS,
    PROJECTIONS_REBUILD,
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
    if replayed != *engine.state() {
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

/// The result of replaying a list of actions with every check after every step.
pub struct Checked<M: Model> {
    pub engine: Engine<M>,
    pub views: M::Projections,
    pub violation: Option<Violation>,
}

/// Replays `actions` from `seed` with `bugs` planted, checking after every step: the domain's
/// invariants, that a refused step changed nothing, that the step's events rebuild the state
/// and are reproduced by re-deciding, and at the end the whole-history checks. Stops at the
/// first violation. Used wherever the exact failing step matters more than speed.
///
/// `draws[i]` is what step `i` draws (see [`Draw`]); a step past its end, or draws that run
/// out, draw from the seed. The engine keeps what every step drew, so
/// `checked.engine.draws()` is the run's randomness written down in full.
pub fn thorough<M: Model>(
    config: &M::Config,
    seed: u64,
    bugs: Bugs,
    actions: &[M::Action],
    draws: &[Vec<Draw>],
) -> Checked<M> {
    thorough_observed(config, seed, bugs, actions, draws, &mut |_| {})
}

/// One step of a thorough replay, as [`thorough_observed`] shows it.
pub struct StepView<'a, M: Model> {
    pub step: usize,
    pub engine: &'a Engine<M>,
    pub views: &'a M::Projections,
    /// Why the step was refused, if it was.
    pub refusal: Option<String>,
    pub violation: Option<&'a Violation>,
}

/// [`thorough`], calling `observe` after every step (for traces).
pub fn thorough_observed<M: Model>(
    config: &M::Config,
    seed: u64,
    bugs: Bugs,
    actions: &[M::Action],
    draws: &[Vec<Draw>],
    observe: &mut dyn FnMut(StepView<'_, M>),
) -> Checked<M> {
    let mut engine = Engine::<M>::new(config.clone(), seed, bugs);
    engine.record_draws();
    let mut views = M::projections(config, bugs);
    let mut replica_state = M::initial(config, bugs);
    let mut replica = Engine::<M>::new(config.clone(), seed, bugs);
    replica.record_draws();
    for (step, action) in actions.iter().enumerate() {
        let scripted = draws.get(step).map_or(&[][..], Vec::as_slice);
        let outcome = crate::panic::catch(|| {
            let before = engine.state().clone();
            let refusal = engine
                .dispatch_scripted(action.clone(), scripted)
                .err()
                .map(|refusal| refusal.to_string());
            let _ = replica.dispatch_scripted(action.clone(), scripted);
            let found = step_checks(
                &engine,
                &before,
                refusal.is_some(),
                &mut replica_state,
                &replica,
                &mut views,
                step,
            );
            (refusal, found)
        });
        let (refusal, violation) = match outcome {
            Ok(found) => found,
            Err(message) => (
                None,
                Some(Violation {
                    invariant: NO_PANIC.into(),
                    step,
                    message,
                }),
            ),
        };
        observe(StepView {
            step,
            engine: &engine,
            views: &views,
            refusal,
            violation: violation.as_ref(),
        });
        if violation.is_some() {
            return Checked {
                engine,
                views,
                violation,
            };
        }
    }
    let violation =
        crate::panic::catch(|| history(&engine, &views, true)).unwrap_or_else(|message| {
            Some(Violation {
                invariant: NO_PANIC.into(),
                step: actions.len(),
                message,
            })
        });
    Checked {
        engine,
        views,
        violation,
    }
}

fn step_checks<M: Model>(
    engine: &Engine<M>,
    before: &M::State,
    refused: bool,
    replica_state: &mut M::State,
    replica: &Engine<M>,
    views: &mut M::Projections,
    step: usize,
) -> Option<Violation> {
    let events = engine.step_events(step);
    if refused && engine.state() != before {
        return Some(Violation {
            invariant: REJECT_CHANGES_NOTHING.into(),
            step,
            message: "a refused action changed the state".into(),
        });
    }
    for event in events {
        M::apply(replica_state, event);
        views.fold(event);
    }
    if replica_state != engine.state() {
        return Some(Violation {
            invariant: REPLAY_REBUILDS_STATE.into(),
            step,
            message:
                "applying this step's events to the replayed state does not give the live state"
                    .into(),
        });
    }
    if replica.step_events(step) != events {
        return Some(Violation {
            invariant: REDISPATCH_REPRODUCES_EVENTS.into(),
            step,
            message: "re-deciding this step from the same seed gave other events".into(),
        });
    }
    invariants::<M>(engine.state(), views, step)
}
