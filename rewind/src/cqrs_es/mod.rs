//! A [cqrs-es](https://docs.rs/cqrs-es) aggregate, tested by rewind without rewriting it.
//!
//! A cqrs-es user already has the rules: an [`Aggregate`] whose async `handle` turns a command
//! into events and whose `apply` folds them. Implement [`AggregateModel`] on a marker type (a
//! bot, invariants, the services a simulation hands to `handle`) and [`Aggregated<T>`] is a
//! rewind domain that [`Engine`](crate::Engine), the simulator, the shrinker, the corpus and the
//! fuzzer take as it is.
//!
//! How cqrs-es maps onto rewind:
//! - The state is the aggregate itself, starting from its `Default`; the config and the
//!   projections are `()`; the action is the aggregate's `Command`, the event its `Event`.
//! - `decide` runs `handle` on a copy of the aggregate and returns the events `handle` wrote to
//!   its sink; `apply` is the aggregate's `apply` on a clone of the event.
//! - The engine's dispatch keeps the copy `handle` worked on. `EventSink::write` applies each
//!   event as it records it, so that copy equals replaying the events, unless `handle` changed
//!   the aggregate some other way: the harness's replay check then reports it.
//! - `handle` is polled on the current thread with a waker that does nothing, at most
//!   [`MAX_POLLS`] times: no runtime, no thread pool, no wall clock, so a run is a function of
//!   its seed. A `handle` still pending after that awaited real I/O, and is refused with
//!   [`Rejected::Pending`]; one that fails is refused with [`Rejected::Error`], holding the
//!   error's `Display` text. (tokio's timers and sockets panic outside a runtime rather than
//!   wait; the harness reports that as a panic.)
//! - The services `handle` sees are built for each command by [`AggregateModel::services`]
//!   from the [`Env`]: fakes of the outside world that answer at once. Planted bugs, logical
//!   time and seeded randomness reach `handle` that way, since it sees nothing else.
//!
//! ```
//! use cqrs_es::event_sink::EventSink;
//! use cqrs_es::{Aggregate, DomainEvent};
//! use rewind::cqrs_es::{AggregateInvariant, AggregateModel, Aggregated};
//! use rewind::{Bugs, Choices, Engine, Env, Model, RandomChoices};
//! use serde::{Deserialize, Serialize};
//!
//! // The aggregate, as any cqrs-es user has it.
//! #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
//! struct Jar {
//!     marbles: u32,
//! }
//!
//! #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
//! enum JarCommand {
//!     Drop(u32),
//! }
//!
//! #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
//! enum JarEvent {
//!     Dropped(u32),
//! }
//!
//! impl DomainEvent for JarEvent {
//!     fn event_type(&self) -> String {
//!         "Dropped".to_string()
//!     }
//!     fn event_version(&self) -> String {
//!         "1".to_string()
//!     }
//! }
//!
//! #[derive(Debug)]
//! struct Overflowing;
//!
//! impl std::fmt::Display for Overflowing {
//!     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
//!         f.write_str("the jar holds 100 marbles")
//!     }
//! }
//!
//! impl std::error::Error for Overflowing {}
//!
//! impl Aggregate for Jar {
//!     const TYPE: &'static str = "jar";
//!     type Command = JarCommand;
//!     type Event = JarEvent;
//!     type Error = Overflowing;
//!     type Services = ();
//!
//!     async fn handle(
//!         &mut self,
//!         command: JarCommand,
//!         _services: &(),
//!         sink: &EventSink<Self>,
//!     ) -> Result<(), Overflowing> {
//!         let JarCommand::Drop(count) = command;
//!         if self.marbles.saturating_add(count) > 100 {
//!             return Err(Overflowing);
//!         }
//!         sink.write(JarEvent::Dropped(count), self).await;
//!         Ok(())
//!     }
//!
//!     fn apply(&mut self, event: JarEvent) {
//!         let JarEvent::Dropped(count) = event;
//!         self.marbles += count;
//!     }
//! }
//!
//! // The rewind side: a bot and an invariant; the aggregate is untouched.
//! struct JarModel;
//!
//! impl AggregateModel for JarModel {
//!     type Aggregate = Jar;
//!     const ACTION_KINDS: &'static [&'static str] = &["drop"];
//!     const INVARIANTS: &'static [AggregateInvariant<Jar>] = &[AggregateInvariant {
//!         name: "at_most_100_marbles",
//!         check: at_most_100_marbles,
//!     }];
//!
//!     fn services(_env: &mut Env) {}
//!
//!     fn next_action(_jar: &Jar, choices: &mut dyn Choices) -> JarCommand {
//!         JarCommand::Drop(choices.below(40))
//!     }
//!
//!     fn action_kind(_command: &JarCommand) -> usize {
//!         0
//!     }
//! }
//!
//! fn at_most_100_marbles(jar: &Jar) -> Result<(), String> {
//!     match jar.marbles {
//!         0..=100 => Ok(()),
//!         marbles => Err(format!("{marbles} marbles in a jar of 100")),
//!     }
//! }
//!
//! type Sim = Aggregated<JarModel>;
//!
//! let mut engine = rewind::Engine::<Sim>::new((), 7, Bugs::NONE);
//! let mut choices = RandomChoices::new(7);
//! for _ in 0..50 {
//!     let command = Sim::next_action(engine.state(), &mut choices);
//!     let _ = engine.dispatch(command);
//!     for invariant in Sim::invariants() {
//!         assert_eq!((invariant.check)(engine.state(), &()), Ok(()), "{}", invariant.name);
//!     }
//! }
//! assert!(engine.state().marbles > 60, "the bot filled the jar");
//! ```

