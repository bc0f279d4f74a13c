//! A domain behind a trait object, so a command line and a corpus suite can pick one by name
//! from a list the user's own binary gives. [`domain`] makes the entry of any [`Model`].

mod config;
mod typed;

use rewind_engine::{Bug, Log, LogError, Model, Violation};

use crate::hunt::Hunt;
use crate::meaning::Meaning;
use crate::shrink::ShrinkReport;
use crate::sim::SimPlan;
use crate::summary::Summary;
use crate::trace::TraceOptions;

pub use config::{find_bug, parse_config};

#[cfg(test)]
mod tests;
pub use typed::Entry;

/// The entry of domain `M`, for the list handed to [`crate::cli::main`] and
/// [`crate::corpus_tests::CorpusTests`]:
///
/// ```
/// # use rewind_harness::{DomainEntry, domain};
/// # struct Order;
/// # fn entries<Order: rewind_engine::Model>() -> Vec<&'static dyn DomainEntry> {
/// vec![domain::<Order>()]
/// # }
/// ```
pub fn domain<M: Model>() -> &'static dyn DomainEntry {
    // `Entry<M>` has no size, so leaking one allocates nothing.
    Box::leak(Box::new(Entry::<M>::NEW))
}

/// What `domains` shows.
pub struct DomainInfo {
    /// [`rewind_engine::Domain::NAME`].
    pub name: &'static str,
    /// [`rewind_engine::Domain::SCHEMA`].
    pub schema: u32,
    /// [`Model::ACTION_KINDS`].
    pub actions: &'static [&'static str],
    /// The names of [`Model::invariants`].
    pub invariants: Vec<&'static str>,
    /// [`Model::BUGS`].
    pub bugs: &'static [Bug],
    /// The domain's coverage labels, then the faults' (see [`crate::world::FAULT_LABELS`]).
    pub coverage: Vec<&'static str>,
    /// The invariants checked once the bus has drained.
    pub eventually: Vec<&'static str>,
    /// The faults a simulation injects by default, for a domain with an outbox.
    pub faults: Option<String>,
    /// The concurrent clients a simulation runs by default, for a domain that declares them.
    pub clients: Option<String>,
}

/// A simulation's summary and, for each failure it reports that was shrunk, the shrunk log
/// and what it means, in the same order.
pub struct SimOutcome {
    /// What the runs added up to, and each failure reported.
    pub summary: Summary,
    /// For each failure in [`Summary::failures`], in order, its shrunk log and what it
    /// means, not yet stored (`None` when it was not shrunk).
    pub logs: Vec<Option<(Log, Meaning)>>,
}

/// Everything the command line and the corpus suite do with one domain, without naming its
/// types. `program` is how the user runs the command line (`shop`, `cargo run --bin shop --`):
/// every command a result prints starts with it, so a pasted hint works where it was printed.
pub trait DomainEntry: Sync {
    /// [`rewind_engine::Domain::NAME`].
    fn name(&self) -> &'static str;
    /// What `rewind domains` lists of it.
    fn info(&self) -> DomainInfo;
    /// Plays `plan` with the bug called `bug` planted, on the table `config` describes (JSON
    /// of the domain's config, missing fields default; `None` for the default), with the
    /// checks named in `skip` set aside, shrinking what fails.
    fn simulate(
        &self,
        plan: &SimPlan,
        bug: Option<&str>,
        config: Option<&str>,
        skip: &[String],
        program: &str,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<SimOutcome, String>;
    /// What `log`, read from `file`, means (see [`crate::meaning`]).
    fn meaning(&self, log: &Log, file: &str) -> Result<Meaning, LogError>;
    /// What breaks first when `log` is replayed with every check (less the ones it sets
    /// aside) and its planted bug, if anything.
    fn replayed_violation(&self, log: &Log, file: &str) -> Result<Option<Violation>, LogError>;
    /// Whether `config` (JSON, as `--config` takes it) is a valid config of this domain.
    fn check_config(&self, config: &str) -> Result<(), String>;
    /// The corpus check of one log (see [`crate::regression`]).
    fn verify(&self, log: &Log, file: &str, program: &str) -> Result<(), String>;
    /// The same seed gives the same summary on one thread and on two (see
    /// [`crate::regression::deterministic`]).
    fn check_determinism(&self) -> Result<(), String>;
    /// What `rewind replay` prints of `log`, read from `file` (see [`crate::trace`]).
    fn trace(&self, log: &Log, file: &str, options: &TraceOptions) -> Result<String, LogError>;
    /// The self-contained HTML page of `log` read from `file` (see [`crate::view`]); its rerun
    /// command starts with `program`.
    fn view(&self, log: &Log, file: &str, program: &str) -> Result<String, LogError>;
    /// Shrinks a stored log again (a fuzz import, a hand-edited log).
    fn shrink(&self, log: &Log, file: &str, program: &str)
    -> Result<(Log, ShrinkReport), LogError>;
    /// Hunts the planted bug `bug` from `seed` (see [`crate::hunt`]).
    fn hunt(&self, bug: &Bug, seed: u64, max_runs: u64, steps: usize) -> Hunt;
    /// Decodes a libFuzzer artifact by replaying its bytes through the fuzz driver (as the
    /// fuzz target did) with `bug` planted, and shrinks what broke into a log whose
    /// `found_by` names `artifact`. `None` when the bytes break nothing.
    fn import(
        &self,
        bytes: &[u8],
        artifact: &str,
        bug: Option<&str>,
    ) -> Result<Option<(Log, ShrinkReport)>, String>;
    /// The planted bugs under which `bytes` break something, for a hint when they break
    /// nothing without one.
    fn bugs_breaking(&self, bytes: &[u8]) -> Vec<&'static str>;
    /// The domain's flow diagram as Graphviz DOT, if it declares one ([`Model::graph`]).
    fn graph(&self) -> Option<String>;
}
