//! The thorough replay: a test case step by step, with every check after every step. What
//! shrinking, `rewind replay`, `rewind view` and the corpus suite use.

use rewind_engine::{
    Bugs, Coverage, Draw, Engine, JSON_ROUND_TRIP, LogError, Model, Projection, Step, TypedLog,
    Violation,
};

use super::json::round_trip;
use super::{
    Checks, Depth, NO_PANIC, REDISPATCH_REPRODUCES_EVENTS, REJECT_CHANGES_NOTHING,
    REPLAY_REBUILDS_STATE, history,
};
use crate::world::{Outcome, World, rebuilt_views, same_durable_state};

/// The result of replaying a test case with every check after every step.
pub struct Checked<M: Model> {
    /// The engine after the last step replayed, with its whole history.
    pub engine: Engine<M>,
    /// The projections there.
    pub views: M::Projections,
    /// The first check that broke, if one did.
    pub violation: Option<Violation>,
    /// `draws[i]`: what step `i` drew (nothing for a step that dispatched nothing), for every
    /// step taken, the drain's included.
    pub draws: Vec<Vec<Draw>>,
}

/// Replays `steps` from `seed` with `bugs` planted, checking after every step: the domain's
/// invariants, that the step's action and events survive a JSON round trip, that a refused
/// step changed nothing, that the step's events rebuild the state and are reproduced by
/// re-deciding, that a restart rebuilds the state from the serialized log; then the bus
/// drains and the `eventually` invariants and the whole-history checks run. Stops at the
/// first violation. Used wherever the exact failing step matters more than speed.
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
    let checks = Checks::all();
    thorough_observed(config, seed, bugs, steps, draws, &checks, &mut |_| {})
}

/// The checks a stored log's replay makes: every one but those it sets aside (its `skip`).
/// The error names a check to set aside that the domain does not have.
pub fn log_checks<M: Model>(log: &TypedLog<M>, file: &str) -> Result<Checks<M>, LogError> {
    Checks::<M>::skipping(&log.skip).map_err(|problem| LogError {
        file: file.to_string(),
        field: Some("skip".into()),
        problem,
    })
}

/// Replays a stored log as [`thorough`] does, with `bugs` planted and the checks it sets
/// aside (its `skip`, checked by [`log_checks`] when the log was read) left out. A log whose
/// last step does not read back (see [`TypedLog::unreadable`]) replays the steps before it,
/// and that step is the [`JSON_ROUND_TRIP`] violation it records.
pub fn replay_log<M: Model>(
    log: &TypedLog<M>,
    bugs: Bugs,
    observe: &mut dyn FnMut(StepView<'_, M>),
) -> Checked<M> {
    let checks = Checks::<M>::skipping(&log.skip).unwrap_or_default();
    let case = (&log.config, log.seed, bugs, &log.steps[..], &log.draws[..]);
    let Some(unreadable) = &log.unreadable else {
        return replay(case, &checks, true, observe);
    };
    let mut checked = replay(case, &checks, false, observe);
    if checked.violation.is_none() {
        let step = log.steps.len();
        let message = format!(
            "step {step} is stored as `{}`, which does not read back: {}",
            unreadable.json, unreadable.problem
        );
        checked.violation = checks.violation(JSON_ROUND_TRIP, step, message);
    }
    checked
}

/// One step of a thorough replay, as [`thorough_observed`] shows it.
pub struct StepView<'a, M: Model> {
    /// The step's index in the case; the drain's steps come after the last.
    pub step: usize,
    /// The step as taken.
    pub taken: &'a Step<M::Action>,
    /// Whether the step is one of the drain at the end of the run: the commit of a client
    /// still in flight, or a delivery.
    pub drained: bool,
    /// The engine after the step.
    pub engine: &'a Engine<M>,
    /// The world after the step: the clients' commands still in flight.
    pub world: &'a World<M>,
    /// The events the step appended.
    pub events: &'a [M::Event],
    /// The projections after the step.
    pub views: &'a M::Projections,
    /// Why the step was refused (by the domain, or by the bus), if it was.
    pub refusal: Option<String>,
    /// The check the step broke, if it broke one.
    pub violation: Option<&'a Violation>,
}

