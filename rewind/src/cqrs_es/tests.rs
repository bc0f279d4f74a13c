//! The adapter on a tiny aggregate: events come back, errors keep their text, a `handle`
//! that waits for the network is refused rather than hung, planted bugs reach `handle`.

use cqrs_es::event_sink::EventSink;
use cqrs_es::{Aggregate, DomainEvent};
use serde::{Deserialize, Serialize};

use super::{AggregateInvariant, AggregateModel, Aggregated, Rejected};
use crate::{Bug, BugId, Bugs, Choices, Domain, Engine, Env, Model, RandomChoices};

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

struct TallyModel;

impl AggregateModel for TallyModel {
    type Aggregate = Tally;
    const ACTION_KINDS: &'static [&'static str] = &["add", "add_then_fail"];
    const BUGS: &'static [Bug] = &[Bug {
        id: ADDS_ONE_TOO_MANY,
        name: "adds_one_too_many",
        effect: "every addition records one more than was added",
    }];
    const INVARIANTS: &'static [AggregateInvariant<Tally>] = &[
        AggregateInvariant {
            name: "additions_bounded",
            check: |tally| match tally.additions {
                0..=1000 => Ok(()),
                n => Err(format!("{n} additions")),
            },
        },
        AggregateInvariant {
            name: "total_even",
            check: |tally| match tally.total % 2 {
                0 => Ok(()),
                _ => Err(format!("total {} is odd", tally.total)),
            },
        },
    ];

    fn services(env: &mut Env) -> TallyServices {
        TallyServices {
            adds_one_too_many: env.planted(ADDS_ONE_TOO_MANY),
        }
    }

    /// Adds even amounts, so only the planted bug makes the total odd.
    fn next_action(_tally: &Tally, choices: &mut dyn Choices) -> TallyCommand {
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

fn decide(state: &Tally, command: TallyCommand) -> Result<Vec<TallyEvent>, Rejected> {
    let mut events = Vec::new();
    Sim::decide(state, &command, &mut Env::new(1, Bugs::NONE), &mut events).map(|()| events)
}

#[test]
fn decide_returns_the_events_handle_wrote_and_leaves_the_state() {
    let state = Tally {
        total: 4,
        additions: 1,
    };
    assert_eq!(
        decide(&state, TallyCommand::Add(3)),
        Ok(vec![TallyEvent::Added(3)])
    );
    assert_eq!(state.total, 4);
    let mut applied = state.clone();
    Sim::apply(&mut applied, &TallyEvent::Added(3));
    assert_eq!(applied.total, 7);
}

#[test]
fn a_refusal_carries_the_aggregates_error_message() {
    let refused = decide(&Tally::default(), TallyCommand::Add(0)).unwrap_err();
    assert_eq!(refused, Rejected::Error("adding nothing".to_string()));
    assert_eq!(refused.to_string(), "adding nothing");

    let mut engine = Engine::<Sim>::new((), 1, Bugs::NONE);
    let refused = engine.dispatch(TallyCommand::AddThenFail(5)).unwrap_err();
    assert_eq!(refused.to_string(), "full after all");
    assert_eq!(
        engine.state(),
        &Tally::default(),
        "the written event did not land"
    );
    assert!(engine.events().is_empty());
}

#[test]
fn a_handle_waiting_for_the_network_is_refused_not_hung() {
    let refused = decide(&Tally::default(), TallyCommand::AskTheNetwork).unwrap_err();
    assert_eq!(refused, Rejected::Pending { aggregate: "tally" });
    let message = refused.to_string();
    assert!(message.contains("`tally`"), "{message}");
    assert!(message.contains("without real I/O"), "{message}");
}

#[test]
fn invariants_keep_their_names_order_and_checks() {
    let invariants = Sim::invariants();
    let names: Vec<&str> = invariants.iter().map(|invariant| invariant.name).collect();
    assert_eq!(names, ["additions_bounded", "total_even"]);
    let odd = Tally {
        total: 3,
        additions: 1,
    };
    assert_eq!((invariants[0].check)(&odd, &()), Ok(()));
    assert_eq!(
        (invariants[1].check)(&odd, &()),
        Err("total 3 is odd".to_string())
    );
}

/// Runs the bot for `steps` and returns the first invariant broken, by name.
fn first_broken(seed: u64, bugs: Bugs, steps: usize) -> Option<&'static str> {
    let mut engine = Engine::<Sim>::new((), seed, bugs);
    let mut choices = RandomChoices::new(seed);
    for _ in 0..steps {
        let command = Sim::next_action(engine.state(), &mut choices);
        let _ = engine.dispatch(command);
        let broken = Sim::invariants()
            .iter()
            .find(|invariant| (invariant.check)(engine.state(), &()).is_err());
        if let Some(invariant) = broken {
            return Some(invariant.name);
        }
    }
    let replayed = Engine::<Sim>::replay_events(&(), bugs, engine.events());
    assert_eq!(&replayed, engine.state(), "the kept copy equals the replay");
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
fn a_change_made_outside_the_events_shows_in_the_replay() {
    let mut engine = Engine::<Sim>::new((), 1, Bugs::NONE);
    assert_eq!(engine.dispatch(TallyCommand::Tamper), Ok(0..0));
    let replayed = Engine::<Sim>::replay_events(&(), Bugs::NONE, engine.events());
    assert_eq!(engine.state().total, 100, "the engine kept what handle did");
    assert_ne!(
        &replayed,
        engine.state(),
        "so replaying the events disagrees"
    );
}
