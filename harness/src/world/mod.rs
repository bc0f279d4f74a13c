//! The world around a domain with asynchronous reactors: a message bus that delivers the
//! outbox late, out of order or twice, and a store the process restarts from after a crash.
//!
//! A [`World`] takes one [`Step`] at a time: it dispatches a user's action or a delivered
//! message, or restarts the process (see `restart.rs`). The scheduler ([`World::next_step`])
//! chooses each step from the run's [`Choices`], so the seed, the fuzz input or proptest's
//! vector decides the interleaving as it decides the actions, and the shrinker removes faults
//! as it removes actions.
//!
//! A domain that declares concurrent clients ([`rewind_engine::Domain::CONCURRENT`]) meets a
//! world too: a client's `begin` decides a command and its later `commit` appends it, with
//! other steps in between (see `clients.rs`). A domain that is neither
//! [`rewind_engine::Domain::ASYNC`] nor concurrent never meets a world.
//!
//! Every fault is bounded: deliveries of one message ([`MAX_DELIVERIES`]), restarts per run
//! ([`MAX_RESTARTS`]), the outbox's length ([`MAX_OUTBOX`]) and the drain at the end of a run
//! ([`MAX_DRAIN`]), and so are clients ([`MAX_CLIENTS`], one command each, at most
//! [`rewind_engine::MAX_ATTEMPTS`] decisions per command).

mod clients;
mod play;
mod restart;
mod schedule;
mod shown;

use std::ops::Range;

use rewind_engine::{
    Choices, Conflict, Coverage, Draw, Engine, Faults, Model, Refusal, Step, Violation,
};

use crate::check::Checks;
use crate::text::plural;

pub use clients::{CLIENT_LABELS, COMMITS_SERIALIZABLE, MAX_CLIENTS};
pub(crate) use play::{play, rebuilt_views};
pub use restart::{RESTART_REBUILDS_STATE, same_durable_state};
pub use shown::{WAITING_SHOWN, describe_step, waiting, waiting_line};

/// How many times one message may be delivered in all (its first delivery and redeliveries).
pub const MAX_DELIVERIES: u32 = 3;
/// How many crashes one run may have.
pub const MAX_RESTARTS: u32 = 2;
/// The most messages an outbox may hold; more is a finding ([`OUTBOX_BOUNDED`]).
pub const MAX_OUTBOX: usize = 256;
/// The most deliveries the drain at the end of a run makes.
pub const MAX_DRAIN: usize = 512;
/// The delivered messages remembered for redelivery; older ones are forgotten.
const REMEMBERED: usize = 16;
/// A snapshot is written once this many events have landed since the last one.
const SNAPSHOT_EVERY: usize = 64;

/// The generic check that an outbox stays within [`MAX_OUTBOX`].
pub const OUTBOX_BOUNDED: &str = "outbox_bounded";

/// The coverage labels of the faults that fired, after the domain's own labels.
pub const FAULT_LABELS: [&str; 5] = [
    "fault: delayed (a user acted first)",
    "fault: reordered",
    "fault: duplicated",
    "fault: restarted from the log",
    "fault: restarted from a snapshot",
];
const DELAYED: usize = 0;
const REORDERED: usize = 1;
const DUPLICATED: usize = 2;
const RESTARTED: usize = 3;
const FROM_SNAPSHOT: usize = 4;

/// The coverage labels a run of `M` can hit: the domain's, then the faults' when `M` has an
/// outbox, then the clients' when it declares concurrent clients.
pub fn coverage_labels<M: Model>() -> Vec<&'static str> {
    let mut labels = M::COVERAGE.to_vec();
    if M::ASYNC {
        labels.extend(FAULT_LABELS);
    }
    if M::CONCURRENT {
        labels.extend(CLIENT_LABELS);
    }
    labels
}

/// Where the clients' labels start among [`coverage_labels`].
fn client_labels<M: Model>() -> usize {
    M::COVERAGE.len() + if M::ASYNC { FAULT_LABELS.len() } else { 0 }
}

