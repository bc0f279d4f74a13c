//! A [cqrs-es](https://docs.rs/cqrs-es) application, tested by rewind without rewriting it.
//!
//! A cqrs-es user already has the rules and the read models: an [`Aggregate`] whose async
//! `handle` turns a command into events and whose `apply` folds them, and the [`View`]s its
//! queries keep up to date. Implement [`AggregateModel`] on a marker type (a bot, invariants,
//! the services a simulation hands to `handle`, the views to keep) and [`Aggregated<T>`] is a
//! rewind domain that [`Engine`](crate::Engine), the simulator, the shrinker, the corpus and
//! the fuzzer take as it is.
//!
//! How cqrs-es maps onto rewind:
//! - An action is a command addressed to an aggregate id, [`Addressed`], as
//!   `CqrsFramework::execute(aggregate_id, command)` sends it. Each id is its own instance
//!   and its own stream. The bot picks the id among a few ([`AggregateModel::AGGREGATES`]),
//!   mostly ones with events and now and then one without, which loads as a new aggregate
//!   (a command to an unknown id).
//! - The state is [`Aggregates`]: every instance with events, by id, with the sequence of its
//!   last event. The config is `()`.
//! - An event is [`Committed`]: the aggregate's event with its id, its sequence (from 1 in
//!   each stream, as cqrs-es numbers them) and the command's metadata
//!   ([`AggregateModel::metadata`]; none by default, and never a wall-clock time).
//! - The projections are the model's views, [`Views<T>`]: every committed event reaches them
//!   as a real [`EventEnvelope`](cqrs_es::EventEnvelope), in commit order. At the end of a
//!   run they are rebuilt from the streams and must equal the ones folded live.
//! - Invariants are rewind's own ([`AggregateInvariant`]): they read every instance and the
//!   views, so a check across accounts or over history (a ledger) is a view the deployment
//!   would serve anyway, not a field added to the aggregate.
//! - `decide` runs `handle` on a copy of the instance and returns the events `handle` wrote
//!   to its sink; `apply` is the aggregate's `apply` on a clone of the event.
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
//! Commands run one at a time, each on the state every earlier one left: an instance's
//! sequence ([`Aggregates::sequence`]) is what cqrs-es's optimistic lock would compare when
//! two `execute`s of one id race, which a simulation with concurrent writers will exercise.
//!
//! ```
//! use cqrs_es::event_sink::EventSink;
//! use cqrs_es::{Aggregate, DomainEvent, EventEnvelope, View};
//! use rewind::cqrs_es::{
//!     Addressed, AggregateInvariant, AggregateModel, Aggregated, Aggregates, Views,
//!     aggregate_id,
//! };
//! use rewind::{Bugs, Choices, Engine, Env, Model, Projection, RandomChoices};
//! use serde::{Deserialize, Serialize};
//!
//! // The aggregate, as any cqrs-es user has it: only what its rule needs.
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
//!         f.write_str("a jar holds 100 marbles")
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
//! // A read model the application serves: every marble ever dropped, in any jar.
//! #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
//! struct Dropped {
//!     total: u64,
//! }
//!
//! impl View<Jar> for Dropped {
//!     fn update(&mut self, event: &EventEnvelope<Jar>) {
//!         let JarEvent::Dropped(count) = event.payload;
//!         self.total += u64::from(count);
//!     }
//! }
//!
//! // The rewind side: a bot and invariants; the aggregate and the view are untouched.
//! struct JarModel;
//!
//! impl AggregateModel for JarModel {
//!     type Aggregate = Jar;
//!     type Views = (Dropped,);
//!     const ACTION_KINDS: &'static [&'static str] = &["drop"];
//!     const INVARIANTS: &'static [AggregateInvariant<Self>] = &[
//!         AggregateInvariant {
//!             name: "at_most_100_marbles",
//!             check: at_most_100_marbles,
//!         },
//!         AggregateInvariant {
//!             name: "jars_hold_what_was_dropped",
//!             check: jars_hold_what_was_dropped,
//!         },
//!     ];
//!
//!     fn services(_env: &mut Env) {}
//!
//!     fn next_action(_id: &str, _jar: &Jar, choices: &mut dyn Choices) -> JarCommand {
//!         JarCommand::Drop(choices.below(40))
//!     }
//!
//!     fn action_kind(_command: &JarCommand) -> usize {
//!         0
//!     }
//! }
//!
//! fn at_most_100_marbles(jars: &Aggregates<Jar>, _: &Views<JarModel>) -> Result<(), String> {
//!     match jars.iter().find(|(_, jar)| jar.marbles > 100) {
//!         None => Ok(()),
//!         Some((id, jar)) => Err(format!("{id} holds {} marbles", jar.marbles)),
//!     }
//! }
//!
//! // Across instances and over history: the view against the aggregates.
//! fn jars_hold_what_was_dropped(
//!     jars: &Aggregates<Jar>,
//!     views: &Views<JarModel>,
//! ) -> Result<(), String> {
//!     let held: u64 = jars.iter().map(|(_, jar)| u64::from(jar.marbles)).sum();
//!     match views.0.total == held {
//!         true => Ok(()),
//!         false => Err(format!("{} dropped, {held} held", views.0.total)),
//!     }
//! }
//!
//! type Sim = Aggregated<JarModel>;
//!
//! let mut engine = Engine::<Sim>::new((), 7, Bugs::NONE);
//! let mut views = Sim::projections(&(), Bugs::NONE);
//! let mut choices = RandomChoices::new(7);
//! for _ in 0..200 {
//!     let command = Sim::next_action(engine.state(), &mut choices);
//!     if let Ok(range) = engine.dispatch(command) {
//!         engine.events()[range].iter().for_each(|event| views.fold(event));
//!     }
//!     for invariant in Sim::invariants() {
//!         assert_eq!((invariant.check)(engine.state(), &views), Ok(()), "{}", invariant.name);
//!     }
//! }
//! let jars = engine.state();
//! // Three jars (`AGGREGATES`), then a drop into a jar nobody had used: one more.
//! assert_eq!(jars.len(), 4);
//! assert_eq!(jars.get(&aggregate_id::<Jar>(0)).map(|jar| jar.marbles > 60), Some(true));
//! // A command goes to one jar by id, as `execute(aggregate_id, command)` sends it.
//! let refused = engine.dispatch(Addressed {
//!     aggregate_id: "jar-0".to_string(),
//!     command: JarCommand::Drop(100),
//! });
//! assert_eq!(refused.unwrap_err().to_string(), "a jar holds 100 marbles");
//! ```

