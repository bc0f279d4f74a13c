//! The checks every domain gets besides its own invariants, and the thorough step-by-step
//! replay that shrinking, `rewind replay` and the corpus suite use.

use rewind_engine::{
    Bugs, Coverage, Draw, Engine, Invariant, Model, Projection, Step, Violation, project,
};

use crate::world::{
    OUTBOX_BOUNDED, Outcome, RESTART_REBUILDS_STATE, World, rebuilt_views, same_durable_state,
};

/// Names of the generic checks, as they appear in violations and corpus file names.
pub const NO_PANIC: &str = "no_panic";
pub const REJECT_CHANGES_NOTHING: &str = "rejected_dispatch_changes_nothing";
pub const REPLAY_REBUILDS_STATE: &str = "replay_rebuilds_state";
pub const REDISPATCH_REPRODUCES_EVENTS: &str = "redispatch_reproduces_events";
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

/// The result of replaying a test case with every check after every step.
pub struct Checked<M: Model> {
    pub engine: Engine<M>,
    pub views: M::Projections,
    pub violation: Option<Violation>,
    /// `draws[i]`: what step `i` drew (nothing for a step that dispatched nothing), for every
    /// step taken, the drain's included.
    pub draws: Vec<Vec<Draw>>,
}

/// Replays `steps` from `seed` with `bugs` planted, checking after every step: the domain's
/// invariants, that a refused step changed nothing, that the step's events rebuild the state
/// and are reproduced by re-deciding, that a restart rebuilds the state from the serialized
/// log; then the bus drains and the `eventually` invariants and the whole-history checks
/// run. Stops at the first violation. Used wherever the exact failing step matters more than
/// speed.
///
/// `draws[i]` is what step `i` draws (see [`Draw`]); a step past its end, or draws that run
/// out, draw from the seed. `checked.draws` is what every step drew: the run's randomness
/// written down in full.
pub fn thorough<M: Model>(
    config: &M::Config,
    seed: u64,
    bugs: Bugs,
    steps: &[Step<M::Action>],
    draws: &[Vec<Draw>],
) -> Checked<M> {
    thorough_observed(config, seed, bugs, steps, draws, &mut |_| {})
}

/// One step of a thorough replay, as [`thorough_observed`] shows it.
pub struct StepView<'a, M: Model> {
    /// The step's index in the case; the drain's deliveries come after the last.
    pub step: usize,
    pub taken: &'a Step<M::Action>,
    /// Whether the step is a delivery of the drain at the end of the run.
    pub drained: bool,
    pub engine: &'a Engine<M>,
    /// The events the step appended.
    pub events: &'a [M::Event],
    pub views: &'a M::Projections,
    /// Why the step was refused (by the domain, or by the bus), if it was.
    pub refusal: Option<String>,
    pub violation: Option<&'a Violation>,
}

/// What [`thorough_observed`] carries from step to step.
struct Replay<M: Model> {
    engine: Engine<M>,
    world: World<M>,
    views: M::Projections,
    /// The state rebuilt by applying each step's events, and an engine re-deciding each
    /// dispatch, to compare with the live ones.
    replica_state: M::State,
    replica: Engine<M>,
    coverage: Coverage,
    drew: Vec<Vec<Draw>>,
}

