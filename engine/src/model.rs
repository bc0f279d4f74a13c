//! What the harness needs to test a domain: a bot, invariants, coverage, planted bugs.

use crate::{Bug, Bugs, Choices, Domain, Faults, Projection, Touched};
use std::fmt::Debug;

/// A named check that must hold after every dispatch, accepted or rejected. Checks cost
/// O(state), never O(history), so they can run after every step of a million runs.
/// [`Model`]'s example lists one.
pub struct Invariant<M: Model> {
    /// How violations, `rewind domains` and corpus file names call it (`one_ballot_per_voter`).
    pub name: &'static str,
    /// The check: `Err` says what is wrong, in words, for the failure report.
    pub check: fn(&M::State, &M::Projections) -> Result<(), String>,
}

// Written out rather than derived: a derive would demand `M: Clone` of the domain's marker
// type, though an invariant holds only a name and a function pointer.
impl<M: Model> Clone for Invariant<M> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<M: Model> Copy for Invariant<M> {}

/// A domain made testable: a bot that plays it, the invariants it must keep, and optional
/// help for the shrinker, coverage, planted bugs and the replay's display.
///
/// Required: [`Projections`](Model::Projections), [`ACTION_KINDS`](Model::ACTION_KINDS),
/// [`projections`](Model::projections), [`next_action`](Model::next_action),
/// [`action_kind`](Model::action_kind) and [`invariants`](Model::invariants).
///
/// # Example
///
/// The tally of [`Domain`]'s example, made testable:
///
/// ```
/// # use rewind_engine as rewind;
/// # use rewind::{Bugs, Domain, Env};
/// # use serde::{Deserialize, Serialize};
/// # pub struct Tally;
/// # #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
/// # pub enum TallyAction { Add(u32) }
/// # #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
/// # pub enum TallyEvent { Added(u32) }
/// # #[derive(Clone, Debug, PartialEq)]
/// # pub struct AddsZero;
/// # impl std::fmt::Display for AddsZero {
/// #     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
/// #         f.write_str("adding zero changes nothing")
/// #     }
/// # }
/// # impl Domain for Tally {
/// #     const NAME: &'static str = "tally";
/// #     const SCHEMA: u32 = 1;
/// #     type Config = ();
/// #     type State = u64;
/// #     type Action = TallyAction;
/// #     type Event = TallyEvent;
/// #     type Reject = AddsZero;
/// #     fn initial(_config: &(), _bugs: Bugs) -> u64 { 0 }
/// #     fn decide(_: &u64, action: &TallyAction, _: &mut Env, out: &mut Vec<TallyEvent>) -> Result<(), AddsZero> {
/// #         let TallyAction::Add(n) = *action;
/// #         if n == 0 { return Err(AddsZero); }
/// #         out.push(TallyEvent::Added(n));
/// #         Ok(())
/// #     }
/// #     fn apply(total: &mut u64, event: &TallyEvent) {
/// #         let TallyEvent::Added(n) = *event;
/// #         *total += u64::from(n);
/// #     }
/// # }
/// use rewind::{Choices, Coverage, Engine, Invariant, Model, RandomChoices};
///
/// impl Model for Tally {
///     type Projections = ();
///
///     const ACTION_KINDS: &'static [&'static str] = &["add"];
///     const COVERAGE: &'static [&'static str] = &["total_above_100"];
///
///     fn projections(_config: &(), _bugs: Bugs) {}
///
///     fn next_action(_total: &u64, choices: &mut dyn Choices) -> TallyAction {
///         // Mostly 1 to 9; one time in 20 the zero that `decide` must refuse.
///         if choices.chance(1, 20) {
///             TallyAction::Add(0)
///         } else {
///             TallyAction::Add(choices.between(1, 9) as u32)
///         }
///     }
///
///     fn action_kind(action: &TallyAction) -> usize {
///         match action {
///             TallyAction::Add(_) => 0,
///         }
///     }
///
///     fn invariants() -> &'static [Invariant<Self>] {
///         INVARIANTS
///     }
///
///     fn cover(total: &u64, _event: &TallyEvent, coverage: &mut Coverage) {
///         if *total > 100 {
///             coverage.hit(0);
///         }
///     }
///
///     fn shrink_action(action: &TallyAction) -> Vec<TallyAction> {
///         match *action {
///             TallyAction::Add(n) if n > 1 => vec![TallyAction::Add(1)],
///             TallyAction::Add(_) => Vec::new(),
///         }
///     }
/// }
///
/// const INVARIANTS: &[Invariant<Tally>] = &[Invariant {
///     name: "total_below_a_million",
///     check: total_below_a_million,
/// }];
///
/// fn total_below_a_million(total: &u64, _views: &()) -> Result<(), String> {
///     if *total < 1_000_000 {
///         Ok(())
///     } else {
///         Err(format!("the total is {total}"))
///     }
/// }
///
/// // What one run of the harness does, in short: the bot acts, the engine dispatches,
/// // every invariant is checked, coverage is counted.
/// let mut engine = Engine::<Tally>::new((), 0, Bugs::NONE);
/// let mut choices = RandomChoices::new(7);
/// let mut coverage = Coverage::new(Tally::COVERAGE.len());
/// for _ in 0..100 {
///     let action = Tally::next_action(engine.state(), &mut choices);
///     if let Ok(appended) = engine.dispatch(action) {
///         for event in &engine.events()[appended] {
///             Tally::cover(engine.state(), event, &mut coverage);
///         }
///     }
///     for invariant in Tally::invariants() {
///         assert_eq!((invariant.check)(engine.state(), &()), Ok(()));
///     }
/// }
/// assert!(coverage.counts()[0] > 0);
/// ```
pub trait Model: Domain {
    /// Read models the harness folds alongside the state, so invariants can compare them
    /// with it (`()` for none). At the end of a run they are rebuilt from the event log and
    /// must equal the ones folded live.
    type Projections: Projection<Self::Event> + Clone + Debug + PartialEq + Send;