mod aggregates;
mod domain;
mod drive;
mod envelope;
mod ids;
#[cfg(test)]
mod tests;
mod views;

use std::collections::BTreeMap;
use std::fmt::Debug;

use cqrs_es::Aggregate;
#[cfg(doc)]
use cqrs_es::View;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Bug, Bugs, Choices, Coverage, Env, Invariant, OnConflict};

pub use aggregates::Aggregates;
pub use domain::{Aggregated, Rejected};
pub use drive::MAX_POLLS;
pub use envelope::{Addressed, Committed};
pub use ids::{aggregate_id, rename_aggregate_id};
pub use views::{PerAggregate, ViewSet, Views};

/// The command type of `T`'s aggregate.
pub type CommandOf<T> = <<T as AggregateModel>::Aggregate as Aggregate>::Command;
/// The event type of `T`'s aggregate.
pub type EventOf<T> = <<T as AggregateModel>::Aggregate as Aggregate>::Event;
/// The services type of `T`'s aggregate.
pub type ServicesOf<T> = <<T as AggregateModel>::Aggregate as Aggregate>::Services;

/// A check over every aggregate instance and the views, after every command, accepted or
/// refused: rewind's own [`Invariant`] of the domain [`Aggregated<T>`], so a plain
/// `fn(&Aggregates<A>, &Views<T>) -> Result<(), String>` is one, with nothing in between.
pub type AggregateInvariant<T> = Invariant<Aggregated<T>>;

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

