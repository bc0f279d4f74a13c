//! The adapter on a tiny aggregate: events come back numbered per instance, errors keep
//! their text, a `handle` that waits for the network is refused rather than hung, planted
//! bugs reach `handle`, views see every envelope and rebuild from the streams.

use std::collections::BTreeMap;

use cqrs_es::event_sink::EventSink;
use cqrs_es::{Aggregate, DomainEvent, EventEnvelope, View};
use serde::{Deserialize, Serialize};

use super::{
    Addressed, AggregateInvariant, AggregateModel, Aggregated, Aggregates, Committed, PerAggregate,
    Rejected, Views, aggregate_id, rename_aggregate_id,
};
use crate::{
    Bug, BugId, Bugs, Choices, Domain, Engine, Env, Model, Projection, RandomChoices, project,
};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Tally {
    total: u32,
    additions: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum TallyCommand {
    Add(u32),
    /// Writes an event, then fails: the event must not land.
    AddThenFail(u32),
    /// Awaits a reply that never comes, as a database call would under simulation.
    AskTheNetwork,
    /// Changes the tally without an event: a bug the replay check must see.
    Tamper,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum TallyEvent {
    Added(u32),
}

impl DomainEvent for TallyEvent {
    fn event_type(&self) -> String {
        "Added".to_string()
    }

    fn event_version(&self) -> String {
        "1".to_string()
    }
}

#[derive(Debug)]
struct TallyError(&'static str);

impl std::fmt::Display for TallyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for TallyError {}

/// The services: whether the planted "adds one too many" bug is on.
struct TallyServices {
    adds_one_too_many: bool,
}

impl Aggregate for Tally {
    const TYPE: &'static str = "tally";
    type Command = TallyCommand;
    type Event = TallyEvent;
    type Error = TallyError;
    type Services = TallyServices;

    async fn handle(
        &mut self,
        command: TallyCommand,
        services: &TallyServices,
        sink: &EventSink<Self>,
    ) -> Result<(), TallyError> {
        match command {
            TallyCommand::Add(0) => return Err(TallyError("adding nothing")),
            TallyCommand::Add(amount) => {
                let recorded = amount + u32::from(services.adds_one_too_many);
                sink.write(TallyEvent::Added(recorded), self).await;
            }
            TallyCommand::AddThenFail(amount) => {
                sink.write(TallyEvent::Added(amount), self).await;
                return Err(TallyError("full after all"));
            }
            TallyCommand::AskTheNetwork => std::future::pending::<()>().await,
            TallyCommand::Tamper => self.total += 100,
        }
        Ok(())
    }

    fn apply(&mut self, event: TallyEvent) {
        let TallyEvent::Added(amount) = event;
        self.total += amount;
        self.additions += 1;
    }
}

const ADDS_ONE_TOO_MANY: BugId = BugId(0);

/// One event as a view received it: id, sequence, payload and metadata (sorted).
type Envelope = (String, usize, TallyEvent, Vec<(String, String)>);

/// Every event as a view receives it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Seen {
    envelopes: Vec<Envelope>,
}

impl View<Tally> for Seen {
    fn update(&mut self, event: &EventEnvelope<Tally>) {
        let mut metadata: Vec<(String, String)> = event.metadata.clone().into_iter().collect();
        metadata.sort();
        self.envelopes.push((
            event.aggregate_id.clone(),
            event.sequence,
            event.payload.clone(),
            metadata,
        ));
    }
}

/// The total added to each tally, as a `GenericQuery` keeps one view per aggregate id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Added {
    total: u32,
}

impl View<Tally> for Added {
    fn update(&mut self, event: &EventEnvelope<Tally>) {
        let TallyEvent::Added(amount) = event.payload;
        self.total += amount;
    }
}

struct TallyModel;

impl AggregateModel for TallyModel {
    type Aggregate = Tally;
    type Views = (Seen, PerAggregate<Added>);
    const AGGREGATES: usize = 4;
    const ACTION_KINDS: &'static [&'static str] = &["add", "add_then_fail"];
    const BUGS: &'static [Bug] = &[Bug {
        id: ADDS_ONE_TOO_MANY,
        name: "adds_one_too_many",
        effect: "every addition records one more than was added",
    }];
    const INVARIANTS: &'static [AggregateInvariant<Self>] = &[
        AggregateInvariant {
            name: "additions_bounded",
            check: |tallies, _| match tallies.iter().map(|(_, tally)| tally.additions).sum() {
                0..=1000 => Ok(()),
                n => Err(format!("{n} additions")),
            },
        },
        AggregateInvariant {
            name: "total_even",
            check: |tallies, _| match tallies.iter().find(|(_, tally)| tally.total % 2 == 1) {
                None => Ok(()),
                Some((id, tally)) => Err(format!("{id}: total {} is odd", tally.total)),
            },
        },
        AggregateInvariant {
            name: "views_agree",
            check: |tallies, views| {
                for (id, tally) in tallies.iter() {
                    let added = views.1.get(id).map_or(0, |view| view.total);
                    if added != tally.total {
                        return Err(format!("{id}: view {added}, tally {}", tally.total));
                    }
                }
                Ok(())
            },
        },
    ];

    fn services(env: &mut Env) -> TallyServices {
        TallyServices {
            adds_one_too_many: env.planted(ADDS_ONE_TOO_MANY),
        }
    }

    fn metadata(id: &str, _command: &TallyCommand, env: &mut Env) -> BTreeMap<String, String> {
        BTreeMap::from([
            ("clerk".to_string(), id.to_uppercase()),
            ("time".to_string(), env.now().to_string()),
        ])
    }

    /// Adds even amounts, so only the planted bug makes the total odd.
    fn next_action(_id: &str, _tally: &Tally, choices: &mut dyn Choices) -> TallyCommand {
        match choices.weighted(&[9, 1]) {
            0 => TallyCommand::Add(2 * choices.below(5) + 2),
            _ => TallyCommand::AddThenFail(3),
        }
    }

    fn action_kind(command: &TallyCommand) -> usize {
        match command {
            TallyCommand::Add(_) | TallyCommand::AskTheNetwork | TallyCommand::Tamper => 0,
            TallyCommand::AddThenFail(_) => 1,
        }
    }
}

