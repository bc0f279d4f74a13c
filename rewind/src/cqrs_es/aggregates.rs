//! The simulated event store's side that `handle` reads: every aggregate instance, by id.

use std::collections::BTreeMap;

/// Every aggregate instance a run has committed events to, by id, each as its events left
/// it, with the sequence of its last event. This is the state of an
/// [`Aggregated`](super::Aggregated) domain, and what its invariants read, with the views.
///
/// An id with no events has no instance, as in cqrs-es's stores: a command sent to it runs
/// on the aggregate's `Default`.
///
/// ```
/// use rewind::cqrs_es::Aggregates;
///
/// let accounts = Aggregates::<u64>::default();
/// assert!(accounts.is_empty());
/// assert_eq!(accounts.get("account-0"), None);
/// assert_eq!(accounts.sequence("account-0"), 0, "nothing committed yet");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregates<A> {
    instances: BTreeMap<String, Instance<A>>,
}

/// One instance: the aggregate and the sequence of its last committed event.
#[derive(Clone, Debug, PartialEq)]
struct Instance<A> {
    aggregate: A,
    sequence: usize,
}

impl<A> Default for Aggregates<A> {
    fn default() -> Self {
        Aggregates {
            instances: BTreeMap::new(),
        }
    }
}

impl<A> Aggregates<A> {
    /// The instance `aggregate_id`, if an event was committed to it.
    pub fn get(&self, aggregate_id: &str) -> Option<&A> {
        self.instances
            .get(aggregate_id)
            .map(|instance| &instance.aggregate)
    }

    /// The sequence of the last event committed to `aggregate_id`; 0 before its first. This
    /// is the version an append to its stream expects, which cqrs-es's optimistic lock
    /// compares (`AggregateConflict` when another commit moved it).
    pub fn sequence(&self, aggregate_id: &str) -> usize {
        self.instances
            .get(aggregate_id)
            .map_or(0, |instance| instance.sequence)
    }

    /// Every instance, by id in sorted order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &A)> {
        self.instances
            .iter()
            .map(|(id, instance)| (id.as_str(), &instance.aggregate))
    }

    /// How many instances have events.
    pub fn len(&self) -> usize {
        self.instances.len()
    }

    /// Whether no instance has events yet.
    pub fn is_empty(&self) -> bool {
        self.instances.is_empty()
    }

    /// The ids in sorted order, with the sequence of each.
    pub(super) fn sequences(&self) -> impl Iterator<Item = (&str, usize, &A)> {
        self.instances
            .iter()
            .map(|(id, instance)| (id.as_str(), instance.sequence, &instance.aggregate))
    }

    /// Stores what `handle` left of `aggregate_id` after committing up to `sequence`.
    pub(super) fn store(&mut self, aggregate_id: &str, aggregate: A, sequence: usize) {
        match self.instances.get_mut(aggregate_id) {
            Some(instance) => {
                *instance = Instance {
                    aggregate,
                    sequence,
                }
            }
            None => {
                self.instances.insert(
                    aggregate_id.to_string(),
                    Instance {
                        aggregate,
                        sequence,
                    },
                );
            }
        }
    }
}

impl<A: Default> Aggregates<A> {
    /// The instance at `aggregate_id` for folding one more event in: created at its
    /// `Default` for a first event.
    pub(super) fn instance_mut(&mut self, aggregate_id: &str, sequence: usize) -> &mut A {
        // A lookup by `&str` first, so that only a first event allocates the id.
        if !self.instances.contains_key(aggregate_id) {
            let new = Instance {
                aggregate: A::default(),
                sequence: 0,
            };
            self.instances.insert(aggregate_id.to_string(), new);
        }
        let Some(instance) = self.instances.get_mut(aggregate_id) else {
            unreachable!("inserted above")
        };
        instance.sequence = sequence;
        &mut instance.aggregate
    }
}
