//! `rewind view`: a log as one self-contained HTML page to step through in a browser.
//!
//! The page shows what `rewind replay` prints ([`crate::trace`]), one step at a time: a
//! timeline of actions with their events or refusals and the messages then waiting in the
//! outbox, a lane for each concurrent client with its command from begin to commit, the
//! state at the selected step beside its diff from the step before, the projections there,
//! and the step where the invariant broke. The log is replayed exactly as the trace does (its
//! planted bug switched on, every check after every step), so the page shows what the
//! harness sees.
//!
//! The data goes into the page as one JSON object (the private `Data`). Each step's state,
//! projections and waiting messages are stored as an edit of the step before (the private
//! `diff::edit`), never in full, so a long log stays small; the script rebuilds them.

mod diff;
pub(crate) mod page;

use rewind_engine::{Model, Step as Taken, TypedLog, Violation};
use serde::Serialize;
use serde_json::Value;

use crate::check::{StepView, replay_log};
use crate::text::shell_word;
use crate::trace::keeps_projections;
use crate::world::{self, describe_step};

/// What the page's script reads.
#[derive(Serialize)]
struct Data<'a> {
    file: &'a str,
    domain: &'static str,
    /// A string: JavaScript numbers lose seeds above 2^53.
    seed: String,
    /// The log's config as JSON, `None` for the domain's default.
    config: Option<String>,
    bug: Option<BugInfo>,
    found_by: &'a str,
    /// The command that replays this log in a terminal.
    rerun: String,
    /// What the log says broke.
    recorded: &'a Violation,
    /// What broke when the page was made (`None`: nothing did), its step counted as the log
    /// counts it (the drain's steps all come at the step after the log's last).
    violation: Option<Violation>,
    /// The index in `steps` of the step where `violation` showed: the last one for a check
    /// of the whole run.
    violation_row: Option<usize>,
    /// How many steps the log has (actions and the world's); `steps` ends at the violation,
    /// and after the log's steps come the drain's, if the replay got there: the commits of
    /// the clients still in flight, then the deliveries.
    actions: usize,
    /// The state and projections before the first step, in full.
    initial: Texts,
    steps: Vec<Step>,
}

#[derive(Serialize)]
struct BugInfo {
    name: &'static str,
    effect: &'static str,
}

#[derive(Serialize)]
struct Texts {
    state: String,
    /// `None` for a domain without projections (`()`): the page shows no projections pane.
    projections: Option<String>,
    /// The messages waiting in the outbox, one to a line (see [`crate::world::waiting`]).
    waiting: String,
}

/// One step, with short keys: there are ten thousand of them in a long log.
#[derive(Serialize)]
struct Step {
    /// The action, as its `{:?}`.
    #[serde(rename = "a")]
    action: String,
    /// The events it emitted, as the domain describes them.
    #[serde(rename = "e", skip_serializing_if = "Vec::is_empty")]
    events: Vec<String>,
    /// Why it was refused.
    #[serde(rename = "r", skip_serializing_if = "Option::is_none")]
    refused: Option<String>,
    /// The state after it, as an edit of the state before ([`diff::edit`]).
    #[serde(rename = "s", skip_serializing_if = "Vec::is_empty")]
    state: Vec<Value>,
    /// The projections after it, likewise.
    #[serde(rename = "p", skip_serializing_if = "Vec::is_empty")]
    projections: Vec<Value>,
    /// The messages waiting in the outbox after it, one to a line, likewise.
    #[serde(rename = "w", skip_serializing_if = "Vec::is_empty")]
    waiting: Vec<Value>,
    /// Whether it is a step of the drain at the end of the run (a commit or a delivery), not
    /// a step of the log.
    #[serde(rename = "d", skip_serializing_if = "std::ops::Not::not")]
    drained: bool,
    #[serde(flatten)]
    clients: Clients,
}

/// A step as the clients' lanes show it.
#[derive(Serialize)]
struct Clients {
    /// The concurrent client that took the step, if one did.
    #[serde(rename = "c", skip_serializing_if = "Option::is_none")]
    client: Option<u32>,
    /// What the client's step came to: its mark in the client's lane.
    #[serde(rename = "m", skip_serializing_if = "Option::is_none")]
    mark: Option<Mark>,
    /// For a commit, the command it commits (as its `{:?}`): the step itself only says
    /// `client 1 commits`, and the command was decided rows earlier.
    #[serde(rename = "k", skip_serializing_if = "Option::is_none")]
    command: Option<String>,
    /// The clients with a command in flight after the step, lowest first: a lane draws a line
    /// through the rows its client is in flight.
    #[serde(rename = "f", skip_serializing_if = "Vec::is_empty")]
    in_flight: Vec<u32>,
}

/// What a client's step came to.
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Mark {
    /// It began: decided a command, which is now in flight.
    Begin,
    /// Its commit went through (the version check passed, or it was sent anyway): what it
    /// decided went in.
    Landed,
    /// A conflict refused its commit: the command is dropped.
    Conflict,
    /// Its commit met a conflict and it decided again: still in flight.
    Again,
    /// Refused: a begin the world could not take, a commit with nothing in flight, or the
    /// commit of a command whose decision was a refusal.
    Refused,
}

