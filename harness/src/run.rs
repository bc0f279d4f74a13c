//! One run: up to `steps` steps from one seed (the bot's actions, and for a domain with an
//! outbox the world's, see [`crate::world`]), every invariant checked after every step and
//! the whole history at the end. The same loop serves every driver of [`Choices`]: ChaCha8
//! (simulation), fuzz bytes and replayed vectors.

use rewind_engine::{
    Bugs, Choices, Coverage, Engine, Model, Projection, RandomChoices, SeededRng, Step, Violation,
};

use crate::check::{self, Checks, Depth, NO_PANIC};

/// How many times the bot is asked again for an action whose kind swarm mode switched off
/// before the harness takes what it got.
const SWARM_TRIES: usize = 16;

/// The ChaCha8 stream of a run's seed that picks the swarm mask (the bot uses 0, `Env` 1-2).
const SWARM_STREAM: u64 = 7;

/// What one run is.
pub struct RunSpec<'a, M: Model> {
    /// The domain's config.
    pub config: &'a M::Config,
    /// The run's seed (the bot's stream, the [`rewind_engine::Env`]'s and the swarm mask).
    pub seed: u64,
    /// Steps to take at most.
    pub steps: usize,
    /// The planted bugs switched on.
    pub bugs: Bugs,
    /// Switch a random subset of [`Model::ACTION_KINDS`] off for this run (see [`swarm_mask`]).
    pub swarm: bool,
    /// Also re-dispatch the actions and rebuild the projections at the end of this run.
    pub deep: bool,
    /// Also send every action and event of this run through a JSON round trip at its end.
    pub json: bool,
    /// The checks made: every one, or all but those `sim --skip` set aside.
    pub checks: &'a Checks<M>,
    /// Inject the delivery faults the domain declares (only for domains with an outbox;
    /// without faults, messages are delivered at once, in order, exactly once).
    pub faults: bool,
    /// Let concurrent clients begin and commit commands (only for domains that declare
    /// [`rewind_engine::Domain::CONCURRENT`]).
    pub concurrency: bool,
}

/// Counts one or many runs add up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunCounts {
    /// Runs played.
    pub runs: u64,
    /// Steps taken: the bot's actions and, for a domain with an outbox, the world's steps
    /// and the deliveries of the drain at the end of each run.
    pub dispatches: u64,
    /// Steps refused, by the domain or by the bus.
    pub rejected: u64,
    /// Events appended.
    pub events: u64,
    /// Runs that broke an invariant.
    pub failed: u64,
}

impl<M: Model> RunSpec<'_, M> {
    /// How thoroughly the run's history is checked at its end.
    pub fn depth(&self) -> Depth {
        Depth {
            deep: self.deep,
            json: self.json,
        }
    }
}

impl RunCounts {
    /// Adds `other`'s counts to these.
    pub fn add(&mut self, other: &RunCounts) {
        self.runs += other.runs;
        self.dispatches += other.dispatches;
        self.rejected += other.rejected;
        self.events += other.events;
        self.failed += other.failed;
    }
}

/// A run that broke something: the violation and the steps up to and including it.
pub struct RunFailure<M: Model> {
    /// What broke, and at which step.
    pub violation: Violation,
    /// The steps taken, up to and including the one that broke.
    pub steps: Vec<Step<M::Action>>,
}

/// The action kinds swarm mode leaves on for this run: each kind with even odds, never none.
pub fn swarm_mask<M: Model>(seed: u64, swarm: bool) -> u64 {
    let kinds = M::ACTION_KINDS.len().min(64);
    let all = if kinds == 64 {
        u64::MAX
    } else {
        (1u64 << kinds) - 1
    };
    if !swarm || kinds <= 1 {
        return all;
    }
    let mut rng = SeededRng::new(seed, SWARM_STREAM);
    let mask = rng.next_u64() & all;
    if mask == 0 {
        1 << rng.below(kinds as u32)
    } else {
        mask
    }
}

/// Plays one simulated run: the bot draws from the ChaCha8 stream of the run's seed.
/// `spare` is an engine left by an earlier clean run on this thread, restarted rather than
/// allocated anew; a clean run leaves its engine there for the next.
pub fn run_once<M: Model>(
    spec: &RunSpec<'_, M>,
    counts: &mut RunCounts,
    coverage: &mut Coverage,
    spare: &mut Option<Engine<M>>,
) -> Option<RunFailure<M>> {
    let engine = match spare.take() {
        Some(mut engine) => {
            engine.restart(spec.config.clone(), spec.seed, spec.bugs);
            engine
        }
        None => Engine::<M>::new(spec.config.clone(), spec.seed, spec.bugs),
    };
    let mut choices = RandomChoices::new(spec.seed);
    let played = play_on(engine, spec, &mut choices, counts, coverage);
    if played.violation.is_none() {
        *spare = Some(played.engine);
        return None;
    }
    played.failure()
}