type Sim = Aggregated<TallyModel>;

fn to(id: &str, command: TallyCommand) -> Addressed<TallyCommand> {
    Addressed {
        aggregate_id: id.to_string(),
        command,
    }
}

fn decide(
    state: &Aggregates<Tally>,
    command: Addressed<TallyCommand>,
) -> Result<Vec<Committed<TallyEvent>>, Rejected> {
    let mut events = Vec::new();
    Sim::decide(state, &command, &mut Env::new(1, Bugs::NONE), &mut events).map(|()| events)
}

/// An engine after `commands`, all accepted.
fn engine_after(commands: &[(&str, TallyCommand)]) -> Engine<Sim> {
    let mut engine = Engine::<Sim>::new((), 1, Bugs::NONE);
    for (id, command) in commands {
        let accepted = engine.dispatch(to(id, command.clone()));
        assert!(accepted.is_ok(), "{id} {command:?}: {accepted:?}");
    }
    engine
}

#[test]
fn each_instance_numbers_its_own_events_from_one() {
    let engine = engine_after(&[
        ("tally-0", TallyCommand::Add(2)),
        ("tally-1", TallyCommand::Add(4)),
        ("tally-0", TallyCommand::Add(6)),
    ]);
    let numbered: Vec<(&str, usize)> = engine
        .events()
        .iter()
        .map(|event| (event.aggregate_id.as_str(), event.sequence))
        .collect();
    assert_eq!(numbered, [("tally-0", 1), ("tally-1", 1), ("tally-0", 2)]);
    let tallies = engine.state();
    assert_eq!(tallies.len(), 2);
    assert_eq!(tallies.sequence("tally-0"), 2);
    assert_eq!(tallies.sequence("tally-1"), 1);
    assert_eq!(tallies.get("tally-0").map(|tally| tally.total), Some(8));
    assert_eq!(tallies.get("tally-2"), None);
}

#[test]
fn decide_returns_the_events_handle_wrote_and_leaves_the_state() {
    let engine = engine_after(&[("tally-0", TallyCommand::Add(4))]);
    let before = engine.state().clone();
    let decided = decide(engine.state(), to("tally-0", TallyCommand::Add(2))).unwrap();
    assert_eq!(decided.len(), 1);
    assert_eq!(
        (decided[0].aggregate_id.as_str(), decided[0].sequence),
        ("tally-0", 2)
    );
    assert_eq!(decided[0].payload, TallyEvent::Added(2));
    assert_eq!(engine.state(), &before);
    let mut applied = before;
    Sim::apply(&mut applied, &decided[0]);
    assert_eq!(applied.get("tally-0").map(|tally| tally.total), Some(6));
    assert_eq!(applied.sequence("tally-0"), 2);
}

#[test]
fn a_refusal_carries_the_aggregates_error_message_and_commits_nothing() {
    let refused = decide(&Aggregates::default(), to("tally-0", TallyCommand::Add(0)));
    let refused = refused.unwrap_err();
    assert_eq!(refused, Rejected::Error("adding nothing".to_string()));
    assert_eq!(refused.to_string(), "adding nothing");

    let mut engine = Engine::<Sim>::new((), 1, Bugs::NONE);
    let refused = engine.dispatch(to("tally-0", TallyCommand::AddThenFail(5)));
    assert_eq!(refused.unwrap_err().to_string(), "full after all");
    assert!(engine.state().is_empty(), "the written event did not land");
    assert!(engine.events().is_empty());
}

