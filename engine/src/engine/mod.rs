//! `Engine<D>`: owns state, the action log and the event log, and dispatches atomically.

use std::fmt;
use std::ops::Range;

use crate::{Bugs, Conflict, Domain, Draw, Env};

mod clients;

/// How many rounds of reactor follow-ups one dispatch may run before it is refused.
pub const MAX_CASCADE_DEPTH: usize = 8;
/// How many follow-up actions one dispatch may run in all before it is refused.
pub const MAX_CASCADE_ACTIONS: usize = 64;

/// Why a dispatch changed nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal<R> {
    /// `decide` refused the action itself.
    Rejected(R),
    /// A follow-up action a reactor asked for was refused, so the whole step was undone.
    ReactorRejected {
        /// The round of follow-ups it was in: 1 for the reactions to the action's own events.
        depth: usize,
        /// Why `decide` refused the follow-up.
        reason: R,
    },
    /// The reactors kept asking for more than [`MAX_CASCADE_DEPTH`] rounds or
    /// [`MAX_CASCADE_ACTIONS`] actions; the whole step was undone.
    CascadeOverflow,
    /// A concurrent client's append found that a stream its decision read had moved (see
    /// [`Engine::commit`]).
    Conflict(Conflict),
    /// An earlier dispatch panicked partway (domain code must never panic; the harness
    /// reports it as a `no_panic` failure). What it left half-applied cannot be trusted, so
    /// the engine refuses every later dispatch, as a poisoned mutex does; nothing is logged.
    Poisoned,
}

impl<R: fmt::Display> fmt::Display for Refusal<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Rejected(reason) => write!(f, "{reason}"),
            Refusal::ReactorRejected { depth, reason } => {
                write!(
                    f,
                    "a reactor's follow-up at depth {depth} was refused: {reason}"
                )
            }
            Refusal::CascadeOverflow => write!(
                f,
                "reactors asked for more than {MAX_CASCADE_DEPTH} rounds or {MAX_CASCADE_ACTIONS} actions"
            ),
            Refusal::Conflict(conflict) => write!(f, "conflict: {conflict}"),
            Refusal::Poisoned => write!(
                f,
                "an earlier dispatch panicked partway, so this engine's state cannot be trusted"
            ),
        }
    }
}

/// Where the first round of a step's events comes from.
enum First<'a, D: Domain> {
    /// `decide` on the state as it is: a plain dispatch.
    Decide,
    /// A concurrent client's decision, made earlier ([`Engine::commit`]).
    Append(&'a [D::Event]),
    /// Nothing lands: the step is logged as refused for this reason. (Borrowed, as the
    /// events are: a plain dispatch moves this enum around, and a `Refusal` can be large.)
    Refuse(&'a Refusal<D::Reject>),
}

/// A domain's state with the history that built it.
///
/// Each [`Engine::dispatch`] is one step: the action is decided, its events applied, the
/// reactors' follow-ups dispatched; all of it lands or none of it does. Domain code that
/// panics breaks that promise, so a panic poisons the engine (see [`Refusal::Poisoned`]).
/// Every step, accepted or refused, is kept in the action log, so re-dispatching the log
/// reproduces the events.
pub struct Engine<D: Domain> {
    config: D::Config,
    bugs: Bugs,
    env: Env,
    /// Boxed, like `scratch`, so a cascade that lands swaps two pointers rather than
    /// copying the whole state back (payments' state is 6 KB of fixed arrays).
    state: Box<D::State>,
    /// Where [`Engine::dispatch`] works out a reactor cascade before it lands; kept between
    /// dispatches so each one refreshes it with `clone_from` instead of allocating.
    scratch: Option<Box<D::State>>,
    actions: Vec<D::Action>,
    events: Vec<D::Event>,
    /// `step_ends[i]`: the length of the event log after step `i`.
    step_ends: Vec<usize>,
    /// Events given before the first step (see [`Engine::resume`]).
    given: usize,
    /// What each step drew from [`Env`], once the engine keeps draws ([`Engine::record_draws`]
    /// or a scripted step); `None` in plain simulation, which never pays for it.
    tape: Option<Vec<Vec<Draw>>>,
    /// Set while a dispatch runs; still set afterwards only if it panicked.
    poisoned: bool,
    /// The step counts at which the process restarted ([`Engine::recover`]), so that
    /// [`Engine::redispatch`] restarts at the same points.
    restarts: Vec<usize>,
    /// What concurrent clients did, once one took part: boxed, so that an engine that never
    /// meets one is one pointer larger, not two lists.
    clients: Option<Box<clients::History<D>>>,
}

// Written out rather than derived: a derive would demand `D: Clone + Debug` of the domain's
// marker type (usually a bare unit struct), though only its associated types are stored.
impl<D: Domain> Clone for Engine<D> {
    fn clone(&self) -> Self {
        Engine {
            config: self.config.clone(),
            bugs: self.bugs,
            env: self.env.clone(),
            state: self.state.clone(),
            scratch: None,
            actions: self.actions.clone(),
            events: self.events.clone(),
            step_ends: self.step_ends.clone(),
            given: self.given,
            tape: self.tape.clone(),
            poisoned: self.poisoned,
            restarts: self.restarts.clone(),
            clients: self.clients.clone(),
        }
    }
}

impl<D: Domain> fmt::Debug for Engine<D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Engine")
            .field("config", &self.config)
            .field("bugs", &self.bugs)
            .field("env", &self.env)
            .field("state", &self.state)
            .field("actions", &self.actions)
            .field("events", &self.events)
            .field("step_ends", &self.step_ends)
            .field("given", &self.given)
            .field("tape", &self.tape)
            .field("poisoned", &self.poisoned)
            .field("restarts", &self.restarts)
            .field("clients", &self.clients)
            .finish()
    }
}