/// How one run ended: the engine with its whole history, and what broke, if anything.
pub struct Played<M: Model> {
    /// The engine after the run, with its whole history.
    pub engine: Engine<M>,
    /// The first check that broke, if one did.
    pub violation: Option<Violation>,
    /// The steps taken, when the run went through a [`crate::world::World`]; otherwise every
    /// step was an action, and the engine's action log is the case.
    pub world_steps: Option<Vec<Step<M::Action>>>,
}

impl<M: Model> Played<M> {
    /// Every step taken: the user's actions and the world's.
    pub fn steps(&self) -> Vec<Step<M::Action>> {
        match &self.world_steps {
            Some(steps) => steps.clone(),
            None => self
                .engine
                .actions()
                .iter()
                .cloned()
                .map(Step::Act)
                .collect(),
        }
    }

    /// The failure, with the steps up to and including the one that broke.
    pub fn failure(self) -> Option<RunFailure<M>> {
        self.violation.as_ref()?;
        let steps = self.steps();
        let violation = self.violation?;
        Some(RunFailure { violation, steps })
    }
}

/// The run loop every driver shares (simulation, fuzzing, proptest): the bot asks `choices`
/// for each action until `spec.steps` or until a finite driver is exhausted; domain
/// invariants after every dispatch, the history checks once at the end, and a panic anywhere
/// is a `no_panic` violation. Adds to `counts` and `coverage`.
pub fn play<M: Model>(
    spec: &RunSpec<'_, M>,
    choices: &mut dyn Choices,
    counts: &mut RunCounts,
    coverage: &mut Coverage,
) -> Played<M> {
    let engine = Engine::<M>::new(spec.config.clone(), spec.seed, spec.bugs);
    play_on(engine, spec, choices, counts, coverage)
}

/// [`play`] on `engine`, fresh from [`Engine::new`] or [`Engine::restart`] for this spec.
fn play_on<M: Model>(
    mut engine: Engine<M>,
    spec: &RunSpec<'_, M>,
    choices: &mut dyn Choices,
    counts: &mut RunCounts,
    coverage: &mut Coverage,
) -> Played<M> {
    if M::ASYNC || (M::CONCURRENT && spec.concurrency) {
        return crate::world::play(engine, spec, choices, counts, coverage);
    }
    engine.reserve(spec.steps);
    let mut views = M::projections(spec.config, spec.bugs);
    let mask = swarm_mask::<M>(spec.seed, spec.swarm);
    let mut step = 0;
    let outcome = crate::panic::catch(|| {
        while step < spec.steps && !choices.exhausted() {
            let action = next_action::<M>(engine.state(), choices, mask);
            counts.dispatches += 1;
            let appended = match engine.dispatch(action) {
                Ok(range) => {
                    fold_accepted(&engine, range.clone(), &mut views, coverage, counts);
                    range
                }
                Err(_) => {
                    counts.rejected += 1;
                    0..0
                }
            };
            let events = &engine.events()[appended];
            if let Some(violation) = step_invariants(spec, engine.state(), &views, step, events) {
                return Some(violation);
            }
            step += 1;
        }
        check::history(&engine, &views, spec.depth(), spec.checks)
    });
    Played {
        engine,
        violation: run_ended(outcome, step, counts, spec.checks),
        world_steps: None,
    }
}

/// The invariants after one step that appended `events`: a deep run checks every one,
/// after every step, and proves [`Model::touches`]; any other checks those the events touch
/// (none after a step that appended nothing).
#[inline(always)]
pub(crate) fn step_invariants<M: Model>(
    spec: &RunSpec<'_, M>,
    state: &M::State,
    views: &M::Projections,
    step: usize,
    events: &[M::Event],
) -> Option<Violation> {
    if spec.deep {
        spec.checks.proving_invariants(state, views, step, events)
    } else {
        spec.checks.touched_invariants(state, views, step, events)
    }
}

/// Folds what an accepted dispatch appended (`range` of the event log) into the projections
/// and the coverage, and counts its events.
#[inline]
pub(crate) fn fold_accepted<M: Model>(
    engine: &Engine<M>,
    range: std::ops::Range<usize>,
    views: &mut M::Projections,
    coverage: &mut Coverage,
    counts: &mut RunCounts,
) {
    counts.events += range.len() as u64;
    for event in &engine.events()[range] {
        views.fold(event);
        M::cover(engine.state(), event, coverage);
    }
}

/// Counts a finished run and says what broke: what the run found, or a panic during step
/// `step` as a `no_panic` violation (unless `checks` sets that aside: the run just ends).
pub(crate) fn run_ended<M: Model>(
    outcome: Result<Option<Violation>, String>,
    step: usize,
    counts: &mut RunCounts,
    checks: &Checks<M>,
) -> Option<Violation> {
    counts.runs += 1;
    match outcome {
        Ok(found) => found,
        Err(message) => checks.violation(NO_PANIC, step, message),
    }
}

#[inline]
pub(crate) fn next_action<M: Model>(
    state: &M::State,
    choices: &mut dyn Choices,
    mask: u64,
) -> M::Action {
    let mut action = M::next_action(state, choices);
    for _ in 0..SWARM_TRIES {
        if mask & (1 << M::action_kind(&action).min(63)) != 0 {
            break;
        }
        action = M::next_action(state, choices);
    }
    action
}