#[test]
fn a_handle_waiting_for_the_network_is_refused_not_hung() {
    let refused = decide(
        &Aggregates::default(),
        to("tally-0", TallyCommand::AskTheNetwork),
    );
    let refused = refused.unwrap_err();
    assert_eq!(refused, Rejected::Pending { aggregate: "tally" });
    let message = refused.to_string();
    assert!(message.contains("`tally`"), "{message}");
    assert!(message.contains("without real I/O"), "{message}");
}

#[test]
fn views_receive_every_envelope_with_its_id_sequence_and_metadata() {
    let engine = engine_after(&[
        ("tally-1", TallyCommand::Add(2)),
        ("tally-0", TallyCommand::Add(4)),
        ("tally-1", TallyCommand::Add(6)),
    ]);
    let views = project(Sim::projections(&(), Bugs::NONE), engine.events());
    let seen: Vec<(&str, usize, u32)> = views
        .0
        .envelopes
        .iter()
        .map(|(id, sequence, TallyEvent::Added(amount), _)| (id.as_str(), *sequence, *amount))
        .collect();
    assert_eq!(
        seen,
        [("tally-1", 1, 2), ("tally-0", 1, 4), ("tally-1", 2, 6)]
    );
    let metadata = &views.0.envelopes[0].3;
    assert_eq!(metadata[0], ("clerk".to_string(), "TALLY-1".to_string()));
    assert_eq!(
        metadata[1].0, "time",
        "the logical clock, never the wall clock"
    );
    assert_eq!(views.1.get("tally-1").map(|view| view.total), Some(8));
    assert_eq!(views.1.get("tally-0").map(|view| view.total), Some(4));
}

#[test]
fn events_and_commands_are_stored_as_cqrs_es_names_them() {
    let engine = engine_after(&[("tally-0", TallyCommand::Add(2))]);
    let event = serde_json::to_value(&engine.events()[0]).unwrap();
    assert_eq!(event["aggregate_id"], "tally-0");
    assert_eq!(event["sequence"], 1);
    assert_eq!(event["payload"], serde_json::json!({"Added": 2}));
    assert!(event["metadata"].is_object());
    let mut bare = engine.events()[0].clone();
    bare.metadata.clear();
    let bare = serde_json::to_value(&bare).unwrap();
    assert!(bare.get("metadata").is_none(), "empty metadata is left out");
    let back: Committed<TallyEvent> = serde_json::from_value(bare).unwrap();
    assert!(back.metadata.is_empty());

    let command = serde_json::to_value(to("tally-3", TallyCommand::Add(2))).unwrap();
    assert_eq!(
        command,
        serde_json::json!({"aggregate_id": "tally-3", "command": {"Add": 2}})
    );
}

#[test]
fn views_without_any_show_nothing_and_views_show_themselves() {
    let views: Views<TallyModel> = Sim::projections(&(), Bugs::NONE);
    let described = Sim::describe_projections(&views);
    assert!(described.contains("envelopes"), "{described}");
    let engine = engine_after(&[("tally-0", TallyCommand::Add(2))]);
    let state = Sim::describe(engine.state());
    assert!(
        state.starts_with("tally-0 (sequence 1):\n  Tally {"),
        "{state}"
    );
    let event = Sim::describe_event(&engine.events()[0]);
    assert!(event.starts_with("tally-0 #1 Added(2) {"), "{event}");
}

/// Runs the bot for `steps`, folding the views, and returns the first invariant broken, by
/// name; at the end, the state and the views rebuilt from the events equal the live ones.
fn first_broken(seed: u64, bugs: Bugs, steps: usize) -> Option<&'static str> {
    let mut engine = Engine::<Sim>::new((), seed, bugs);
    let mut views = Sim::projections(&(), bugs);
    let mut choices = RandomChoices::new(seed);
    for _ in 0..steps {
        let command = Sim::next_action(engine.state(), &mut choices);
        if let Ok(range) = engine.dispatch(command) {
            engine.events()[range]
                .iter()
                .for_each(|event| views.fold(event));
        }
        let broken = Sim::invariants()
            .iter()
            .find(|invariant| (invariant.check)(engine.state(), &views).is_err());
        if let Some(invariant) = broken {
            return Some(invariant.name);
        }
    }
    let replayed = Engine::<Sim>::replay_events(&(), bugs, engine.events());
    assert_eq!(&replayed, engine.state(), "the kept copy equals the replay");
    let rebuilt = project(Sim::projections(&(), bugs), engine.events());
    assert_eq!(rebuilt, views, "the views rebuild from the streams");
    None
}