/// What [`thorough_observed`] carries from step to step.
struct Replay<'c, M: Model> {
    checks: &'c Checks<M>,
    engine: Engine<M>,
    world: World<M>,
    views: M::Projections,
    /// The state rebuilt by applying each step's events, and an engine re-deciding each
    /// dispatch, to compare with the live ones.
    replica_state: M::State,
    replica: Engine<M>,
    coverage: Coverage,
    drew: Vec<Vec<Draw>>,
    /// What the last step drew when a client decided in it (it dispatched nothing).
    client_drew: Option<Vec<Draw>>,
}

/// [`thorough`] with only `checks` made, calling `observe` after every step (for traces).
pub fn thorough_observed<M: Model>(
    config: &M::Config,
    seed: u64,
    bugs: Bugs,
    steps: &[Step<M::Action>],
    draws: &[Vec<Draw>],
    checks: &Checks<M>,
    observe: &mut dyn FnMut(StepView<'_, M>),
) -> Checked<M> {
    replay((config, seed, bugs, steps, draws), checks, true, observe)
}

/// A test case: config, seed, planted bugs, steps and what each step draws.
type Case<'a, M> = (
    &'a <M as rewind_engine::Domain>::Config,
    u64,
    Bugs,
    &'a [Step<<M as rewind_engine::Domain>::Action>],
    &'a [Vec<Draw>],
);

/// [`thorough_observed`]; when `finish` is false, it stops after the steps (no drain, no
/// end-of-run checks), for a case cut short by a step that does not read back.
fn replay<M: Model>(
    (config, seed, bugs, steps, draws): Case<'_, M>,
    checks: &Checks<M>,
    finish: bool,
    observe: &mut dyn FnMut(StepView<'_, M>),
) -> Checked<M> {
    let mut replay = Replay::<M> {
        checks,
        engine: Engine::new(config.clone(), seed, bugs),
        world: World::new(true).setting_aside(checks),
        views: M::projections(config, bugs),
        replica_state: M::initial(config, bugs),
        replica: Engine::new(config.clone(), seed, bugs),
        coverage: Coverage::new(0),
        drew: Vec::with_capacity(steps.len()),
        client_drew: None,
    };
    replay.engine.record_draws();
    replay.replica.record_draws();
    for (index, step) in steps.iter().enumerate() {
        let scripted = draws.get(index).map_or(&[][..], Vec::as_slice);
        if let Some(violation) = replay.step(index, step, scripted, false, observe) {
            return replay.checked(Some(violation));
        }
    }
    if !finish {
        return replay.checked(None);
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
        checks
            .eventually(engine.state(), views)
            .map(|found| Violation {
                step: steps.len(),
                ..found
            })
            // The engine counts dispatches, not steps: a whole-history finding is placed at
            // the case's last step, so cutting after it keeps every step. Every step's
            // action and events went through JSON already.
            .or_else(|| {
                let depth = Depth {
                    deep: true,
                    json: false,
                };
                history(engine, views, depth, checks).map(|found| Violation {
                    step: steps.len().saturating_sub(1),
                    ..found
                })
            })
    })
    .unwrap_or_else(|message| checks.violation(NO_PANIC, steps.len(), message));
    replay.checked(violation)
}

