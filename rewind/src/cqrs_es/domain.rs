//! `Aggregated<T>`: a cqrs-es aggregate seen as a rewind domain.

use std::fmt::{self, Write};
use std::marker::PhantomData;

use cqrs_es::Aggregate;
use cqrs_es::event_sink::EventSink;

use super::drive::{MAX_POLLS, run_to_end};
use super::ids::{choose_id, rename_aggregate_id, stream_of};
use super::{Addressed, AggregateModel, Aggregates, CommandOf, Committed, EventOf, Views};
use crate::{Bug, Bugs, Choices, Coverage, Domain, Env, Invariant, Model, OnConflict, Stream};

/// The rewind domain of the aggregate `T` describes: implements [`Domain`] and [`Model`], so
/// an `Engine<Aggregated<T>>` runs it and every rewind tool tests it. Never built: it only
/// names the types. (`fn() -> T` keeps it `Send` and `Sync` whatever `T` is.)
pub struct Aggregated<T>(PhantomData<fn() -> T>);

/// Why a command changed nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejected {
    /// The aggregate's `handle` returned an error; this is its `Display` text.
    Error(String),
    /// The aggregate's `handle` was still pending after [`MAX_POLLS`] polls: it awaited
    /// something real (a database, the network, a timer) that a simulation never delivers.
    Pending {
        /// The aggregate's `TYPE`.
        aggregate: &'static str,
    },
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejected::Error(message) => f.write_str(message),
            Rejected::Pending { aggregate } => write!(
                f,
                "`{aggregate}`'s handle was still pending after {MAX_POLLS} polls: under \
                 simulation it must complete without real I/O, so give it services that \
                 answer at once"
            ),
        }
    }
}

/// Runs `handle` for `command` on `aggregate` with the services `env` calls for, and returns
/// the events it wrote. `aggregate` is left as `handle` left it, events applied by the sink.
fn handle<T: AggregateModel>(
    aggregate: &mut T::Aggregate,
    command: &CommandOf<T>,
    env: &mut Env,
) -> Result<Vec<EventOf<T>>, Rejected> {
    let pending = Rejected::Pending {
        aggregate: <T::Aggregate as Aggregate>::TYPE,
    };
    let services = T::services(env);
    let sink = EventSink::default();
    match run_to_end(aggregate.handle(command.clone(), &services, &sink)) {
        None => Err(pending),
        Some(Err(error)) => Err(Rejected::Error(error.to_string())),
        Some(Ok(())) => run_to_end(sink.collect()).ok_or(pending),
    }
}

/// What `execute(aggregate_id, command)` does in a cqrs-es application, up to the append:
/// loads the instance (its `Default` when it has no events), runs `handle` on the copy, and
/// numbers the events after the instance's last one, with the command's metadata. Returns
/// the copy as `handle` left it, for `execute` to keep.
fn commit<T: AggregateModel>(
    aggregates: &Aggregates<T::Aggregate>,
    action: &Addressed<CommandOf<T>>,
    env: &mut Env,
    out: &mut Vec<Committed<EventOf<T>>>,
) -> Result<T::Aggregate, Rejected> {
    let id = action.aggregate_id.as_str();
    let mut copy = aggregates.get(id).cloned().unwrap_or_default();
    let events = handle::<T>(&mut copy, &action.command, env)?;
    if events.is_empty() {
        return Ok(copy);
    }
    let metadata = T::metadata(id, &action.command, env);
    let last = aggregates.sequence(id);
    out.reserve(events.len());
    for (sequence, payload) in (last + 1..).zip(events) {
        out.push(Committed {
            aggregate_id: id.to_string(),
            sequence,
            payload,
            metadata: metadata.clone(),
        });
    }
    Ok(copy)
}

impl<T: AggregateModel> Domain for Aggregated<T> {
    const NAME: &'static str = T::NAME;
    const SCHEMA: u32 = T::SCHEMA;
    const CONCURRENT: bool = T::CONCURRENT;

    type Config = ();
    type State = Aggregates<T::Aggregate>;
    type Action = Addressed<CommandOf<T>>;
    type Event = Committed<EventOf<T>>;
    type Reject = Rejected;

    fn initial(_config: &(), _bugs: Bugs) -> Aggregates<T::Aggregate> {
        Aggregates::default()
    }

    /// `handle` on a copy of the instance: cqrs-es's `handle` takes `&mut self`, and
    /// `decide` leaves the state alone.
    fn decide(
        state: &Aggregates<T::Aggregate>,
        action: &Addressed<CommandOf<T>>,
        env: &mut Env,
        out: &mut Vec<Committed<EventOf<T>>>,
    ) -> Result<(), Rejected> {
        commit::<T>(state, action, env, out).map(drop)
    }

    /// A command reads its instance's stream: the sequence cqrs-es's commit checks.
    fn reads(
        _state: &Aggregates<T::Aggregate>,
        action: &Addressed<CommandOf<T>>,
        _bugs: Bugs,
        out: &mut Vec<Stream>,
    ) {
        out.push(stream_of::<T::Aggregate>(&action.aggregate_id));
    }

