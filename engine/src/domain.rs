//! The rules of a domain: actions are decided into events, events are applied to state.

use std::fmt::{Debug, Display};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Bugs, Env, OnConflict, Stream};

/// A domain's rules, written once as pure functions.
///
/// `decide` reads state and may draw from the seeded [`Env`], but never changes state;
/// `apply` is the only code that does, so replaying the events rebuilds the state exactly.
/// Implementors are usually a unit struct (`pub struct Poll;`) naming the associated types.
/// Only [`NAME`](Domain::NAME), [`SCHEMA`](Domain::SCHEMA), the five types,
/// [`initial`](Domain::initial), [`decide`](Domain::decide) and [`apply`](Domain::apply) are
/// required; [`Model`](crate::Model) adds what the harness needs to test the rules.
///
/// # Example
///
/// A tally that adds positive numbers and refuses zero:
///
/// ```
/// # use rewind_engine as rewind;
/// use rewind::{Bugs, Domain, Engine, Env, Refusal};
/// use serde::{Deserialize, Serialize};
///
/// pub struct Tally;
///
/// #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
/// pub enum TallyAction {
///     Add(u32),
/// }
///
/// #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
/// pub enum TallyEvent {
///     Added(u32),
/// }
///
/// #[derive(Clone, Debug, PartialEq)]
/// pub struct AddsZero;
///
/// impl std::fmt::Display for AddsZero {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("adding zero changes nothing")
///     }
/// }
///
/// impl Domain for Tally {
///     const NAME: &'static str = "tally";
///     const SCHEMA: u32 = 1;
///
///     type Config = ();
///     type State = u64;
///     type Action = TallyAction;
///     type Event = TallyEvent;
///     type Reject = AddsZero;
///
///     fn initial(_config: &(), _bugs: Bugs) -> u64 {
///         0
///     }
///
///     fn decide(
///         _total: &u64,
///         action: &TallyAction,
///         _env: &mut Env,
///         out: &mut Vec<TallyEvent>,
///     ) -> Result<(), AddsZero> {
///         let TallyAction::Add(n) = *action;
///         if n == 0 {
///             return Err(AddsZero);
///         }
///         out.push(TallyEvent::Added(n));
///         Ok(())
///     }
///
///     fn apply(total: &mut u64, event: &TallyEvent) {
///         let TallyEvent::Added(n) = *event;
///         *total += u64::from(n);
///     }
/// }
///
/// let mut engine = Engine::<Tally>::new((), 0, Bugs::NONE);
/// assert_eq!(engine.dispatch(TallyAction::Add(2)), Ok(0..1));
/// assert_eq!(
///     engine.dispatch(TallyAction::Add(0)),
///     Err(Refusal::Rejected(AddsZero))
/// );
/// assert_eq!(*engine.state(), 2);
/// assert_eq!(engine.events(), [TallyEvent::Added(2)]);
/// ```
pub trait Domain: Sized + 'static {
    /// The name used on the command line, in logs and in `corpus/<name>/`.
    const NAME: &'static str;
    /// Bumped when the meaning of a stored action or event changes; older logs are upcast by
    /// [`Domain::upcast_action`] or refused.
    const SCHEMA: u32;
    /// Whether [`Domain::react`] can return follow-up actions. Domains without reactors skip
    /// the scratch copy that makes a cascade atomic.
    const REACTS: bool = false;
    /// Whether [`Domain::outbox`] can hold messages. Domains without asynchronous reactors
    /// leave it false, and the harness never asks for their outbox.
    const ASYNC: bool = false;
    /// Whether commands may run on concurrent clients, each loading, deciding and appending
    /// while others do (see [`Domain::reads`]). A domain that leaves it false never meets a
    /// concurrent client and pays nothing for them.
    const CONCURRENT: bool = false;

    /// Table settings (seats, blinds, choices offered); recorded in a log when not default.
    /// `decide` does not see the config: [`Domain::initial`] copies what the rules need into
    /// the state. `--config` JSON is read with serde, so `#[serde(default)]` on the struct lets
    /// it name only the settings that change.
    type Config: Clone + Debug + Default + PartialEq + Serialize + DeserializeOwned + Send + Sync;
    /// Everything `decide` reads and `apply` builds. Compared after replays and restarts, so
    /// its `PartialEq` must compare all of it; no hash-map iteration order may matter.
    type State: Clone + Debug + PartialEq + Send;
    /// The vocabulary a user speaks (`RaiseTo`, `Vote`, `Capture`).
    type Action: Clone + Debug + PartialEq + Serialize + DeserializeOwned + Send + Sync;
    /// The facts that change state (`ChipsCommitted`, `VoteCast`).
    type Event: Clone + Debug + PartialEq + Serialize + DeserializeOwned + Send + Sync;
    /// Why an action was refused.
    type Reject: Clone + Debug + Display + PartialEq + Send;

    /// What is wrong with `config`, if anything: a config read from a log or given on the
    /// command line is checked here, so an out-of-range setting is an error naming it rather
    /// than a table that silently plays with other settings. The default accepts every one.
    fn check_config(config: &Self::Config) -> Result<(), String> {
        let _ = config;
        Ok(())
    }

    /// The state before any event. `bugs` is given so that a bug planted in `apply` can be
    /// switched on; correct domains ignore it.
    fn initial(config: &Self::Config, bugs: Bugs) -> Self::State;

    /// Decides what `action` means in `state`: pushes the events onto `out`, or returns why
    /// it is refused. Events pushed before a refusal are discarded by the engine.
    fn decide(
        state: &Self::State,
        action: &Self::Action,
        env: &mut Env,
        out: &mut Vec<Self::Event>,
    ) -> Result<(), Self::Reject>;

    /// Folds one event into state. Total (never fails, never panics on any event `decide`
    /// can emit) and deterministic.
    fn apply(state: &mut Self::State, event: &Self::Event);

    /// Decides `action` and applies its events to `state` in one pass: what the engine's
    /// dispatch runs for a domain without reactors ([`Domain::REACTS`] false; with reactors
    /// it calls `decide` and `apply` on a scratch copy). The default is `decide`, then
    /// `apply` of each event.
    ///
    /// A domain whose decision has to see its own events (a dealer moving a hand along
    /// street by street) overrides it to apply each event as it emits it, instead of
    /// deciding on a scratch copy and applying everything a second time. The rule: refuse,
    /// if at all, before the first event is applied, and leave `state` equal to applying
    /// the events in `out` to it. The harness checks both (a refused dispatch changes
    /// nothing; replaying the event log rebuilds the live state). `decide` must still give
    /// the same events: it is the pure form that tools outside the engine call.
    fn execute(
        state: &mut Self::State,
        action: &Self::Action,
        env: &mut Env,
        out: &mut Vec<Self::Event>,
    ) -> Result<(), Self::Reject> {
        let start = out.len();
        Self::decide(state, action, env, out)?;
        for event in &out[start..] {
            Self::apply(state, event);
        }
        Ok(())
    }

    /// Synchronous reactors: follow-up actions an applied event triggers, dispatched within
    /// the same atomic step. Only consulted when [`Domain::REACTS`] is true. `state` is the
    /// state with `event` applied; follow-ups are pushed onto `out` and dispatched breadth
    /// first, at most [`MAX_CASCADE_DEPTH`](crate::MAX_CASCADE_DEPTH) rounds and
    /// [`MAX_CASCADE_ACTIONS`](crate::MAX_CASCADE_ACTIONS) actions, and one refusal among them
    /// undoes the whole step.
    fn react(_state: &Self::State, _event: &Self::Event, _out: &mut Vec<Self::Action>) {}

    /// Asynchronous reactors: the messages waiting in `state`'s outbox, oldest first, each an
    /// action that whatever delivers them (a relay, a queue, in tests the harness's simulated
    /// bus) dispatches later. The outbox is part of the state, built by `apply`, so it
    /// survives replay and restarts. Handling a message must take it out of the outbox (the
    /// event that records it was handled does), and since a bus delivers at least once,
    /// handling it again must do no harm. Only consulted when [`Domain::ASYNC`] is true.
    ///
    /// A message is an action of [`Domain::Action`]: give it a kind in
    /// [`Model::ACTION_KINDS`](crate::Model::ACTION_KINDS) like any other action, and leave it
    /// out of the bot, since the harness's bus delivers it.
    fn outbox(_state: &Self::State, _out: &mut Vec<Self::Action>) {}

    /// Clears the parts of `state` a restart does not bring back (an in-memory cache). After a
    /// simulated crash the state rebuilt from the serialized log must equal the state before
    /// it with both cleared, and the run goes on from the rebuilt state, so losing those parts
    /// must be survivable. Clears nothing by default: everything is durable.
    fn forget_volatile(_state: &mut Self::State) {}

    /// The streams a decision on `action` reads, pushed onto `out`: the append of its
    /// events expects each of them at the version it had when the decision loaded it, and a
    /// client whose stream moved meets [`Domain::on_conflict`]. List the stream the action
    /// writes and every other one its decision depends on (an index saying who holds an
    /// email): a decision that read what it does not list can go stale unseen, and the
    /// harness's `commits_serializable` check finds it. An action that lists none appends
    /// without a version check. Only consulted when [`Domain::CONCURRENT`] is true; `bugs`
    /// are the planted ones.
    fn reads(state: &Self::State, action: &Self::Action, bugs: Bugs, out: &mut Vec<Stream>) {
        let _ = (state, action, bugs, out);
    }

    /// Whether `event` is in `stream`, so that it moves the stream's version. An event may
    /// be in several (a sign-up is in the user's stream and in the stream of the email it
    /// claims). Only consulted when [`Domain::CONCURRENT`] is true.
    fn in_stream(event: &Self::Event, stream: &Stream) -> bool {
        let _ = (event, stream);
        false
    }

    /// What a client does when the append of `action`'s decision finds a stream it read
    /// has moved. Refuses by default. Only consulted when [`Domain::CONCURRENT`] is true.
    fn on_conflict(action: &Self::Action, bugs: Bugs) -> OnConflict {
        let _ = (action, bugs);
        OnConflict::Refuse
    }

    /// Rewrites one stored action written under `schema` (older than [`Domain::SCHEMA`]) into
    /// the current shape, or says why it cannot. The default refuses every older schema.
    fn upcast_action(schema: u32, action: serde_json::Value) -> Result<serde_json::Value, String> {
        let _ = action;
        Err(format!(
            "{} has no upcaster from schema {schema} to {}",
            Self::NAME,
            Self::SCHEMA
        ))
    }
}
