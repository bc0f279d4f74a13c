//! What the harness needs to test a domain: a bot, invariants, coverage, planted bugs.

use crate::{Bug, Bugs, Choices, Domain, Faults, Projection};
use std::fmt::Debug;

/// A named check that must hold after every dispatch, accepted or rejected. Checks cost
/// O(state), never O(history), so they can run after every step of a million runs.
pub struct Invariant<M: Model> {
    pub name: &'static str,
    pub check: fn(&M::State, &M::Projections) -> Result<(), String>,
}

/// A domain made testable.
pub trait Model: Domain {
    /// Read models the harness folds alongside the state, so invariants can compare them
    /// with it (`()` for none). At the end of a run they are rebuilt from the event log and
    /// must equal the ones folded live.
    type Projections: Projection<Self::Event> + Clone + Debug + PartialEq + Send;

    /// The names of the action kinds, for `rewind domains` and swarm testing.
    const ACTION_KINDS: &'static [&'static str];
    /// The coverage labels [`Model::cover`] can hit, by index.
    const COVERAGE: &'static [&'static str] = &[];
    /// The planted bugs this domain carries; `BUGS[i].id == BugId(i)`.
    const BUGS: &'static [Bug] = &[];

    /// The delivery faults this domain claims to survive: which ones the harness's simulated
    /// bus injects into its messages (see [`Faults`]). None by default, and then every message
    /// is delivered at once, in order, exactly once.
    const FAULTS: Faults = Faults::NONE;

    fn projections(config: &Self::Config, bugs: Bugs) -> Self::Projections;

    /// The bot: the next action in `state`. Besides sensible play it must produce invalid
    /// and hostile actions (wrong player, unknown id, bad amount) at a small rate, because
    /// rejection paths hide bugs too.
    fn next_action(state: &Self::State, choices: &mut dyn Choices) -> Self::Action;

    /// Which of [`Model::ACTION_KINDS`] an action is.
    fn action_kind(action: &Self::Action) -> usize;

    fn invariants() -> &'static [Invariant<Self>];

    /// Checks that must hold once the bus has drained at the end of a run, rather than after
    /// every step: every activation sent exactly one email, no payment is left pending. The
    /// harness delivers every message still waiting, in order, before it runs them. None by
    /// default.
    fn eventually() -> &'static [Invariant<Self>] {
        &[]
    }

    /// Simpler variants of one action, simplest first, for the shrinker (smaller amounts,
    /// lower ids). None by default.
    fn shrink_action(_action: &Self::Action) -> Vec<Self::Action> {
        Vec::new()
    }

    /// Single actions that may stand in for two neighbouring ones, simplest first (a deposit
    /// followed by a transfer of it, as one deposit into the target). The shrinker tries each
    /// in place of the pair. None by default.
    fn merge_actions(_first: &Self::Action, _second: &Self::Action) -> Vec<Self::Action> {
        Vec::new()
    }

    /// Passes every id in `action` that the user chose (a seat, a voter, an account) to
    /// `rename(kind, id)` and stores what it returns, so the shrinker can renumber them
    /// consistently across a whole log: seats 7 and 5 become 0 and 1. `kind` keeps unrelated
    /// ids apart ("voter", "choice"). Ids the system hands out (a payment's number) are left
    /// alone, since renaming those changes what the action refers to. Does nothing by
    /// default. A returned id that does not fit the field's type is ignored.
    fn rename_ids(_action: &mut Self::Action, _rename: &mut dyn FnMut(&'static str, u64) -> u64) {}

    /// Marks which [`Model::COVERAGE`] labels an applied event reached. `state` is the state
    /// *after* the whole dispatch that emitted `event` (every event of that step applied, and
    /// any reactions), so a label can depend on what the step led to.
    fn cover(_state: &Self::State, _event: &Self::Event, _coverage: &mut Coverage) {}

    /// The state as `rewind replay` shows it, one fact to a line so `--diff` shows what a step
    /// changed. Its `{:#?}` by default, without the planted bugs it keeps for `apply` (see
    /// [`Bugs::hidden_in`]); a domain whose state is mostly arrays and bit masks renders it
    /// readably (poker names the cards and skips empty seats). `--raw` shows the `{:#?}`
    /// whatever this says.
    fn describe(state: &Self::State) -> String {
        Bugs::hidden_in(&format!("{state:#?}"))
    }

    /// One event as `rewind replay` shows it; its `{:?}` by default (poker names the cards).
    fn describe_event(event: &Self::Event) -> String {
        format!("{event:?}")
    }

    /// The domain's flows (which action leads to which events, which reactors those
    /// trigger) as a Graphviz DOT diagram, for the `graph` command; none by default.
    fn graph() -> Option<String> {
        None
    }

    /// The projections as `rewind replay` shows them; their `{:#?}` by default, without the
    /// planted bugs they keep (see [`Bugs::hidden_in`]).
    fn describe_projections(views: &Self::Projections) -> String {
        Bugs::hidden_in(&format!("{views:#?}"))
    }
}

/// Counts of how often each coverage label was reached.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    hits: Vec<u64>,
}

impl Coverage {
    pub fn new(labels: usize) -> Self {
        Coverage {
            hits: vec![0; labels],
        }
    }

    /// Records one hit of label `index`; out-of-range labels are ignored.
    #[inline]
    pub fn hit(&mut self, index: usize) {
        if let Some(count) = self.hits.get_mut(index) {
            *count += 1;
        }
    }

    pub fn counts(&self) -> &[u64] {
        &self.hits
    }

    /// Adds another run's counts to these.
    pub fn merge(&mut self, other: &Coverage) {
        if self.hits.len() < other.hits.len() {
            self.hits.resize(other.hits.len(), 0);
        }
        for (mine, theirs) in self.hits.iter_mut().zip(&other.hits) {
            *mine += theirs;
        }
    }
}

/// Passes one id field through a [`Model::rename_ids`] callback; an id that does not fit the
/// field's type is ignored, so a renumbering never wraps around.
///
/// ```
/// let mut seat: u8 = 7;
/// rewind_engine::rename_id(&mut seat, "seat", &mut |_, id| id - 7);
/// assert_eq!(seat, 0);
/// rewind_engine::rename_id(&mut seat, "seat", &mut |_, _| 300);
/// assert_eq!(seat, 0, "300 does not fit a u8");
/// ```
pub fn rename_id<T: Copy + Into<u64> + TryFrom<u64>>(
    id: &mut T,
    kind: &'static str,
    rename: &mut dyn FnMut(&'static str, u64) -> u64,
) {
    if let Ok(renamed) = T::try_from(rename(kind, (*id).into())) {
        *id = renamed;
    }
}
