//! The engine's side of concurrent writers: a client decides on the state as it is
//! ([`Engine::begin`]), and appends later ([`Engine::commit`]) if the version check
//! ([`Engine::conflict`]) lets it.

use std::ops::Range;

use super::{Engine, First, Refusal};
use crate::{CommitRecord, Conflict, Domain, Draw, Pending, Stream};

/// What concurrent clients did in an engine's history, so that [`Engine::redispatch`] does
/// it again alike.
pub(super) struct History<D: Domain> {
    /// The commands clients decided ([`Engine::begin`]): the step count then, the command
    /// and what it drew.
    pub(super) begins: Vec<(usize, D::Action, Vec<Draw>)>,
    /// The steps that were commits ([`Engine::commit`]) and how each landed.
    pub(super) commits: Vec<(usize, CommitRecord<D>)>,
}

// Written out rather than derived: a derive would demand `Clone + Debug` of the domain's
// marker type.
impl<D: Domain> Clone for History<D> {
    fn clone(&self) -> Self {
        History {
            begins: self.begins.clone(),
            commits: self.commits.clone(),
        }
    }
}

impl<D: Domain> std::fmt::Debug for History<D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("History")
            .field("begins", &self.begins)
            .field("commits", &self.commits)
            .finish()
    }
}

impl<D: Domain> Engine<D> {
    fn history(&mut self) -> &mut History<D> {
        self.clients.get_or_insert_with(|| {
            Box::new(History {
                begins: Vec::new(),
                commits: Vec::new(),
            })
        })
    }

    /// A concurrent client loads the state as it is now and decides `action` there, with
    /// `draws` scripted for what the decision draws. Nothing changes and nothing is logged as
    /// a step: the decision waits in the [`Pending`] until [`Engine::commit`] appends it.
    /// Refused only when an earlier dispatch panicked ([`Refusal::Poisoned`]).
    ///
    /// A lost update, and the version check that stops it: two clients decide to spend the
    /// one coin of a wallet, the first commits, and the second finds the wallet's stream
    /// moved.
    ///
    /// ```
    /// # use rewind_engine as rewind;
    /// use rewind::{Bugs, Domain, Engine, Env, Refusal, Stream};
    ///
    /// struct Wallet;
    ///
    /// impl Domain for Wallet {
    ///     const NAME: &'static str = "wallet";
    ///     const SCHEMA: u32 = 1;
    ///     const CONCURRENT: bool = true;
    ///     type Config = ();
    ///     type State = i64;
    ///     type Action = i64; // an amount to add (negative: spend)
    ///     type Event = i64;
    ///     type Reject = String;
    ///
    ///     fn initial(_: &(), _: Bugs) -> i64 {
    ///         0
    ///     }
    ///     fn decide(balance: &i64, amount: &i64, _: &mut Env, out: &mut Vec<i64>) -> Result<(), String> {
    ///         if balance + amount < 0 {
    ///             return Err(format!("{balance} cannot pay {}", -amount));
    ///         }
    ///         out.push(*amount);
    ///         Ok(())
    ///     }
    ///     fn apply(balance: &mut i64, amount: &i64) {
    ///         *balance += amount;
    ///     }
    ///     // Every decision reads the wallet's one stream, and every event is in it.
    ///     fn reads(_: &i64, _: &i64, _: Bugs, out: &mut Vec<Stream>) {
    ///         out.push(Stream::new("wallet", 0));
    ///     }
    ///     fn in_stream(_: &i64, _: &Stream) -> bool {
    ///         true
    ///     }
    /// }
    ///
    /// let mut engine = Engine::<Wallet>::new((), 1, Bugs::NONE);
    /// engine.dispatch(1).unwrap();
    /// let first = engine.begin(-1, &[]).unwrap();
    /// let second = engine.begin(-1, &[]).unwrap();
    /// assert_eq!(second.decision, Ok(vec![-1]), "both decided on the one coin");
    ///
    /// assert_eq!(engine.conflict(&first), None);
    /// assert_eq!(engine.commit(&first, &[]), Ok(1..2));
    /// let conflict = engine.conflict(&second).expect("the wallet moved");
    /// assert_eq!(conflict.to_string(), "wallet-0 moved from version 1 to 2 since the decision");
    /// // Deciding again on the fresh state refuses; appending the stale decision would overdraw.
    /// assert_eq!(engine.decide_again(&second), Err("0 cannot pay 1".to_string()));
    /// assert_eq!(
    ///     engine.refuse_conflict(&second, conflict),
    ///     Err(Refusal::Conflict(conflict))
    /// );
    /// assert_eq!((*engine.state(), engine.steps()), (0, 3));
    /// assert_eq!(engine.redispatch().events(), engine.events(), "commits replay alike");
    /// ```
    pub fn begin(
        &mut self,
        action: D::Action,
        draws: &[Draw],
    ) -> Result<Pending<D>, Refusal<D::Reject>> {
        if self.poisoned {
            return Err(Refusal::Poisoned);
        }
        self.poisoned = true;
        let now = self.actions.len() as u64;
        self.env.set_now(now);
        self.env.begin_step(draws);
        let mut events = Vec::new();
        let decision = D::decide(&self.state, &action, &mut self.env, &mut events).map(|()| events);
        let drew = self.env.end_step();
        let mut reads = Vec::new();
        D::reads(&self.state, &action, self.bugs, &mut reads);
        let step = self.actions.len();
        self.history()
            .begins
            .push((step, action.clone(), drew.clone()));
        self.poisoned = false;
        Ok(Pending {
            action,
            decision,
            reads,
            loaded_at: self.events.len(),
            now,
            draws: drew,
        })
    }