#[test]
fn a_planted_bug_reaches_handle_through_the_services() {
    assert_eq!(first_broken(3, Bugs::NONE, 200), None);
    assert_eq!(
        first_broken(3, Bugs::NONE.with(ADDS_ONE_TOO_MANY), 200),
        Some("total_even")
    );
}

#[test]
fn the_bot_addresses_a_few_instances_and_reuses_them() {
    let mut engine = Engine::<Sim>::new((), 5, Bugs::NONE);
    let mut choices = RandomChoices::new(5);
    let mut addressed = BTreeMap::<String, usize>::new();
    for _ in 0..400 {
        let command = Sim::next_action(engine.state(), &mut choices);
        *addressed.entry(command.aggregate_id.clone()).or_default() += 1;
        let _ = engine.dispatch(command);
    }
    let ids: Vec<&str> = addressed.keys().map(String::as_str).collect();
    assert_eq!(
        ids,
        ["tally-0", "tally-1", "tally-2", "tally-3", "tally-4"],
        "AGGREGATES is 4; past it, a command to an unknown id opened one more"
    );
    assert!(
        addressed.values().all(|&commands| commands > 20),
        "each is reused: {addressed:?}"
    );
    assert_eq!(engine.state().len(), 5, "and no more than that");
}

#[test]
fn the_shrinker_renumbers_aggregate_ids_and_leaves_other_strings() {
    let mut renamed = to("tally-7", TallyCommand::Add(2));
    Sim::rename_ids(&mut renamed, &mut |kind, id| {
        assert_eq!(kind, "aggregate");
        id - 7
    });
    assert_eq!(renamed.aggregate_id, "tally-0");
    for foreign in ["tally-07", "jar-1", "tally", "tally-", "tally-x"] {
        let mut id = foreign.to_string();
        rename_aggregate_id::<Tally>(&mut id, &mut |_, _| 0);
        assert_eq!(id, foreign);
    }
    assert_eq!(aggregate_id::<Tally>(12), "tally-12");
}

#[test]
fn a_change_made_outside_the_events_shows_in_the_replay() {
    let mut engine = Engine::<Sim>::new((), 1, Bugs::NONE);
    assert_eq!(
        engine.dispatch(to("tally-0", TallyCommand::Tamper)),
        Ok(0..0)
    );
    let replayed = Engine::<Sim>::replay_events(&(), Bugs::NONE, engine.events());
    assert_eq!(
        engine.state().get("tally-0").map(|tally| tally.total),
        Some(100),
        "the engine kept what handle did"
    );
    assert_ne!(
        &replayed,
        engine.state(),
        "so replaying the events disagrees"
    );
}

#[test]
fn a_command_that_changes_nothing_leaves_no_instance() {
    let mut engine = Engine::<Sim>::new((), 1, Bugs::NONE);
    let _ = engine.dispatch(to("tally-0", TallyCommand::Add(0)));
    assert!(engine.state().is_empty());
    let replayed = Engine::<Sim>::replay_events(&(), Bugs::NONE, engine.events());
    assert_eq!(&replayed, engine.state());
}

/// Two `execute`s of one instance: both load it at sequence 1, the first commits, and the
/// second meets cqrs-es's sequence check. Another instance's commit moves nothing.
#[test]
fn the_later_of_two_commits_to_one_instance_is_refused_as_a_conflict() {
    use crate::Step;
    use rewind_harness::check::{Checks, StepView, thorough_observed};
    let begin = |client, id: &str| Step::Begin {
        client,
        action: to(id, TallyCommand::Add(2)),
    };
    let steps = [
        Step::Act(to("tally-0", TallyCommand::Add(2))),
        begin(1, "tally-0"),
        begin(2, "tally-0"),
        begin(3, "tally-1"),
        Step::Commit(1),
        Step::Commit(3),
        Step::Commit(2),
    ];
    let mut refusals = Vec::new();
    let checked = thorough_observed::<Sim>(
        &(),
        1,
        Bugs::NONE,
        &steps,
        &[],
        &Checks::all(),
        &mut |view: StepView<'_, Sim>| refusals.push(view.refusal),
    );
    assert_eq!(checked.violation, None);
    let refused: Vec<(usize, String)> = refusals
        .into_iter()
        .enumerate()
        .filter_map(|(step, refusal)| refusal.map(|why| (step, why)))
        .collect();
    assert_eq!(
        refused,
        [(
            6,
            "conflict: tally-0 moved from version 1 to 2 since the decision".to_string()
        )]
    );
    let tallies = checked.engine.state();
    assert_eq!(tallies.sequence("tally-0"), 2);
    assert_eq!(tallies.sequence("tally-1"), 1);
}
