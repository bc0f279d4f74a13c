//! `Aggregated<T>`: a cqrs-es aggregate seen as a rewind domain.

use std::fmt;
use std::marker::PhantomData;

use cqrs_es::Aggregate;
use cqrs_es::event_sink::EventSink;

use super::drive::{MAX_POLLS, run_to_end};
use super::{AggregateModel, CommandOf, EventOf, invariants};
use crate::{Bug, Bugs, Choices, Coverage, Domain, Env, Invariant, Model};

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

impl<T: AggregateModel> Domain for Aggregated<T> {
    const NAME: &'static str = T::NAME;
    const SCHEMA: u32 = T::SCHEMA;

    type Config = ();
    type State = T::Aggregate;
    type Action = CommandOf<T>;
    type Event = EventOf<T>;
    type Reject = Rejected;

    fn initial(_config: &(), _bugs: Bugs) -> T::Aggregate {
        T::Aggregate::default()
    }

    /// `handle` on a copy: cqrs-es's `handle` takes `&mut self`, and `decide` leaves the
    /// state alone.
    fn decide(
        state: &T::Aggregate,
        action: &CommandOf<T>,
        env: &mut Env,
        out: &mut Vec<EventOf<T>>,
    ) -> Result<(), Rejected> {
        let mut copy = state.clone();
        out.extend(handle::<T>(&mut copy, action, env)?);
        Ok(())
    }

    fn apply(state: &mut T::Aggregate, event: &EventOf<T>) {
        state.apply(event.clone());
    }

    /// `handle` on a copy that becomes the state when `handle` succeeds, so a refusal
    /// changes nothing even if `handle` wrote events before it failed. The copy is not
    /// applied a second time: the sink applied each event as `handle` wrote it.
    fn execute(
        state: &mut T::Aggregate,
        action: &CommandOf<T>,
        env: &mut Env,
        out: &mut Vec<EventOf<T>>,
    ) -> Result<(), Rejected> {
        let mut copy = state.clone();
        out.extend(handle::<T>(&mut copy, action, env)?);
        *state = copy;
        Ok(())
    }
}

impl<T: AggregateModel> Model for Aggregated<T> {
    type Projections = ();

    const ACTION_KINDS: &'static [&'static str] = T::ACTION_KINDS;
    const COVERAGE: &'static [&'static str] = T::COVERAGE;
    const BUGS: &'static [Bug] = T::BUGS;

    fn projections(_config: &(), _bugs: Bugs) {}

    fn next_action(state: &T::Aggregate, choices: &mut dyn Choices) -> CommandOf<T> {
        T::next_action(state, choices)
    }

    fn action_kind(action: &CommandOf<T>) -> usize {
        T::action_kind(action)
    }

    fn invariants() -> &'static [Invariant<Self>] {
        invariants::table::<T>()
    }

    fn shrink_action(action: &CommandOf<T>) -> Vec<CommandOf<T>> {
        T::shrink_action(action)
    }

    fn cover(state: &T::Aggregate, event: &EventOf<T>, coverage: &mut Coverage) {
        T::cover(state, event, coverage);
    }
}
