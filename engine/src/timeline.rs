//! `Timeline`: a recorded event log with snapshots, for cheap random access and stepping.

use crate::{Bugs, Domain};

/// An event log with a snapshot of the state every `every` events, so `state_at(n)` applies
/// at most `every - 1` events to a clone instead of replaying from the start.
pub struct Timeline<D: Domain> {
    events: Vec<D::Event>,
    every: usize,
    /// `snapshots[i]`: the state after the first `i * every` events.
    snapshots: Vec<D::State>,
}

impl<D: Domain> Timeline<D> {
    /// Builds the snapshots in one pass over `events`. `every` is clamped to at least 1.
    pub fn new(config: &D::Config, bugs: Bugs, events: Vec<D::Event>, every: usize) -> Self {
        let every = every.max(1);
        let mut state = D::initial(config, bugs);
        let mut snapshots = Vec::with_capacity(events.len() / every + 1);
        snapshots.push(state.clone());
        for (index, event) in events.iter().enumerate() {
            D::apply(&mut state, event);
            if (index + 1).is_multiple_of(every) {
                snapshots.push(state.clone());
            }
        }
        Timeline {
            events,
            every,
            snapshots,
        }
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether the timeline holds no event.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The whole event log.
    pub fn events(&self) -> &[D::Event] {
        &self.events
    }

    /// The state after the first `n` events (`n` is clamped to the log's length).
    pub fn state_at(&self, n: usize) -> D::State {
        let n = n.min(self.events.len());
        let base = n / self.every;
        let mut state = self.snapshots[base].clone();
        for event in &self.events[base * self.every..n] {
            D::apply(&mut state, event);
        }
        state
    }

    /// A cursor at position 0 (before any event).
    pub fn cursor(&self) -> Cursor<'_, D> {
        Cursor {
            timeline: self,
            position: 0,
            state: self.snapshots[0].clone(),
        }
    }
}

/// A position in a [`Timeline`] with the state there; steps forward by applying one event
/// and back through the nearest snapshot.
pub struct Cursor<'t, D: Domain> {
    timeline: &'t Timeline<D>,
    position: usize,
    state: D::State,
}

impl<D: Domain> Cursor<'_, D> {
    /// How many events have been applied.
    pub fn position(&self) -> usize {
        self.position
    }

    /// The state after the first [`Cursor::position`] events.
    pub fn state(&self) -> &D::State {
        &self.state
    }

    /// Applies the next event and returns it, or `None` at the end.
    pub fn forward(&mut self) -> Option<&D::Event> {
        let event = self.timeline.events.get(self.position)?;
        D::apply(&mut self.state, event);
        self.position += 1;
        Some(event)
    }

    /// Undoes the last event; false at the start.
    pub fn back(&mut self) -> bool {
        if self.position == 0 {
            return false;
        }
        self.seek(self.position - 1);
        true
    }

    /// Moves to position `n` (clamped to the log's length).
    pub fn seek(&mut self, n: usize) {
        self.position = n.min(self.timeline.len());
        self.state = self.timeline.state_at(self.position);
    }
}