    /// The version check of `pending`'s append: the first stream its decision read that an
    /// event landed in since it loaded, with the versions then and now; `None` when every
    /// one is where it was (or it declared none, and so expects nothing).
    pub fn conflict(&self, pending: &Pending<D>) -> Option<Conflict> {
        let since = self.events.get(pending.loaded_at..)?;
        let stream = *pending
            .reads
            .iter()
            .find(|stream| since.iter().any(|event| D::in_stream(event, stream)))?;
        Some(Conflict {
            stream,
            expected: self.version(&stream, pending.loaded_at),
            actual: self.version(&stream, self.events.len()),
        })
    }

    /// The version of `stream` after the first `events` events of the log: how many of them
    /// are in it.
    pub fn version(&self, stream: &Stream, events: usize) -> u64 {
        let events = &self.events[..events.min(self.events.len())];
        events
            .iter()
            .filter(|event| D::in_stream(event, stream))
            .count() as u64
    }

    /// Appends `pending`'s decision as one step (its reactors run as in
    /// [`Engine::dispatch`]), or logs the step as refused with the reason it decided. `draws`
    /// are scripted for what the reactors' follow-ups draw. Whether the append should land
    /// is the caller's: see [`Engine::conflict`].
    pub fn commit(
        &mut self,
        pending: &Pending<D>,
        draws: &[Draw],
    ) -> Result<Range<usize>, Refusal<D::Reject>> {
        let committed = CommitRecord::Decided(pending.decision.clone());
        self.land(pending.action.clone(), draws, &committed)
    }

    /// Logs `pending` as a step refused by `conflict`: nothing lands.
    pub fn refuse_conflict(
        &mut self,
        pending: &Pending<D>,
        conflict: Conflict,
    ) -> Result<Range<usize>, Refusal<D::Reject>> {
        self.land(
            pending.action.clone(),
            &[],
            &CommitRecord::Conflict(conflict),
        )
    }

    /// What `pending`'s command decides on the state as it is now, with the time and the
    /// draws of its first decision: what a commit must equal to be serializable. Changes
    /// nothing, the engine's randomness included.
    pub fn decide_again(&self, pending: &Pending<D>) -> Result<Vec<D::Event>, D::Reject> {
        let mut env = self.env.clone();
        env.set_now(pending.now);
        env.begin_step(&pending.draws);
        let mut events = Vec::new();
        D::decide(&self.state, &pending.action, &mut env, &mut events).map(|()| events)
    }

    /// How step `step` landed, if it was a commit.
    pub fn committed(&self, step: usize) -> Option<&CommitRecord<D>> {
        self.clients
            .as_ref()?
            .commits
            .iter()
            .rev()
            .find(|(at, _)| *at == step)
            .map(|(_, committed)| committed)
    }

    /// Lands `action` as `committed` says, as the commit that made it did: what
    /// [`Engine::redispatch`] does at a commit, and a replica following a live engine.
    pub fn recommit(
        &mut self,
        action: D::Action,
        committed: &CommitRecord<D>,
    ) -> Result<Range<usize>, Refusal<D::Reject>> {
        self.land(action, &[], committed)
    }

    fn land(
        &mut self,
        action: D::Action,
        draws: &[Draw],
        committed: &CommitRecord<D>,
    ) -> Result<Range<usize>, Refusal<D::Reject>> {
        let step = self.actions.len();
        let refusal;
        let first = match committed {
            CommitRecord::Decided(Ok(events)) => First::Append(events),
            CommitRecord::Decided(Err(reason)) => {
                refusal = Refusal::Rejected(reason.clone());
                First::Refuse(&refusal)
            }
            CommitRecord::Conflict(conflict) => {
                refusal = Refusal::Conflict(*conflict);
                First::Refuse(&refusal)
            }
        };
        let landed = self.step(action, draws, first);
        if !matches!(landed, Err(Refusal::Poisoned)) {
            let committed = CommitRecord::clone(committed);
            self.history().commits.push((step, committed));
        }
        landed
    }
}
