//! What a simulated cqrs-es application logs: a command addressed to one aggregate instance,
//! and an event committed to one instance's stream.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use cqrs_es::{Aggregate, EventEnvelope};
use serde::{Deserialize, Serialize};

/// A command sent to one aggregate instance, as `CqrsFramework::execute(aggregate_id,
/// command)` sends it. This is the action a log stores:
/// `{"aggregate_id": "account-0", "command": {"DepositMoney": {"amount": 3}}}`, and
/// `replay` shows as `account-0 ← DepositMoney { amount: 3 }`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Addressed<C> {
    /// The instance: its own stream, with its own sequence.
    pub aggregate_id: String,
    /// The aggregate's command, as `handle` receives it.
    pub command: C,
}

/// The id, then the command: the way `replay` and failure reports show a step.
impl<C: fmt::Debug> fmt::Debug for Addressed<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ← ", self.aggregate_id)?;
        self.command.fmt(f)
    }
}

/// An event committed to one instance's stream: what cqrs-es's `EventEnvelope` holds, in a
/// form a log can store and compare. Sequences count from 1 within each instance, as
/// cqrs-es's stores number them; metadata is a sorted map, so its JSON is the same on every
/// run (cqrs-es's views receive it as the `HashMap` they expect).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Committed<E> {
    /// The instance whose stream holds the event.
    pub aggregate_id: String,
    /// Its place in that stream: 1 for the instance's first event.
    pub sequence: usize,
    /// The aggregate's event.
    pub payload: E,
    /// What [`AggregateModel::metadata`](super::AggregateModel::metadata) attached to the
    /// command that emitted it; left out of the JSON when empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
}

impl<E: Clone> Committed<E> {
    /// The envelope cqrs-es hands its queries for this event.
    pub fn envelope<A: Aggregate<Event = E>>(&self) -> EventEnvelope<A> {
        EventEnvelope {
            aggregate_id: self.aggregate_id.clone(),
            sequence: self.sequence,
            payload: self.payload.clone(),
            metadata: self
                .metadata
                .iter()
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect::<HashMap<_, _>>(),
        }
    }
}