/// [`thorough`], calling `observe` after every step (for traces).
pub fn thorough_observed<M: Model>(
    config: &M::Config,
    seed: u64,
    bugs: Bugs,
    steps: &[Step<M::Action>],
    draws: &[Vec<Draw>],
    observe: &mut dyn FnMut(StepView<'_, M>),
) -> Checked<M> {
    let mut replay = Replay::<M> {
        engine: Engine::new(config.clone(), seed, bugs),
        world: World::new(true),
        views: M::projections(config, bugs),
        replica_state: M::initial(config, bugs),
        replica: Engine::new(config.clone(), seed, bugs),
        coverage: Coverage::new(0),
        drew: Vec::with_capacity(steps.len()),
    };
    replay.engine.record_draws();
    replay.replica.record_draws();
    for (index, step) in steps.iter().enumerate() {
        let scripted = draws.get(index).map_or(&[][..], Vec::as_slice);
        if let Some(violation) = replay.step(index, step, scripted, false, observe) {
            return replay.checked(Some(violation));
        }
    }
    for _ in 0..crate::world::MAX_DRAIN {
        let Some(step) = replay.world.next_to_drain(replay.engine.state()) else {
            break;
        };
        if let Some(violation) = replay.step(steps.len(), &step, &[], true, observe) {
            return replay.checked(Some(violation));
        }
    }
    let Replay { engine, views, .. } = &replay;
    let violation = crate::panic::catch(|| {
        eventually::<M>(engine.state(), views)
            .map(|found| Violation {
                step: steps.len(),
                ..found
            })
            .or_else(|| history(engine, views, true))
    })
    .unwrap_or_else(|message| {
        Some(Violation {
            invariant: NO_PANIC.into(),
            step: steps.len(),
            message,
        })
    });
    replay.checked(violation)
}

impl<M: Model> Replay<M> {
    fn checked(self, violation: Option<Violation>) -> Checked<M> {
        Checked {
            engine: self.engine,
            views: self.views,
            violation,
            draws: self.drew,
        }
    }

    /// Takes one step with every check after it, and shows it to `observe`.
    fn step(
        &mut self,
        index: usize,
        step: &Step<M::Action>,
        scripted: &[Draw],
        drained: bool,
        observe: &mut dyn FnMut(StepView<'_, M>),
    ) -> Option<Violation> {
        let events_before = self.engine.events().len();
        let dispatched_before = self.engine.steps();
        let outcome = crate::panic::catch(|| self.checked_step(index, step, scripted));
        let drew = match self.engine.steps() {
            after if after > dispatched_before => self.engine.step_draws(after - 1).to_vec(),
            _ => Vec::new(),
        };
        self.drew.push(drew);
        let (refusal, violation) = match outcome {
            Ok(found) => found,
            Err(message) => (
                None,
                Some(Violation {
                    invariant: NO_PANIC.into(),
                    step: index,
                    message,
                }),
            ),
        };
        let events = self.engine.events().get(events_before..).unwrap_or(&[]);
        observe(StepView {
            step: index,
            taken: step,
            drained,
            engine: &self.engine,
            events,
            views: &self.views,
            refusal,
            violation: violation.as_ref(),
        });
        violation
    }

    fn checked_step(
        &mut self,
        index: usize,
        step: &Step<M::Action>,
        scripted: &[Draw],
    ) -> (Option<String>, Option<Violation>) {
        let before = self.engine.state().clone();
        let taken = self
            .world
            .take(&mut self.engine, step, scripted, &mut self.coverage);
        let at = |found: Violation| Violation {
            step: index,
            ..found
        };
        let refused = match taken {
            Err(found) => return (None, Some(at(found))),
            Ok(Outcome::NotTaken(reason)) => return (Some(reason), None),
            Ok(Outcome::Restarted) => {
                self.views = rebuilt_views::<M>(&self.engine);
                self.replica_state.clone_from(self.engine.state());
                self.replica.restart_in_memory();
                let found = invariants::<M>(self.engine.state(), &self.views, index);
                return (None, found);
            }
            Ok(Outcome::Dispatched(result)) => result.err().map(|refusal| refusal.to_string()),
        };
        if let Some(action) = step.action() {
            let _ = self.replica.dispatch_scripted(action.clone(), scripted);
        }
        let dispatched = self.engine.steps() - 1;
        let found = step_checks(
            &self.engine,
            &before,
            refused.is_some(),
            &mut self.replica_state,
            &self.replica,
            &mut self.views,
            dispatched,
        )
        .map(at);
        (refused, found)
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
    if !same_durable_state::<M>(replica_state, engine.state()) {
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