mod domain;
mod drive;
mod invariants;
#[cfg(test)]
mod tests;

use std::fmt::Debug;

use cqrs_es::Aggregate;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Bug, Choices, Coverage, Env};

pub use domain::{Aggregated, Rejected};
pub use drive::MAX_POLLS;
pub use invariants::{AggregateInvariant, MAX_INVARIANTS};

/// The command type of `T`'s aggregate.
pub type CommandOf<T> = <<T as AggregateModel>::Aggregate as Aggregate>::Command;
/// The event type of `T`'s aggregate.
pub type EventOf<T> = <<T as AggregateModel>::Aggregate as Aggregate>::Event;
/// The services type of `T`'s aggregate.
pub type ServicesOf<T> = <<T as AggregateModel>::Aggregate as Aggregate>::Services;

/// What rewind needs of a command beyond cqrs-es: it is cloned into the action log, compared
/// when a run is replayed, stored in the corpus as JSON and shown in a report. Every type with
/// those traits has it.
pub trait LoggedCommand:
    Clone + Debug + PartialEq + Serialize + DeserializeOwned + Send + Sync
{
}

impl<C> LoggedCommand for C where
    C: Clone + Debug + PartialEq + Serialize + DeserializeOwned + Send + Sync
{
}

/// A cqrs-es aggregate made testable: what rewind's [`Model`](crate::Model) asks of a domain,
/// said in the aggregate's own types. Implement it on a marker type (`struct AccountModel;`)
/// and test [`Aggregated<Self>`].
///
/// The bounds beyond cqrs-es's own are what rewind needs of a state and an action: the
/// aggregate is cloned for each command and compared after replay; for the command, see
/// [`LoggedCommand`].
pub trait AggregateModel: 'static {
    /// The aggregate under test, unchanged.
    type Aggregate: Aggregate<Command: LoggedCommand> + Clone + Debug + PartialEq + 'static;

    /// The name used on the command line, in logs and in `corpus/<name>/`; the aggregate's
    /// `TYPE` unless given.
    const NAME: &'static str = <Self::Aggregate as Aggregate>::TYPE;
    /// Bumped when the meaning of a stored command or event changes.
    const SCHEMA: u32 = 1;
    /// The names of the command kinds, indexed by [`AggregateModel::action_kind`].
    const ACTION_KINDS: &'static [&'static str];
    /// The coverage labels [`AggregateModel::cover`] can hit, by index.
    const COVERAGE: &'static [&'static str] = &[];
    /// The planted bugs the services can switch on; `BUGS[i].id == BugId(i)`.
    const BUGS: &'static [Bug] = &[];
    /// What must hold of the aggregate after every command, accepted or refused: at most
    /// [`MAX_INVARIANTS`] checks, each O(aggregate), never O(history).
    const INVARIANTS: &'static [AggregateInvariant<Self::Aggregate>];

    /// The services `handle` is given for one command. Under simulation they are fakes that
    /// answer at once (a `handle` awaiting real I/O is refused): `env.planted(bug)` switches a
    /// planted bug on, `env.now()` is the logical clock, `env.fork(key)` a seeded random
    /// stream. Whatever randomness they hand out must end up in the events, so that replaying
    /// the events needs no services.
    fn services(env: &mut Env) -> ServicesOf<Self>;

    /// The bot: the next command for this aggregate. Besides sensible commands it must send
    /// invalid and hostile ones at a small rate (bad amounts, commands out of order), because
    /// refusals hide bugs too.
    fn next_action(aggregate: &Self::Aggregate, choices: &mut dyn Choices) -> CommandOf<Self>;

    /// Which of [`AggregateModel::ACTION_KINDS`] a command is.
    fn action_kind(command: &CommandOf<Self>) -> usize;

    /// Simpler variants of one command, simplest first, for the shrinker. None by default.
    fn shrink_action(_command: &CommandOf<Self>) -> Vec<CommandOf<Self>> {
        Vec::new()
    }

    /// Marks which [`AggregateModel::COVERAGE`] labels an applied event reached; `aggregate`
    /// is as the whole command that emitted `event` left it.
    fn cover(_aggregate: &Self::Aggregate, _event: &EventOf<Self>, _coverage: &mut Coverage) {}
}