impl<D: Domain> Engine<D> {
    /// A fresh engine for `config`, its randomness seeded by `seed`, with `bugs` planted.
    pub fn new(config: D::Config, seed: u64, bugs: Bugs) -> Self {
        let state = Box::new(D::initial(&config, bugs));
        Engine {
            config,
            bugs,
            env: Env::new(seed, bugs),
            state,
            scratch: None,
            actions: Vec::new(),
            events: Vec::new(),
            step_ends: Vec::new(),
            given: 0,
            tape: None,
            poisoned: false,
            restarts: Vec::new(),
            clients: None,
        }
    }

    /// Starts over exactly as [`Engine::new`] would, but keeps the allocations of the action
    /// and event logs and the cascade scratch, so a thread playing many short runs does not
    /// grow its logs again every run (only the small state box is allocated anew).
    pub fn restart(&mut self, config: D::Config, seed: u64, bugs: Bugs) {
        let mut fresh = Engine::new(config, seed, bugs);
        fresh.actions = std::mem::take(&mut self.actions);
        fresh.events = std::mem::take(&mut self.events);
        fresh.step_ends = std::mem::take(&mut self.step_ends);
        fresh.scratch = self.scratch.take();
        fresh.actions.clear();
        fresh.events.clear();
        fresh.step_ends.clear();
        *self = fresh;
    }

    /// An engine whose history starts with `events` already applied (the "given" of a
    /// scenario, or a stream loaded from storage).
    pub fn resume(config: D::Config, seed: u64, bugs: Bugs, events: Vec<D::Event>) -> Self {
        let mut engine = Engine::new(config, seed, bugs);
        for event in &events {
            D::apply(&mut engine.state, event);
        }
        engine.given = events.len();
        engine.events = events;
        engine
    }

    /// Reserves room for `steps` more steps (and as many events), so a run of known length
    /// does not grow its logs step by step.
    pub fn reserve(&mut self, steps: usize) {
        self.actions.reserve(steps);
        self.step_ends.reserve(steps);
        self.events.reserve(steps);
    }

    /// Dispatches one action as an atomic step. On success, returns the range of the event
    /// log this step appended; on refusal, state and event log are exactly as they were.
    /// The action is logged before it is decided, so a panic in domain code leaves the
    /// action that caused it at the end of [`Engine::actions`].
    #[inline]
    pub fn dispatch(&mut self, action: D::Action) -> Result<Range<usize>, Refusal<D::Reject>> {
        self.dispatch_scripted(action, &[])
    }

    /// [`Engine::dispatch`] with the step's randomness given: `decide` takes `draws` in order
    /// for what it draws from [`Env`], and fresh draws from the seed once they run out or
    /// when one does not fit (a number where a shuffle is drawn). From the first scripted
    /// step on, the engine keeps what every step drew ([`Engine::step_draws`]).
    pub fn dispatch_scripted(
        &mut self,
        action: D::Action,
        draws: &[Draw],
    ) -> Result<Range<usize>, Refusal<D::Reject>> {
        self.step(action, draws, First::Decide)
    }