impl<M: Model> Replay<'_, M> {
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
        let drew = match (self.client_drew.take(), self.engine.steps()) {
            (Some(drew), _) => drew,
            (None, after) if after > dispatched_before => {
                self.engine.step_draws(after - 1).to_vec()
            }
            (None, _) => Vec::new(),
        };
        self.drew.push(drew);
        let (refusal, violation) = match outcome {
            Ok(found) => found,
            Err(message) => (None, self.checks.violation(NO_PANIC, index, message)),
        };
        let events = self.engine.events().get(events_before..).unwrap_or(&[]);
        observe(StepView {
            step: index,
            taken: step,
            drained,
            engine: &self.engine,
            world: &self.world,
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
        let at = |found: Violation| Violation {
            step: index,
            ..found
        };
        if let Some(problem) = self.unstorable_action(step) {
            return (None, Some(at(problem)));
        }
        let before = self.engine.state().clone();
        let taken = self
            .world
            .take(&mut self.engine, step, scripted, &mut self.coverage);
        let refused = match taken {
            Err(found) => return (None, Some(at(found))),
            Ok(Outcome::NotTaken(reason)) => return (Some(reason), None),
            Ok(Outcome::Restarted) => {
                self.views = rebuilt_views::<M>(&self.engine);
                self.replica_state.clone_from(self.engine.state());
                self.replica.restart_in_memory();
                let found = self
                    .checks
                    .invariants(self.engine.state(), &self.views, index);
                return (None, found);
            }
            Ok(Outcome::Began { action, drew }) => {
                return self.client_decided(index, action, drew, None);
            }
            Ok(Outcome::Retried {
                action,
                conflict,
                drew,
            }) => {
                let why = format!("conflict: {conflict}; the client decides again");
                return self.client_decided(index, action, drew, Some(why));
            }
            Ok(Outcome::Dispatched(result)) => result.err().map(|refusal| refusal.to_string()),
        };
        let dispatched = self.engine.steps() - 1;
        let committed = match step {
            Step::Commit(_) => self.engine.committed(dispatched),
            _ => None,
        };
        match (committed, step.action()) {
            (Some(committed), _) => {
                let action = self.engine.actions()[dispatched].clone();
                let _ = self.replica.recommit(action, committed);
            }
            (None, Some(action)) => {
                let _ = self.replica.dispatch_scripted(action.clone(), scripted);
            }
            (None, None) => {}
        }
        let found = step_checks(
            self.checks,
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

    /// A step in which a client decided (a begin, or a retry after a conflict): nothing
    /// landed, so the replica only decides alike (to draw alike) and the invariants run.
    fn client_decided(
        &mut self,
        index: usize,
        action: M::Action,
        drew: Vec<Draw>,
        why: Option<String>,
    ) -> (Option<String>, Option<Violation>) {
        let _ = self.replica.begin(action, &drew);
        self.client_drew = Some(drew);
        let found = self
            .checks
            .invariants(self.engine.state(), &self.views, index);
        (why, found)
    }

    /// The [`JSON_ROUND_TRIP`] finding of a step whose action JSON cannot carry: it is found
    /// before the step is taken, as a log could not store the step that takes it.
    fn unstorable_action(&self, step: &Step<M::Action>) -> Option<Violation> {
        let action = step.action()?;
        if self.checks.skips(JSON_ROUND_TRIP) {
            return None;
        }
        let problem = round_trip(action).err()?;
        Some(Violation {
            invariant: JSON_ROUND_TRIP.into(),
            step: 0,
            message: format!("the step's action does not survive a JSON round trip: {problem}"),
        })
    }
}

/// The checks after one dispatched step, in order: a refusal changed nothing, its events
/// survive JSON, rebuild the state and are reproduced by re-deciding, then the invariants.
#[allow(clippy::too_many_arguments)]
fn step_checks<M: Model>(
    checks: &Checks<M>,
    engine: &Engine<M>,
    before: &M::State,
    refused: bool,
    replica_state: &mut M::State,
    replica: &Engine<M>,
    views: &mut M::Projections,
    step: usize,
) -> Option<Violation> {
    let events = engine.step_events(step);
    let found = |invariant: &str, message: String| checks.violation(invariant, step, message);
    if refused && engine.state() != before {
        let message = "a refused action changed the state";
        if let Some(violation) = found(REJECT_CHANGES_NOTHING, message.into()) {
            return Some(violation);
        }
    }
    let json = !checks.skips(JSON_ROUND_TRIP);
    for (index, event) in events.iter().enumerate().filter(|_| json) {
        if let Err(problem) = round_trip(event) {
            let message =
                format!("event {index} of the step does not survive a JSON round trip: {problem}");
            if let Some(violation) = found(JSON_ROUND_TRIP, message) {
                return Some(violation);
            }
        }
    }
    for event in events {
        M::apply(replica_state, event);
        views.fold(event);
    }
    if !same_durable_state::<M>(replica_state, engine.state()) {
        let message =
            "applying this step's events to the replayed state does not give the live state";
        if let Some(violation) = found(REPLAY_REBUILDS_STATE, message.into()) {
            return Some(violation);
        }
    }
    if replica.step_events(step) != events {
        let message = "re-deciding this step from the same seed gave other events";
        if let Some(violation) = found(REDISPATCH_REPRODUCES_EVENTS, message.into()) {
            return Some(violation);
        }
    }
    checks.proving_invariants(engine.state(), views, step, events)
}