/// What `taken` came to, refused for `refusal`, its client in flight before it or not
/// (`was`) and after it or not (`is`); `None` for a step no client took. A commit that leaves
/// its client in flight decided again; a conflict is told from another refusal by its text,
/// `conflict: ...` (as `rewind_engine::Refusal::Conflict` displays).
fn mark_of<A>(taken: &Taken<A>, refusal: Option<&str>, was: bool, is: bool) -> Option<Mark> {
    Some(match (taken, refusal) {
        (Taken::Begin { .. }, None) => Mark::Begin,
        (Taken::Begin { .. }, Some(_)) => Mark::Refused,
        (Taken::Commit(_), _) if was && is => Mark::Again,
        (Taken::Commit(_), None) => Mark::Landed,
        (Taken::Commit(_), Some(why)) if why.starts_with("conflict: ") => Mark::Conflict,
        (Taken::Commit(_), Some(_)) => Mark::Refused,
        _ => return None,
    })
}

/// The clients' commands in flight, from step to step: what a commit commits is the command
/// its client had in flight before it.
#[derive(Default)]
struct Flight {
    /// The clients in flight after the last step, each with its command as its `{:?}`.
    commands: Vec<(u32, String)>,
}

impl Flight {
    /// The lanes' view of the step `view` shows, and the commands in flight after it.
    fn step<M: Model>(&mut self, view: &StepView<'_, M>) -> Clients {
        let now: Vec<(u32, String)> = view
            .world
            .in_flight()
            .map(|(client, action)| (client, format!("{action:?}")))
            .collect();
        let client = view.taken.client();
        let before = client.and_then(|client| self.command(client));
        let is = client.is_some_and(|client| now.iter().any(|(busy, _)| *busy == client));
        let mark = mark_of(view.taken, view.refusal.as_deref(), before.is_some(), is);
        let command = match view.taken {
            Taken::Commit(_) => before.map(str::to_string),
            _ => None,
        };
        self.commands = now;
        Clients {
            client,
            mark,
            command,
            in_flight: self.commands.iter().map(|(client, _)| *client).collect(),
        }
    }

    /// The command `client` has in flight, if it has one.
    fn command(&self, client: u32) -> Option<&str> {
        self.commands
            .iter()
            .find(|(busy, _)| *busy == client)
            .map(|(_, command)| command.as_str())
    }
}

/// The page of `log`, read from `file`; its rerun command starts with `program`.
pub fn view<M: Model>(log: &TypedLog<M>, file: &str, program: &str) -> String {
    let bugs = log.bugs();
    let mut state = M::describe(&M::initial(&log.config, bugs));
    let mut projections = M::describe_projections(&M::projections(&log.config, bugs));
    let mut waiting = world::waiting::<M>(&M::initial(&log.config, bugs)).join("\n");
    let initial = Texts {
        state: state.clone(),
        projections: keeps_projections::<M>(&M::projections(&log.config, bugs))
            .then(|| projections.clone()),
        waiting: waiting.clone(),
    };
    let mut steps = Vec::with_capacity(log.steps.len());
    let mut seen: Option<(usize, Violation)> = None;
    let mut flight = Flight::default();
    let checked = replay_log(log, bugs, &mut |view: StepView<'_, M>| {
        let events = match view.refusal {
            Some(_) => Vec::new(),
            None => view.events.iter().map(M::describe_event).collect(),
        };
        let next_state = M::describe(view.engine.state());
        let next_projections = M::describe_projections(view.views);
        let next_waiting = world::waiting::<M>(view.engine.state()).join("\n");
        let clients = flight.step(&view);
        steps.push(Step {
            action: describe_step(view.taken),
            events,
            refused: view.refusal,
            state: diff::edit(&state, &next_state),
            projections: diff::edit(&projections, &next_projections),
            waiting: diff::edit(&waiting, &next_waiting),
            drained: view.drained,
            clients,
        });
        state = next_state;
        projections = next_projections;
        waiting = next_waiting;
        if let Some(violation) = view.violation {
            seen = Some((steps.len() - 1, violation.clone()));
        }
    });
    // A check of the whole run breaks after the last step; the page marks that step.
    let last_row = steps.len().checked_sub(1);
    let (violation_row, violation) = match (seen, checked.violation) {
        (Some((row, violation)), _) => (Some(row), Some(violation)),
        (None, Some(violation)) => (last_row, Some(violation)),
        (None, None) => (None, None),
    };
    let data = Data {
        file,
        domain: M::NAME,
        seed: log.seed.to_string(),
        config: (log.config != M::Config::default())
            .then(|| serde_json::to_string(&log.config).expect("configs serialize to JSON")),
        bug: log.bug.map(|bug| BugInfo {
            name: bug.name,
            effect: bug.effect,
        }),
        found_by: &log.found_by,
        rerun: format!("{program} replay {}", shell_word(file)),
        recorded: &log.violation,
        violation,
        violation_row,
        actions: log.steps.len(),
        initial,
        steps,
    };
    let json = serde_json::to_string(&data).expect("the page's data serializes to JSON");
    page::render(&format!("{file} · rewind view"), &json)
}

#[cfg(test)]
mod tests;