    fn in_stream(event: &Committed<EventOf<T>>, stream: &Stream) -> bool {
        stream_of::<T::Aggregate>(&event.aggregate_id) == *stream
    }

    fn on_conflict(action: &Addressed<CommandOf<T>>, bugs: Bugs) -> OnConflict {
        T::on_conflict(&action.command, bugs)
    }

    /// The aggregate's `apply` on its instance, which moves to the event's sequence.
    fn apply(state: &mut Aggregates<T::Aggregate>, event: &Committed<EventOf<T>>) {
        state
            .instance_mut(&event.aggregate_id, event.sequence)
            .apply(event.payload.clone());
    }

    /// `handle` on a copy of the instance that replaces it when `handle` succeeds, so a
    /// refusal changes nothing even if `handle` wrote events before it failed. The copy is
    /// not applied a second time: the sink applied each event as `handle` wrote it. A copy
    /// `handle` changed without an event is kept too, so the replay check sees the change.
    fn execute(
        state: &mut Aggregates<T::Aggregate>,
        action: &Addressed<CommandOf<T>>,
        env: &mut Env,
        out: &mut Vec<Committed<EventOf<T>>>,
    ) -> Result<(), Rejected> {
        let before = out.len();
        let copy = commit::<T>(state, action, env, out)?;
        let id = action.aggregate_id.as_str();
        // Compared only when `handle` wrote nothing: then a copy it changed is the one case
        // to keep.
        let changed = || match state.get(id) {
            Some(instance) => *instance != copy,
            None => copy != T::Aggregate::default(),
        };
        if out.len() > before || changed() {
            let sequence = out
                .last()
                .map_or(state.sequence(id), |event| event.sequence);
            state.store(id, copy, sequence);
        }
        Ok(())
    }
}

impl<T: AggregateModel> Model for Aggregated<T> {
    type Projections = Views<T>;

    const ACTION_KINDS: &'static [&'static str] = T::ACTION_KINDS;
    const COVERAGE: &'static [&'static str] = T::COVERAGE;
    const BUGS: &'static [Bug] = T::BUGS;

    fn projections(_config: &(), _bugs: Bugs) -> Views<T> {
        Views::default()
    }

    /// Picks the instance (see [`AggregateModel::AGGREGATES`]), then asks the model's bot
    /// for a command to it.
    fn next_action(
        state: &Aggregates<T::Aggregate>,
        choices: &mut dyn Choices,
    ) -> Addressed<CommandOf<T>> {
        let aggregate_id = choose_id(state, T::AGGREGATES, choices);
        let command = match state.get(&aggregate_id) {
            Some(aggregate) => T::next_action(&aggregate_id, aggregate, choices),
            None => T::next_action(&aggregate_id, &T::Aggregate::default(), choices),
        };
        Addressed {
            aggregate_id,
            command,
        }
    }

    fn action_kind(action: &Addressed<CommandOf<T>>) -> usize {
        T::action_kind(&action.command)
    }

    fn invariants() -> &'static [Invariant<Self>] {
        T::INVARIANTS
    }

    fn shrink_action(action: &Addressed<CommandOf<T>>) -> Vec<Addressed<CommandOf<T>>> {
        T::shrink_action(&action.command)
            .into_iter()
            .map(|command| Addressed {
                aggregate_id: action.aggregate_id.clone(),
                command,
            })
            .collect()
    }

    /// Renumbers the aggregate id (kind `"aggregate"`), then whatever ids the model's
    /// [`AggregateModel::rename_ids`] passes on from the command.
    fn rename_ids(
        action: &mut Addressed<CommandOf<T>>,
        rename: &mut dyn FnMut(&'static str, u64) -> u64,
    ) {
        rename_aggregate_id::<T::Aggregate>(&mut action.aggregate_id, rename);
        T::rename_ids(&mut action.command, rename);
    }

    fn cover(
        state: &Aggregates<T::Aggregate>,
        event: &Committed<EventOf<T>>,
        coverage: &mut Coverage,
    ) {
        if let Some(aggregate) = state.get(&event.aggregate_id) {
            T::cover(aggregate, &event.payload, coverage);
        }
    }

    /// Each instance under its id and sequence, as [`AggregateModel::describe`] shows it.
    fn describe(state: &Aggregates<T::Aggregate>) -> String {
        if state.is_empty() {
            return "no aggregate has events yet".to_string();
        }
        let mut out = String::new();
        for (id, sequence, aggregate) in state.sequences() {
            let _ = writeln!(out, "{id} (sequence {sequence}):");
            for line in T::describe(aggregate).lines() {
                let _ = writeln!(out, "  {line}");
            }
        }
        out.pop();
        out
    }

    /// `account-0 #3 DepositMoney { .. }`, with its metadata when there is any.
    fn describe_event(event: &Committed<EventOf<T>>) -> String {
        let mut out = format!(
            "{} #{} {}",
            event.aggregate_id,
            event.sequence,
            T::describe_event(&event.payload)
        );
        if !event.metadata.is_empty() {
            let _ = write!(out, " {:?}", event.metadata);
        }
        out
    }

    fn describe_projections(views: &Views<T>) -> String {
        T::describe_views(views.inner())
    }
}