    /// One atomic step of `action`: its own events as `first` says (decided here, or decided
    /// earlier by a concurrent client), then the reactors' follow-ups. Inlined into
    /// [`Engine::dispatch_scripted`], so that a plain dispatch pays nothing for commits.
    #[inline(always)]
    fn step(
        &mut self,
        action: D::Action,
        draws: &[Draw],
        first: First<'_, D>,
    ) -> Result<Range<usize>, Refusal<D::Reject>> {
        if self.poisoned {
            return Err(Refusal::Poisoned);
        }
        if !draws.is_empty() {
            self.record_draws();
        }
        self.poisoned = true;
        if self.tape.is_some() {
            self.env.begin_step(draws);
        }
        let start = self.events.len();
        self.env.set_now(self.actions.len() as u64);
        self.actions.push(action);
        let outcome = match first {
            First::Refuse(refusal) => Err(refusal.clone()),
            first if D::REACTS => self.dispatch_cascade(start, first),
            first => self.dispatch_single(start, first),
        };
        self.step_ends.push(self.events.len());
        if let Some(tape) = &mut self.tape {
            tape.push(self.env.end_step());
        }
        self.poisoned = false;
        outcome.map(|()| start..self.events.len())
    }

    /// Crash recovery: replaces what the engine held in memory by what was read back from
    /// storage, `events` (the whole event log, deserialized) and `state` (rebuilt from them
    /// and the latest snapshot, its volatile parts lost). The action log and step boundaries
    /// stay, so step `i` still appended the same range of the log. `events` must be as long
    /// as the log it replaces.
    pub fn recover(&mut self, events: Vec<D::Event>, state: D::State) {
        self.recover_from(0, events, state);
    }

    /// [`Engine::recover`] when the events before `first` were read back by an earlier
    /// restart and are kept as they are: `events` replaces the log from `first` on, and must
    /// be as long as what it replaces.
    pub fn recover_from(&mut self, first: usize, events: Vec<D::Event>, state: D::State) {
        debug_assert_eq!(
            first + events.len(),
            self.events.len(),
            "a restart reads back every event"
        );
        self.events.truncate(first);
        self.events.extend(events);
        *self.state = state;
        self.restarts.push(self.actions.len());
    }

    /// A restart without storage: the state rebuilt from the event log in memory, its
    /// volatile parts ([`Domain::forget_volatile`]) lost. What [`Engine::redispatch`] does
    /// where the original restarted.
    pub fn restart_in_memory(&mut self) {
        let mut state = Self::replay_events(&self.config, self.bugs, &self.events);
        D::forget_volatile(&mut state);
        *self.state = state;
        self.restarts.push(self.actions.len());
    }

    /// Keeps, from the next step on, what each step draws from [`Env`] (earlier steps show
    /// none), so a failing run's log can store its randomness beside its actions.
    pub fn record_draws(&mut self) {
        if self.tape.is_none() {
            self.tape = Some(vec![Vec::new(); self.actions.len()]);
        }
    }

    /// What step `step` drew, when the engine keeps draws; empty otherwise.
    pub fn step_draws(&self, step: usize) -> &[Draw] {
        self.tape
            .as_ref()
            .and_then(|tape| tape.get(step))
            .map_or(&[], Vec::as_slice)
    }

    /// Every step's draws, when the engine keeps them.
    pub fn draws(&self) -> Option<&[Vec<Draw>]> {
        self.tape.as_deref()
    }

    #[inline]
    fn dispatch_single(
        &mut self,
        start: usize,
        first: First<'_, D>,
    ) -> Result<(), Refusal<D::Reject>> {
        let action = self.actions.last().expect("dispatch logged the action");
        if let First::Append(decided) = first {
            self.events.extend_from_slice(decided);
            for event in decided {
                D::apply(&mut self.state, event);
            }
            return Ok(());
        }
        match D::execute(&mut self.state, action, &mut self.env, &mut self.events) {
            Ok(()) => Ok(()),
            Err(reason) => {
                self.events.truncate(start);
                Err(Refusal::Rejected(reason))
            }
        }
    }