/// The faults a run of `M` injects, named for a summary: `None` for a domain without an
/// outbox, `"none"` when they are off or the domain claims no fault tolerance.
pub fn faults_named<M: Model>(faults_on: bool) -> Option<String> {
    if !M::ASYNC {
        return None;
    }
    let faults = if faults_on { M::FAULTS } else { Faults::NONE };
    let names: Vec<&str> = [
        (faults.delay, "delay"),
        (faults.reorder, "reorder"),
        (faults.duplicate, "duplicate"),
        (faults.restart, "restart"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect();
    Some(if names.is_empty() {
        "none (every message at once, in order, once)".into()
    } else {
        names.join(", ")
    })
}

/// The concurrent clients a run of `M` has, named for a summary: `None` for a domain that
/// declares none, `"off"` when they are off.
pub fn clients_named<M: Model>(on: bool) -> Option<String> {
    if !M::CONCURRENT {
        return None;
    }
    Some(if on {
        format!(
            "up to {MAX_CLIENTS}, each a command in flight from its begin to its commit; {COMMITS_SERIALIZABLE} at every commit"
        )
    } else {
        "off (every command decided and appended at once)".into()
    })
}

/// What one step did.
pub enum Outcome<M: Model> {
    /// It dispatched an action (the user's or a delivered message): what the engine said.
    Dispatched(Result<Range<usize>, Refusal<M::Reject>>),
    /// The bus would not take it (a message that was never sent, or delivered too often);
    /// nothing happened.
    NotTaken(String),
    /// The process crashed and came back from its log.
    Restarted,
    /// A concurrent client decided a command, with what the decision drew; nothing landed.
    Began {
        /// The command.
        action: M::Action,
        /// What the decision drew.
        drew: Vec<Draw>,
    },
    /// A client's append met `conflict`, and it decided again on the fresh state; the new
    /// decision waits for a later commit.
    Retried {
        /// The command.
        action: M::Action,
        /// The stream that moved.
        conflict: Conflict,
        /// What the new decision drew.
        drew: Vec<Draw>,
    },
}

/// Why the bus refuses a message it delivered [`MAX_DELIVERIES`] times already.
fn given_up<M: Model>() -> Outcome<M> {
    Outcome::NotTaken(format!(
        "the bus gives up on a message after {}",
        plural(MAX_DELIVERIES, "delivery")
    ))
}

/// A message the bus delivered, and how often.
#[derive(Clone, Debug)]
struct Delivered<A> {
    message: A,
    times: u32,
}

/// The bus and the store around one engine. Faults not in `faults` are never scheduled; a
/// log's steps are taken as written, faults or not, as long as the bus could have taken them.
pub struct World<M: Model> {
    faults: Faults,
    /// The outbox as of the last look, oldest first.
    outbox: Vec<M::Action>,
    /// The state the outbox was last read from (its address) and [`World::changes`] then: a
    /// look at the same state with nothing taken since reuses it.
    looked: Option<(usize, u64)>,
    /// How many steps this world has taken that could change the state.
    changes: u64,
    delivered: Vec<Delivered<M::Action>>,
    restarts: u32,
    /// How many events, from the first, the last restart read back from the store: a later
    /// restart sends only the events after them through JSON.
    read_back: usize,
    /// The latest snapshot: the event count it was taken at, and the state then.
    snapshot: Option<(usize, M::State)>,
    /// Whether [`RESTART_REBUILDS_STATE`] is checked at each restart.
    check_restarts: bool,
    /// Whether [`OUTBOX_BOUNDED`] is checked after each step.
    check_outbox: bool,
    /// The concurrent clients' commands in flight, by client number less one.
    clients: [Option<clients::InFlight<M>>; MAX_CLIENTS as usize],
    /// Whether the scheduler starts and commits clients' commands (see [`World::without_clients`]).
    schedule_clients: bool,
    /// Whether [`COMMITS_SERIALIZABLE`] is checked at each commit.
    check_commits: bool,
    /// Where the clients' coverage labels start.
    client_labels: usize,
    /// How many steps this world was asked to take: the index of the next.
    taken: usize,
}

impl<M: Model> World<M> {
    /// A world injecting `M`'s declared faults, or none when `faults_on` is false (messages
    /// are then delivered at once, in order, exactly once).
    pub fn new(faults_on: bool) -> Self {
        World {
            faults: if faults_on { M::FAULTS } else { Faults::NONE },
            outbox: Vec::new(),
            looked: None,
            changes: 0,
            delivered: Vec::new(),
            restarts: 0,
            read_back: 0,
            snapshot: None,
            check_restarts: true,
            check_outbox: true,
            clients: std::array::from_fn(|_| None),
            schedule_clients: M::CONCURRENT,
            check_commits: true,
            client_labels: client_labels::<M>(),
            taken: 0,
        }
    }

    /// This world, its scheduler never starting a concurrent client's command (`sim
    /// --concurrency off`); a log's client steps are still taken.
    #[must_use]
    pub fn without_clients(mut self) -> Self {
        self.schedule_clients = false;
        self
    }

    /// This world, with the checks of its own that `checks` sets aside left out: a restart
    /// then goes on from the rebuilt state whatever it is, and the outbox may grow past its
    /// bound (a run's steps still bound it).
    #[must_use]
    pub fn setting_aside(mut self, checks: &Checks<M>) -> Self {
        self.check_restarts = !checks.skips(RESTART_REBUILDS_STATE);
        self.check_outbox = !checks.skips(OUTBOX_BOUNDED);
        self.check_commits = !checks.skips(COMMITS_SERIALIZABLE);
        self
    }

    /// Looks at the outbox of `state`, unless this world read it from the same state and
    /// has taken no step since. A step reads the outbox three times (to schedule, to take,
    /// and after), and the state changes only in between, through [`World::take`].
    fn look(&mut self, state: &M::State) {
        let seen = (std::ptr::from_ref(state) as usize, self.changes);
        if self.looked == Some(seen) {
            return;
        }
        self.outbox.clear();
        M::outbox(state, &mut self.outbox);
        self.looked = Some(seen);
    }

    /// The messages waiting in `state`'s outbox, oldest first.
    pub(crate) fn waiting(&mut self, state: &M::State) -> &[M::Action] {
        self.look(state);
        &self.outbox
    }

    fn times_delivered(&self, message: &M::Action) -> u32 {
        self.delivered
            .iter()
            .find(|seen| seen.message == *message)
            .map_or(0, |seen| seen.times)
    }

    /// Counts one more delivery of `message`, unless the bus gave up on it: then says so.
    /// One look through what was delivered serves both.
    fn deliver_once_more(&mut self, message: &M::Action) -> Result<(), Outcome<M>> {
        if let Some(seen) = self
            .delivered
            .iter_mut()
            .find(|seen| seen.message == *message)
        {
            if seen.times >= MAX_DELIVERIES {
                return Err(given_up());
            }
            seen.times += 1;
            return Ok(());
        }
        if self.delivered.len() == REMEMBERED {
            self.delivered.remove(0);
        }
        self.delivered.push(Delivered {
            message: message.clone(),
            times: 1,
        });
        Ok(())
    }

    /// Takes `step` on `engine`, `draws` scripted for the action it dispatches. Hits the
    /// fault labels (after the domain's own, see [`coverage_labels`]) of what fired. An error
    /// is a finding: a generic check the step broke.
    pub fn take(
        &mut self,
        engine: &mut Engine<M>,
        step: &Step<M::Action>,
        draws: &[Draw],
        coverage: &mut Coverage,
    ) -> Result<Outcome<M>, Violation> {
        let labels = M::COVERAGE.len();
        self.taken += 1;
        self.look(engine.state());
        let outcome = match step {
            Step::Act(action) => {
                if !self.outbox.is_empty() {
                    coverage.hit(labels + DELAYED);
                }
                Outcome::Dispatched(engine.dispatch_scripted(action.clone(), draws))
            }
            Step::Deliver(message) => {
                let Some(position) = self.outbox.iter().position(|m| m == message) else {
                    return Ok(Outcome::NotTaken(
                        "the bus holds no such message: it is not in the outbox".into(),
                    ));
                };
                if let Err(given_up) = self.deliver_once_more(message) {
                    return Ok(given_up);
                }
                if position > 0 {
                    coverage.hit(labels + REORDERED);
                }
                Outcome::Dispatched(engine.dispatch_scripted(message.clone(), draws))
            }
            Step::Redeliver(message) => match self.times_delivered(message) {
                0 => {
                    return Ok(Outcome::NotTaken(
                        "the bus never delivered this message, so it cannot deliver it again"
                            .into(),
                    ));
                }
                times if times >= MAX_DELIVERIES => {
                    return Ok(given_up());
                }
                _ => {
                    coverage.hit(labels + DUPLICATED);
                    if let Err(given_up) = self.deliver_once_more(message) {
                        return Ok(given_up);
                    }
                    Outcome::Dispatched(engine.dispatch_scripted(message.clone(), draws))
                }
            },
            Step::Restart => {
                if self.restarts >= MAX_RESTARTS {
                    return Ok(Outcome::NotTaken(format!(
                        "a run restarts at most {}",
                        plural(MAX_RESTARTS, "time")
                    )));
                }
                self.restarts += 1;
                coverage.hit(labels + RESTARTED);
                if self.snapshot.is_some() {
                    coverage.hit(labels + FROM_SNAPSHOT);
                }
                self.read_back = restart::restart(
                    engine,
                    self.snapshot.as_ref(),
                    self.read_back,
                    self.check_restarts,
                )?;
                Outcome::Restarted
            }
            Step::Begin { client, action } => match self.begin(engine, *client, action, draws) {
                Outcome::NotTaken(reason) => return Ok(Outcome::NotTaken(reason)),
                began => began,
            },
            Step::Commit(client) => match self.commit(engine, *client, draws, coverage) {
                Ok(Outcome::NotTaken(reason)) => return Ok(Outcome::NotTaken(reason)),
                Err(found) => {
                    self.changes += 1;
                    return Err(found);
                }
                Ok(committed) => committed,
            },
        };
        self.changes += 1;
        self.after_step(engine)?;
        Ok(outcome)
    }

    /// Writes a snapshot when enough events landed, and checks the outbox's bound.
    fn after_step(&mut self, engine: &Engine<M>) -> Result<(), Violation> {
        let events = engine.events().len();
        let since = self.snapshot.as_ref().map_or(0, |(at, _)| *at);
        if self.faults.restart && events >= since + SNAPSHOT_EVERY {
            self.snapshot = Some((events, restart::durable_copy::<M>(engine.state())));
        }
        self.look(engine.state());
        if self.check_outbox && self.outbox.len() > MAX_OUTBOX {
            return Err(Violation {
                invariant: OUTBOX_BOUNDED.into(),
                step: 0,
                message: format!(
                    "the outbox holds {} messages, more than {MAX_OUTBOX}",
                    self.outbox.len()
                ),
            });
        }
        Ok(())
    }

    /// The next step of the drain at the end of a run: the commit of the lowest client with
    /// a command in flight, then the delivery of the oldest waiting message the bus has not
    /// given up on, if any.
    pub fn next_to_drain(&mut self, state: &M::State) -> Option<Step<M::Action>> {
        if let Some(client) = self.next_commit() {
            return Some(Step::Commit(client));
        }
        self.look(state);
        let message = self
            .outbox
            .iter()
            .find(|message| self.times_delivered(message) < MAX_DELIVERIES)?;
        Some(Step::Deliver(message.clone()))
    }

    /// The scheduler: the next step, drawn from `choices` (see `schedule.rs`).
    pub fn next_step(
        &mut self,
        state: &M::State,
        choices: &mut dyn Choices,
        bot: impl FnOnce(&mut dyn Choices) -> M::Action,
    ) -> Step<M::Action> {
        self.look(state);
        schedule::next_step(self, choices, bot)
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod client_tests;
