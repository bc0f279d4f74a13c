//! A domain behind a trait object, so the command line and the corpus suite can pick one by
//! name. [`Entry<M>`] implements it for every [`Model`].

use std::marker::PhantomData;

use rewind_engine::{Bug, Bugs, Domain, Log, LogError, Model, TypedLog};

use crate::hunt::{Hunt, hunt};
use crate::shrink::{ShrinkReport, shrink};
use crate::sim::{SimPlan, simulate};
use crate::summary::{FailureReport, Summary};
use crate::trace::{TraceOptions, trace};

/// At most this many distinct failures are shrunk and reported per simulation.
const FAILURES_REPORTED: usize = 3;

/// What `rewind domains` shows.
pub struct DomainInfo {
    pub name: &'static str,
    pub schema: u32,
    pub actions: &'static [&'static str],
    pub invariants: Vec<&'static str>,
    pub bugs: &'static [Bug],
    pub coverage: &'static [&'static str],
}

/// A simulation's summary and the shrunk log of each failure it reports, in the same order.
pub struct SimOutcome {
    pub summary: Summary,
    pub logs: Vec<Log>,
}

pub trait DomainEntry: Sync {
    fn info(&self) -> DomainInfo;
    /// Plays `plan` with the bug called `bug` planted, on the table `config` describes (JSON
    /// of the domain's config, missing fields default; `None` for the default), shrinking
    /// what fails.
    fn simulate(
        &self,
        plan: &SimPlan,
        bug: Option<&str>,
        config: Option<&str>,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<SimOutcome, String>;
    /// Whether `config` (JSON, as `--config` takes it) is a valid config of this domain.
    fn check_config(&self, config: &str) -> Result<(), String>;
    /// The corpus check of one log (see [`crate::regression`]).
    fn verify(&self, log: &Log, file: &str) -> Result<(), String>;
    fn trace(&self, log: &Log, file: &str, options: &TraceOptions) -> Result<String, LogError>;
    /// Shrinks a stored log again (a fuzz import, a hand-edited log).
    fn shrink(&self, log: &Log, file: &str) -> Result<(Log, ShrinkReport), LogError>;
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
}

pub struct Entry<M>(PhantomData<fn() -> M>);

impl<M> Entry<M> {
    pub const NEW: Entry<M> = Entry(PhantomData);
}

/// The planted bug called `name` in `M`, or an error listing the ones it has.
pub fn find_bug<M: Model>(name: &str) -> Result<&'static Bug, String> {
    Bugs::find(M::BUGS, name).ok_or_else(|| {
        let known: Vec<&str> = M::BUGS.iter().map(|bug| bug.name).collect();
        format!(
            "`{name}` is not a planted bug of {}; it has: {}",
            M::NAME,
            known.join(", ")
        )
    })
}

/// `M`'s config from the JSON text of `--config`, checked; the default without one.
pub fn parse_config<M: Domain>(json: Option<&str>) -> Result<M::Config, String> {
    let Some(json) = json else {
        return Ok(M::Config::default());
    };
    let config = serde_json::from_str::<M::Config>(json)
        .map_err(|e| format!("--config is not a {} config: {e}", M::NAME))?;
    M::check_config(&config).map_err(|reason| format!("--config: {reason}"))?;
    Ok(config)
}

/// The command that plays run `run` of a plan alone.
fn rerun_command<M: Domain>(
    plan: &SimPlan,
    run: u64,
    bug: Option<&Bug>,
    config: &M::Config,
) -> String {
    let mut command = format!(
        "rewind sim {} --seed {} --run {run} --steps {}",
        M::NAME,
        plan.seed,
        plan.steps
    );
    if *config != M::Config::default() {
        let json = serde_json::to_string(config).expect("configs serialize to JSON");
        command.push_str(&format!(" --config '{}'", json.replace('\'', "'\\''")));
    }
    if plan.swarm {
        command.push_str(" --swarm");
    }
    if plan.history_every != crate::sim::DEFAULT_HISTORY_EVERY {
        command.push_str(&format!(" --history-every {}", plan.history_every));
    }
    if let Some(bug) = bug {
        command.push_str(&format!(" --bug {}", bug.name));
    }
    command
}

impl<M: Model> DomainEntry for Entry<M> {
    fn info(&self) -> DomainInfo {
        DomainInfo {
            name: M::NAME,
            schema: M::SCHEMA,
            actions: M::ACTION_KINDS,
            invariants: M::invariants()
                .iter()
                .map(|invariant| invariant.name)
                .collect(),
            bugs: M::BUGS,
            coverage: M::COVERAGE,
        }
    }