/// A cqrs-es application made testable: what rewind's [`Model`](crate::Model) asks of a
/// domain, said in the aggregate's own types. Implement it on a marker type
/// (`struct BankModel;`) and test [`Aggregated<Self>`].
///
/// Required: [`Aggregate`](AggregateModel::Aggregate), [`Views`](AggregateModel::Views),
/// [`ACTION_KINDS`](AggregateModel::ACTION_KINDS),
/// [`INVARIANTS`](AggregateModel::INVARIANTS), [`services`](AggregateModel::services),
/// [`next_action`](AggregateModel::next_action) and
/// [`action_kind`](AggregateModel::action_kind); everything else has a default.
///
/// The bounds beyond cqrs-es's own are what rewind needs of a state and an action: the
/// aggregate is cloned for each command and compared after replay (`Clone + Debug +
/// PartialEq`); for the command, see [`LoggedCommand`]; for the views, [`ViewSet`].
pub trait AggregateModel: Sized + 'static {
    /// The aggregate under test, unchanged.
    type Aggregate: Aggregate<Command: LoggedCommand> + Clone + Debug + PartialEq + 'static;
    /// The read models to keep beside the aggregates: `()` for none, a tuple of cqrs-es
    /// [`View`]s, or a struct of them implementing [`ViewSet`].
    type Views: ViewSet<Self::Aggregate>;

    /// The name used on the command line, in logs and in `corpus/<name>/`; the aggregate's
    /// `TYPE` unless given.
    const NAME: &'static str = <Self::Aggregate as Aggregate>::TYPE;
    /// Bumped when the meaning of a stored command or event changes.
    const SCHEMA: u32 = 1;
    /// How many aggregate instances the bot opens new ids for: a few, so that commands meet
    /// instances with a history. 3 by default. Past it, one command in 32 still goes to an id
    /// with no events (a command to an unknown aggregate), which may open one more.
    const AGGREGATES: usize = 3;
    /// The names of the command kinds, indexed by [`AggregateModel::action_kind`].
    const ACTION_KINDS: &'static [&'static str];
    /// The coverage labels [`AggregateModel::cover`] can hit, by index.
    const COVERAGE: &'static [&'static str] = &[];
    /// The planted bugs the services can switch on; `BUGS[i].id == BugId(i)`.
    const BUGS: &'static [Bug] = &[];
    /// Whether commands may run on concurrent clients, as two `execute`s of one aggregate id
    /// do in production: each loads the instance, handles the command, and commits with
    /// cqrs-es's sequence check, so the later of two commits meets an `AggregateConflict`
    /// (see [`AggregateModel::on_conflict`]). On by default.
    const CONCURRENT: bool = true;
    /// What must hold of the aggregates and the views after every command, accepted or
    /// refused, in order; the first that fails is the violation. Each costs O(instances +
    /// views), never O(history): history is what the views fold.
    const INVARIANTS: &'static [AggregateInvariant<Self>];

    /// What the application does when `command`'s commit meets an `AggregateConflict`:
    /// cqrs-es returns it to the caller, so the command is refused, unless the application
    /// wraps `execute` in a retry ([`OnConflict::Retry`]: it executes again on the fresh
    /// instance). `bugs` are the planted ones.
    fn on_conflict(command: &CommandOf<Self>, bugs: Bugs) -> OnConflict {
        let _ = (command, bugs);
        OnConflict::Refuse
    }

    /// The services `handle` is given for one command. Under simulation they are fakes that
    /// answer at once (a `handle` awaiting real I/O is refused): `env.planted(bug)` switches a
    /// planted bug on, `env.now()` is the logical clock, `env.fork(key)` a seeded random
    /// stream. Whatever randomness they hand out must end up in the events, so that replaying
    /// the events needs no services.
    fn services(env: &mut Env) -> ServicesOf<Self>;

    /// The metadata a command's events carry, as `execute_with_metadata` attaches it: none by
    /// default. Drawn from `env` (`env.now()`, the logical clock), never the wall clock, so
    /// that a run is a function of its seed; stored with each event.
    fn metadata(
        _aggregate_id: &str,
        _command: &CommandOf<Self>,
        _env: &mut Env,
    ) -> BTreeMap<String, String> {
        BTreeMap::new()
    }

    /// The bot: the next command for the instance `aggregate_id`, which the adapter picked
    /// (its `Default` when it has no events yet). Besides sensible commands it must send
    /// invalid and hostile ones at a small rate (bad amounts, commands out of order), because
    /// refusals hide bugs too.
    fn next_action(
        aggregate_id: &str,
        aggregate: &Self::Aggregate,
        choices: &mut dyn Choices,
    ) -> CommandOf<Self>;

    /// Which of [`AggregateModel::ACTION_KINDS`] a command is.
    fn action_kind(command: &CommandOf<Self>) -> usize;

    /// Simpler variants of one command, simplest first, for the shrinker. None by default.
    fn shrink_action(_command: &CommandOf<Self>) -> Vec<CommandOf<Self>> {
        Vec::new()
    }

    /// Passes the ids a command carries to the shrinker's renumbering, as
    /// [`Model::rename_ids`](crate::Model::rename_ids) does; the aggregate id it is addressed
    /// to is renumbered already. A command that names its own instance
    /// (`OpenAccount { account_id }`) passes it to [`rename_aggregate_id`]. Nothing by
    /// default.
    fn rename_ids(
        _command: &mut CommandOf<Self>,
        _rename: &mut dyn FnMut(&'static str, u64) -> u64,
    ) {
    }

    /// Marks which [`AggregateModel::COVERAGE`] labels an applied event reached; `aggregate`
    /// is its instance as the whole command that emitted `event` left it.
    fn cover(_aggregate: &Self::Aggregate, _event: &EventOf<Self>, _coverage: &mut Coverage) {}

    /// One instance as `rewind replay` shows it, under its id and sequence: its `{:#?}` by
    /// default.
    fn describe(aggregate: &Self::Aggregate) -> String {
        format!("{aggregate:#?}")
    }

    /// One event as `rewind replay` shows it, after its aggregate id and sequence: its
    /// `{:?}` by default.
    fn describe_event(event: &EventOf<Self>) -> String {
        format!("{event:?}")
    }

    /// The views as `rewind replay` shows them: their `{:#?}` by default. With no views,
    /// `replay` shows no projections line at all.
    fn describe_views(views: &Self::Views) -> String {
        format!("{views:#?}")
    }
}
