//! Concurrent clients: a command in flight between its `begin` (load and decide) and its
//! `commit` (the append, if the version check lets it), and the generic check that every
//! commit is what the domain decides at that moment ([`COMMITS_SERIALIZABLE`]).
//!
//! A client holds one command at a time. On a conflict it does what the domain declares
//! ([`rewind_engine::Domain::on_conflict`]): a refusal, a new decision on the fresh state
//! that stays in flight until a later commit (at most [`MAX_ATTEMPTS`] decisions), or the
//! first decision appended again.

use rewind_engine::{
    Conflict, Coverage, Draw, Engine, MAX_ATTEMPTS, Model, OnConflict, Pending, Refusal, Violation,
};

use super::{Outcome, World};

/// How many concurrent clients a run has, numbered from 1.
pub const MAX_CLIENTS: u32 = 3;

/// The generic check that every commit appends what the domain decides, at the moment of the
/// commit, on the state every earlier commit left (the same events, or the same refusal): a
/// stale decision that slipped through the version check is a finding at its commit.
pub const COMMITS_SERIALIZABLE: &str = "commits_serializable";

/// The coverage labels of what concurrent clients did, after the faults' labels.
pub const CLIENT_LABELS: [&str; 3] = [
    "concurrency: a commit while another client was in flight",
    "concurrency: a conflict refused",
    "concurrency: decided again after a conflict",
];
const OVERLAPPED: usize = 0;
const REFUSED: usize = 1;
const RETRIED: usize = 2;

/// A client's command in flight.
pub(super) struct InFlight<M: Model> {
    pending: Pending<M>,
    /// Decisions made so far, the first included.
    attempt: u32,
    /// The step of the run it first decided at.
    began_at: usize,
}

impl<M: Model> World<M> {
    /// The slot of `client`, or why there is none.
    fn slot(&mut self, client: u32) -> Result<&mut Option<InFlight<M>>, String> {
        if !M::CONCURRENT {
            return Err(format!(
                "{} declares no concurrent clients (Domain::CONCURRENT is false)",
                M::NAME
            ));
        }
        if !(1..=MAX_CLIENTS).contains(&client) {
            return Err(format!(
                "there is no client {client}: a run has clients 1 to {MAX_CLIENTS}"
            ));
        }
        Ok(&mut self.clients[client as usize - 1])
    }

    /// The lowest client with no command in flight, if a command may begin.
    pub(super) fn idle_client(&self) -> Option<u32> {
        let index = self.clients.iter().position(Option::is_none)?;
        Some(index as u32 + 1)
    }