    /// The names of the action kinds, for `rewind domains` and swarm testing; at most 64
    /// take part in swarm masks. List every kind of [`Domain::Action`], the outbox's messages
    /// included, so [`Model::action_kind`] has an index into this list for every action (an
    /// index past the end counts as a kind switched off, and the bot is asked again).
    const ACTION_KINDS: &'static [&'static str];
    /// The coverage labels [`Model::cover`] can hit, by index.
    const COVERAGE: &'static [&'static str] = &[];
    /// The planted bugs this domain carries; `BUGS[i].id == BugId(i)`.
    const BUGS: &'static [Bug] = &[];

    /// The delivery faults this domain claims to survive: which ones the harness's simulated
    /// bus injects into its messages (see [`Faults`]). None by default, and then every message
    /// is delivered at once, in order, exactly once.
    const FAULTS: Faults = Faults::NONE;

    /// The projections before any event. `bugs` is given so that a bug planted in a
    /// projection can be switched on; correct projections ignore it.
    fn projections(config: &Self::Config, bugs: Bugs) -> Self::Projections;

    /// The bot: the next action in `state`. Besides sensible play it must produce invalid
    /// and hostile actions (wrong player, unknown id, bad amount) at a small rate, because
    /// rejection paths hide bugs too. Every random decision goes through `choices`, simplest
    /// option first (a driver that runs out answers 0), so the same bot runs under
    /// simulation, fuzzing and proptest. Messages of the outbox are not the bot's to send:
    /// the harness delivers them.
    fn next_action(state: &Self::State, choices: &mut dyn Choices) -> Self::Action;

    /// Which of [`Model::ACTION_KINDS`] an action is. Swarm mode switches kinds off by this
    /// index; the shrinker points a delivery at a waiting message of the same kind.
    fn action_kind(action: &Self::Action) -> usize;

    /// The checks run after every step, in order; the first that fails is the violation.
    ///
    /// A step that appended no events (a refusal, a begun command) changed neither the state
    /// nor the projections, since only `apply` and `fold` change them, so what held before it
    /// holds after it: a simulation's runs skip the checks there. Its deep runs (one in
    /// `history_every`) and every replay check after every step all the same, and a replay
    /// also proves that a refused step changed nothing.
    fn invariants() -> &'static [Invariant<Self>];

    /// Whether [`Model::touches`] says which invariants each event can break. Then a step
    /// checks only the invariants its events touch; the run's first step checks them all.
    /// Off by default: every invariant after every step that appended events.
    ///
    /// The harness proves the declaration: one run in `history_every` (and every replay of a
    /// log) checks every invariant after every step, and an invariant that breaks after a
    /// step whose events do not declare it is a finding of its own, `touches_declared`.
    const CHECKS_TOUCHED_ONLY: bool = false;

    /// The invariants, by index into [`Model::invariants`], that applying `event` can break:
    /// those that read what `event` changes. Every one by default; read only when
    /// [`Model::CHECKS_TOUCHED_ONLY`] is set.
    fn touches(_event: &Self::Event) -> Touched {
        Touched::ALL
    }

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
///
/// ```
/// # use rewind_engine as rewind;
/// let mut coverage = rewind::Coverage::new(2);
/// coverage.hit(1);
/// coverage.hit(1);
/// coverage.hit(7); // no such label: ignored
/// let mut total = rewind::Coverage::new(2);
/// total.merge(&coverage);
/// assert_eq!(total.counts(), [0, 2]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    hits: Vec<u64>,
}

impl Coverage {
    /// No hits yet, for `labels` labels.
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

    /// The hits of each label, by index.
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