    fn simulate(
        &self,
        plan: &SimPlan,
        bug: Option<&str>,
        config: Option<&str>,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<SimOutcome, String> {
        let bug = bug.map(find_bug::<M>).transpose()?;
        let bugs = bug.map_or(Bugs::NONE, |bug| Bugs::NONE.with(bug.id));
        let config = parse_config::<M>(config)?;
        let result = simulate::<M>(&config, plan, bugs, progress);
        let mut failures = Vec::new();
        let mut logs = Vec::new();
        for (run, seed, failure) in result.failures {
            let repeated = failures
                .iter()
                .any(|f: &FailureReport| f.violation.invariant == failure.violation.invariant);
            if repeated || failures.len() >= FAILURES_REPORTED {
                continue;
            }
            let shrunk = shrink::<M>(&config, seed, bugs, failure.actions, &failure.violation);
            let reproduce = rerun_command::<M>(plan, run, bug, &config);
            let typed = TypedLog::<M> {
                seed,
                config: config.clone(),
                bug,
                found_by: reproduce.clone(),
                actions: shrunk.actions,
                violation: shrunk.violation,
            };
            logs.push(Log::new(&typed));
            failures.push(FailureReport {
                run,
                seed,
                violation: failure.violation,
                shrunk_from: shrunk.report.from,
                shrunk_to: shrunk.report.to,
                passes: shrunk.report.passes,
                reproduce,
                file: None,
            });
        }
        let counts = result.counts;
        let more_failing_runs = counts.failed - failures.len() as u64;
        let summary = Summary {
            domain: M::NAME.to_string(),
            bug: bug.map(|bug| bug.name.to_string()),
            planned_runs: counts.runs + result.skipped,
            runs: counts.runs,
            dispatches: counts.dispatches,
            rejected: counts.rejected,
            events: counts.events,
            invariants: M::invariants().len(),
            history_every: plan.history_every,
            coverage: M::COVERAGE
                .iter()
                .map(|label| label.to_string())
                .zip(result.coverage.counts().iter().copied())
                .collect(),
            failures,
            more_failing_runs,
        };
        Ok(SimOutcome { summary, logs })
    }

    fn check_config(&self, config: &str) -> Result<(), String> {
        parse_config::<M>(Some(config)).map(drop)
    }

    fn verify(&self, log: &Log, file: &str) -> Result<(), String> {
        let typed = log.decode::<M>(file).map_err(|e| e.to_string())?;
        crate::regression::verify(&typed, file)
    }

    fn trace(&self, log: &Log, file: &str, options: &TraceOptions) -> Result<String, LogError> {
        let typed = log.decode::<M>(file)?;
        Ok(trace(&typed, file, options))
    }

    fn shrink(&self, log: &Log, file: &str) -> Result<(Log, ShrinkReport), LogError> {
        let typed = log.decode::<M>(file)?;
        let shrunk = shrink::<M>(
            &typed.config,
            typed.seed,
            typed.bugs(),
            typed.actions.clone(),
            &typed.violation,
        );
        let found_by = format!("rewind shrink {file} (from: {})", typed.found_by);
        let smaller = TypedLog::<M> {
            found_by,
            actions: shrunk.actions,
            violation: shrunk.violation,
            ..typed
        };
        Ok((Log::new(&smaller), shrunk.report))
    }

    fn hunt(&self, bug: &Bug, seed: u64, max_runs: u64, steps: usize) -> Hunt {
        hunt::<M>(bug, seed, max_runs, steps)
    }

    fn import(
        &self,
        bytes: &[u8],
        artifact: &str,
        bug: Option<&str>,
    ) -> Result<Option<(Log, ShrinkReport)>, String> {
        let bug = bug.map(find_bug::<M>).transpose()?;
        let bugs = bug.map_or(Bugs::NONE, |bug| Bugs::NONE.with(bug.id));
        let played = crate::fuzz::play_bytes::<M>(bytes, bugs);
        let seed = played.engine.seed();
        let Some(failure) = played.failure() else {
            return Ok(None);
        };
        let config = M::Config::default();
        let shrunk = shrink::<M>(&config, seed, bugs, failure.actions, &failure.violation);
        let planted = bug.map_or_else(String::new, |bug| {
            format!("{}={} ", crate::fuzz::BUG_VARIABLE, bug.name)
        });
        let typed = TypedLog::<M> {
            seed,
            config,
            bug,
            found_by: format!(
                "{planted}cargo +nightly fuzz run {}: artifact {artifact}",
                M::NAME
            ),
            actions: shrunk.actions,
            violation: shrunk.violation,
        };
        Ok(Some((Log::new(&typed), shrunk.report)))
    }

    fn bugs_breaking(&self, bytes: &[u8]) -> Vec<&'static str> {
        M::BUGS
            .iter()
            .filter(|bug| {
                let bugs = Bugs::NONE.with(bug.id);
                crate::fuzz::play_bytes::<M>(bytes, bugs)
                    .violation
                    .is_some()
            })
            .map(|bug| bug.name)
            .collect()
    }
}