    /// The clients with a command in flight.
    pub(super) fn busy_clients(&self) -> impl Iterator<Item = u32> + '_ {
        self.in_flight().map(|(client, _)| client)
    }

    /// The clients with a command in flight, lowest first, each with the command it decided
    /// (`rewind view` draws them in their lanes and names what a commit commits).
    pub fn in_flight(&self) -> impl Iterator<Item = (u32, &M::Action)> + '_ {
        (1..).zip(&self.clients).filter_map(|(client, slot)| {
            slot.as_ref()
                .map(|in_flight| (client, &in_flight.pending.action))
        })
    }

    /// `client` begins `action`: decides it on the state as it is now.
    pub(super) fn begin(
        &mut self,
        engine: &mut Engine<M>,
        client: u32,
        action: &M::Action,
        draws: &[Draw],
    ) -> Outcome<M> {
        let began_at = self.taken.saturating_sub(1);
        let slot = match self.slot(client) {
            Ok(slot) if slot.is_some() => {
                return Outcome::NotTaken(format!(
                    "client {client} already has a command in flight"
                ));
            }
            Ok(slot) => slot,
            Err(reason) => return Outcome::NotTaken(reason),
        };
        match engine.begin(action.clone(), draws) {
            Ok(pending) => {
                let drew = pending.draws.clone();
                *slot = Some(InFlight {
                    pending,
                    attempt: 1,
                    began_at,
                });
                Outcome::Began {
                    action: action.clone(),
                    drew,
                }
            }
            Err(refusal) => Outcome::Dispatched(Err(refusal)),
        }
    }

    /// `client` commits what it decided: appends it, or meets a conflict. The error is a
    /// [`COMMITS_SERIALIZABLE`] finding.
    pub(super) fn commit(
        &mut self,
        engine: &mut Engine<M>,
        client: u32,
        draws: &[Draw],
        coverage: &mut Coverage,
    ) -> Result<Outcome<M>, Violation> {
        let labels = self.client_labels;
        let in_flight = match self.slot(client) {
            Ok(slot) => slot.take(),
            Err(reason) => return Ok(Outcome::NotTaken(reason)),
        };
        let Some(in_flight) = in_flight else {
            return Ok(Outcome::NotTaken(format!(
                "client {client} has no command in flight"
            )));
        };
        if self.busy_clients().next().is_some() {
            coverage.hit(labels + OVERLAPPED);
        }
        let pending = &in_flight.pending;
        let Some(conflict) = engine.conflict(pending) else {
            return self.commit_checked(engine, client, &in_flight, draws, None);
        };
        if pending.decision.is_err() {
            // A refusal appends nothing: it stands as decided, read-only at its begin.
            return Ok(Outcome::Dispatched(engine.commit(pending, draws)));
        }
        match M::on_conflict(&pending.action, engine.bugs()) {
            OnConflict::Retry { attempts } if in_flight.attempt < attempts.min(MAX_ATTEMPTS) => {
                coverage.hit(labels + RETRIED);
                let again = match engine.begin(pending.action.clone(), draws) {
                    Ok(again) => again,
                    Err(refusal) => return Ok(Outcome::Dispatched(Err(refusal))),
                };
                let drew = again.draws.clone();
                let slot = self.slot(client).expect("the client exists");
                *slot = Some(InFlight {
                    pending: again,
                    attempt: in_flight.attempt + 1,
                    began_at: in_flight.began_at,
                });
                Ok(Outcome::Retried {
                    action: in_flight.pending.action.clone(),
                    conflict,
                    drew,
                })
            }
            OnConflict::Resend => {
                self.commit_checked(engine, client, &in_flight, draws, Some(conflict))
            }
            OnConflict::Refuse | OnConflict::Retry { .. } => {
                coverage.hit(labels + REFUSED);
                Ok(Outcome::Dispatched(
                    engine.refuse_conflict(pending, conflict),
                ))
            }
        }
    }

    /// Appends `in_flight`'s decision and holds it to what the domain decides now, before
    /// the append, on the state earlier commits left. `resent` is the conflict the append met,
    /// when the domain appends its first decision anyway.
    fn commit_checked(
        &mut self,
        engine: &mut Engine<M>,
        client: u32,
        in_flight: &InFlight<M>,
        draws: &[Draw],
        resent: Option<Conflict>,
    ) -> Result<Outcome<M>, Violation> {
        let pending = &in_flight.pending;
        let fresh = self.check_commits.then(|| engine.decide_again(pending));
        let landed = engine.commit(pending, draws);
        if matches!(landed, Err(Refusal::Poisoned)) {
            return Ok(Outcome::Dispatched(landed));
        }
        match fresh {
            Some(fresh) if fresh != pending.decision => Err(Violation {
                invariant: COMMITS_SERIALIZABLE.into(),
                step: 0,
                message: stale_commit::<M>(client, in_flight, &fresh, resent),
            }),
            _ => Ok(Outcome::Dispatched(landed)),
        }
    }

    /// The commands still in flight, for the drain: the lowest busy client commits next.
    pub(super) fn next_commit(&self) -> Option<u32> {
        self.busy_clients().next()
    }
}

/// Why a commit is not serializable: what it appended, what deciding now gives, and why the
/// version check let it through.
fn stale_commit<M: Model>(
    client: u32,
    in_flight: &InFlight<M>,
    fresh: &Result<Vec<M::Event>, M::Reject>,
    resent: Option<Conflict>,
) -> String {
    let pending = &in_flight.pending;
    let shown = |decision: &Result<Vec<M::Event>, M::Reject>| match decision {
        Ok(events) => {
            let events: Vec<String> = events.iter().map(M::describe_event).collect();
            format!("[{}]", events.join(", "))
        }
        Err(reason) => format!("a refusal ({reason})"),
    };
    let attempt = match in_flight.attempt {
        1 => String::new(),
        n => format!(", attempt {n}"),
    };
    let why = match (resent, pending.reads.as_slice()) {
        (Some(conflict), _) => {
            format!("its append met a conflict ({conflict}) and sent its first decision again")
        }
        (None, []) => {
            "it declared no stream its decision read, so its append expected nothing".into()
        }
        (None, reads) => {
            let reads: Vec<String> = reads.iter().map(ToString::to_string).collect();
            format!(
                "every stream it declared ({}) is where it was, so its decision read something they do not cover",
                reads.join(", ")
            )
        }
    };
    format!(
        "client {client} committed {:?} as decided at step {}{attempt}: {}; deciding it now, on the state earlier commits left, gives {}; {why}",
        pending.action,
        in_flight.began_at,
        shown(&pending.decision),
        shown(fresh),
    )
}
