//! Concurrent writers: what a domain declares so that two command handlers may interleave.
//!
//! A service handles a command in three moves: it loads the streams the decision needs (at
//! their versions then), decides, and appends expecting those versions. Two handlers can
//! interleave the moves. The append's version check (optimistic concurrency) is what keeps
//! them apart, and it is only as good as what the domain declares: which streams a decision
//! reads ([`Domain::reads`](crate::Domain::reads)), which stream each event lands in
//! ([`Domain::in_stream`](crate::Domain::in_stream)), and what a command does when a stream
//! it read has moved ([`Domain::on_conflict`](crate::Domain::on_conflict)).
//!
//! The engine's side is [`Engine::begin`](crate::Engine::begin) (load and decide, changing
//! nothing), [`Engine::conflict`](crate::Engine::conflict) (the version check) and
//! [`Engine::commit`](crate::Engine::commit) (the append, as one step).

use std::fmt;

use crate::{Domain, Draw};

/// A stream of events that an append's version check covers: one aggregate instance
/// (`account-3`), or anything else a decision reads and a writer changes (`email-2`, the
/// index that says who holds that address). Its version is the number of events in it.
///
/// ```
/// use rewind_engine::Stream;
/// let account = Stream::new("account", 3);
/// assert_eq!(account.to_string(), "account-3");
/// assert!(Stream::new("account", 2) < account);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stream {
    /// What kind of stream: `"account"`, `"email"`.
    pub kind: &'static str,
    /// Which one of its kind.
    pub id: u64,
}

impl Stream {
    /// The stream `id` of `kind`.
    pub const fn new(kind: &'static str, id: u64) -> Stream {
        Stream { kind, id }
    }
}

impl fmt::Display for Stream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.kind, self.id)
    }
}

/// What a command does when its append finds that a stream its decision read has moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnConflict {
    /// The command is refused as a conflict; the caller may send it again.
    Refuse,
    /// The handler loads the fresh state and decides again, then appends expecting the new
    /// versions. After `attempts` decisions in all (the first included, at most
    /// [`MAX_ATTEMPTS`]), the command is refused as a conflict.
    Retry {
        /// Decisions in all, the first included.
        attempts: u32,
    },
    /// The handler appends its first decision again, expecting the new versions, without
    /// deciding again. Right only for a decision that cannot depend on what moved (an
    /// append-only note); for any other it lets a stale decision through, and
    /// `commits_serializable` says so.
    Resend,
}

/// The most decisions one command makes, its first included, whatever a domain's
/// [`OnConflict::Retry`] asks: every loop of a simulation is bounded.
pub const MAX_ATTEMPTS: u32 = 4;

/// A command a concurrent client decided and has not committed yet: the result of
/// [`Engine::begin`](crate::Engine::begin).
pub struct Pending<D: Domain> {
    /// The command.
    pub action: D::Action,
    /// What it decided on the state it loaded: the events to append, or why it refused.
    pub decision: Result<Vec<D::Event>, D::Reject>,
    /// The streams the decision read ([`Domain::reads`](crate::Domain::reads)), whose
    /// versions the append expects unchanged.
    pub reads: Vec<Stream>,
    /// The length of the event log when it loaded: the events from here on landed since.
    pub loaded_at: usize,
    /// The logical time it decided at ([`Env::now`](crate::Env::now)).
    pub now: u64,
    /// What the decision drew from [`Env`](crate::Env), so that it can be made again alike.
    pub draws: Vec<Draw>,
}

/// A stream a pending command read that moved before its append: its version when the
/// command loaded it, and now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The stream that moved.
    pub stream: Stream,
    /// Its version when the command loaded it.
    pub expected: u64,
    /// Its version at the append.
    pub actual: u64,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} moved from version {} to {} since the decision",
            self.stream, self.expected, self.actual
        )
    }
}

/// How a commit landed, kept so that re-dispatching the history lands it the same way
/// ([`Engine::redispatch`](crate::Engine::redispatch)): the decision it appended (or the
/// refusal it reported), or the conflict that refused it.
pub enum CommitRecord<D: Domain> {
    /// The client's decision, appended (or its refusal, reported).
    Decided(Result<Vec<D::Event>, D::Reject>),
    /// A stream the decision read had moved, and the command was refused.
    Conflict(Conflict),
}

// Written out rather than derived: a derive would demand `Clone + Debug + PartialEq` of the
// domain's marker type, though only its associated types are stored.
impl<D: Domain> Clone for Pending<D> {
    fn clone(&self) -> Self {
        Pending {
            action: self.action.clone(),
            decision: self.decision.clone(),
            reads: self.reads.clone(),
            loaded_at: self.loaded_at,
            now: self.now,
            draws: self.draws.clone(),
        }
    }
}

impl<D: Domain> fmt::Debug for Pending<D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pending")
            .field("action", &self.action)
            .field("decision", &self.decision)
            .field("reads", &self.reads)
            .field("loaded_at", &self.loaded_at)
            .field("now", &self.now)
            .field("draws", &self.draws)
            .finish()
    }
}

impl<D: Domain> Clone for CommitRecord<D> {
    fn clone(&self) -> Self {
        match self {
            CommitRecord::Decided(decision) => CommitRecord::Decided(decision.clone()),
            CommitRecord::Conflict(conflict) => CommitRecord::Conflict(*conflict),
        }
    }
}

impl<D: Domain> fmt::Debug for CommitRecord<D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommitRecord::Decided(decision) => f.debug_tuple("Decided").field(decision).finish(),
            CommitRecord::Conflict(conflict) => f.debug_tuple("Conflict").field(conflict).finish(),
        }
    }
}

impl<D: Domain> PartialEq for CommitRecord<D> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (CommitRecord::Decided(a), CommitRecord::Decided(b)) => a == b,
            (CommitRecord::Conflict(a), CommitRecord::Conflict(b)) => a == b,
            _ => false,
        }
    }
}