    /// Decides and applies on a scratch copy of the state, follow-ups breadth first, and only
    /// swaps the copy in when the whole cascade was accepted.
    fn dispatch_cascade(
        &mut self,
        start: usize,
        first: First<'_, D>,
    ) -> Result<(), Refusal<D::Reject>> {
        let decided = match first {
            First::Append(decided) => Some(decided),
            _ => None,
        };
        let action = self.actions.last().expect("dispatch logged the action");
        let mut scratch = match self.scratch.take() {
            Some(mut scratch) => {
                scratch.clone_from(&self.state);
                scratch
            }
            None => self.state.clone(),
        };
        let mut pending: Vec<D::Action> = Vec::new();
        let mut next_round: Vec<D::Action> = Vec::new();
        let mut follow_ups = 0usize;
        let outcome = (|| {
            let mut depth = 0;
            let mut first = Some(action);
            loop {
                let round: Vec<D::Action> = std::mem::take(&mut pending);
                let actions = first.take().into_iter().chain(round.iter());
                for current in actions {
                    let from = self.events.len();
                    if let (0, Some(decided)) = (depth, decided) {
                        self.events.extend_from_slice(decided);
                    } else {
                        D::decide(&scratch, current, &mut self.env, &mut self.events).map_err(
                            |reason| {
                                if depth == 0 {
                                    Refusal::Rejected(reason)
                                } else {
                                    Refusal::ReactorRejected { depth, reason }
                                }
                            },
                        )?;
                    }
                    for event in &self.events[from..] {
                        D::apply(&mut scratch, event);
                        D::react(&scratch, event, &mut next_round);
                    }
                }
                if next_round.is_empty() {
                    return Ok(());
                }
                depth += 1;
                follow_ups += next_round.len();
                if depth > MAX_CASCADE_DEPTH || follow_ups > MAX_CASCADE_ACTIONS {
                    return Err(Refusal::CascadeOverflow);
                }
                std::mem::swap(&mut pending, &mut next_round);
            }
        })();
        match outcome {
            Ok(()) => {
                std::mem::swap(&mut self.state, &mut scratch);
                self.scratch = Some(scratch);
                Ok(())
            }
            Err(refusal) => {
                self.scratch = Some(scratch);
                self.events.truncate(start);
                Err(refusal)
            }
        }
    }

    /// The state after every step so far.
    pub fn state(&self) -> &D::State {
        &self.state
    }

    /// The config the engine was made with.
    pub fn config(&self) -> &D::Config {
        &self.config
    }

    /// The planted bugs switched on for this engine.
    pub fn bugs(&self) -> Bugs {
        self.bugs
    }

    /// The seed its [`Env`] draws from.
    pub fn seed(&self) -> u64 {
        self.env.seed_unread()
    }

    /// Whether any step so far depended on the seed: a draw its script did not supply, or
    /// domain code reading [`Env::seed`]. False means these steps, with the draws they were
    /// given, replay alike under any seed.
    pub fn read_seed(&self) -> bool {
        self.env.read_seed()
    }

    /// Every action dispatched, accepted or refused, in order.
    pub fn actions(&self) -> &[D::Action] {
        &self.actions
    }

    /// The whole event log, given events first.
    pub fn events(&self) -> &[D::Event] {
        &self.events
    }

    /// The events step `step` appended (empty for a refused step, or a step that panicked).
    pub fn step_events(&self, step: usize) -> &[D::Event] {
        let Some(&end) = self.step_ends.get(step) else {
            return &[];
        };
        let start = if step == 0 {
            self.given
        } else {
            self.step_ends[step - 1]
        };
        &self.events[start..end]
    }

    /// Number of steps (dispatched actions) so far.
    pub fn steps(&self) -> usize {
        self.actions.len()
    }

    /// Event-level replay: the state rebuilt by applying `events` to the initial state. Needs
    /// no randomness and no decisions; this is what snapshots and the replay benchmark use.
    pub fn replay_events(config: &D::Config, bugs: Bugs, events: &[D::Event]) -> D::State {
        let mut state = D::initial(config, bugs);
        for event in events {
            D::apply(&mut state, event);
        }
        state
    }

    /// Action-level replay: a new engine that re-decides every action of this one from the
    /// same seed. Determinism means its event log equals this one's, bit for bit.
    pub fn redispatch(&self) -> Engine<D> {
        let given = self.events[..self.given].to_vec();
        let mut replica = Engine::resume(
            self.config.clone(),
            self.env.seed_unread(),
            self.bugs,
            given,
        );
        replica.reserve(self.actions.len());
        if self.tape.is_some() {
            replica.record_draws();
        }
        let mut restarts = self.restarts.iter().peekable();
        let (begins, commits) = match &self.clients {
            Some(clients) => (&clients.begins[..], &clients.commits[..]),
            None => (&[][..], &[][..]),
        };
        let mut begins = begins.iter().peekable();
        let mut commits = commits.iter().peekable();
        for step in 0..=self.actions.len() {
            while restarts.next_if(|&&at| at == step).is_some() {
                replica.restart_in_memory();
            }
            while let Some((_, action, drew)) = begins.next_if(|(at, ..)| *at == step) {
                // Without a tape the original drew from the seed, and so does the replica.
                let script = if self.tape.is_some() { &drew[..] } else { &[] };
                let _ = replica.begin(action.clone(), script);
            }
            let Some(action) = self.actions.get(step) else {
                break;
            };
            match commits.next_if(|(at, _)| *at == step) {
                Some((_, committed)) => {
                    let _ = replica.recommit(action.clone(), committed);
                }
                None => {
                    let _ = replica.dispatch_scripted(action.clone(), self.step_draws(step));
                }
            }
        }
        replica
    }
}
