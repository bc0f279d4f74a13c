//! [`DomainEntry`] for every [`Model`]: the typed work behind each command.

use std::marker::PhantomData;

use rewind_engine::{Bug, Bugs, Log, LogError, Model, TypedLog};

use super::config::{find_bug, parse_config, rerun_command};
use super::{DomainEntry, DomainInfo, SimOutcome};
use crate::hunt::{Hunt, hunt};
use crate::shrink::{ShrinkReport, shrink, shrink_failure};
use crate::sim::{SimPlan, simulate};
use crate::summary::{FailureReport, Summary};
use crate::trace::{TraceOptions, trace};

/// At most this many distinct failures are shrunk and reported per simulation.
const FAILURES_REPORTED: usize = 3;

/// The entry of `M`; [`super::domain`] hands out a `&'static` one.
pub struct Entry<M>(PhantomData<fn() -> M>);

impl<M> Entry<M> {
    /// The entry (it holds nothing).
    pub const NEW: Entry<M> = Entry(PhantomData);
}

impl<M: Model> DomainEntry for Entry<M> {
    fn name(&self) -> &'static str {
        M::NAME
    }

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
            coverage: crate::world::coverage_labels::<M>(),
            eventually: M::eventually()
                .iter()
                .map(|invariant| invariant.name)
                .collect(),
            faults: crate::world::faults_named::<M>(true),
        }
    }

    fn simulate(
        &self,
        plan: &SimPlan,
        bug: Option<&str>,
        config: Option<&str>,
        program: &str,
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
            let found = failure.violation.clone();
            let shrunk = shrink_failure::<M>(&config, seed, bugs, failure);
            let reproduce = rerun_command::<M>(program, plan, run, bug, &config);
            let typed = TypedLog::<M> {
                seed,
                config: config.clone(),
                bug,
                found_by: reproduce.clone(),
                steps: shrunk.steps,
                draws: shrunk.draws,
                violation: shrunk.violation,
            };
            logs.push(Log::new(&typed));
            failures.push(FailureReport {
                run,
                seed,
                violation: found,
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
            eventually: M::eventually().len(),
            faults: crate::world::faults_named::<M>(plan.faults),
            history_every: plan.history_every,
            coverage: crate::world::coverage_labels::<M>()
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

    fn verify(&self, log: &Log, file: &str, program: &str) -> Result<(), String> {
        let typed = log.decode::<M>(file).map_err(|e| e.to_string())?;
        crate::regression::verify(&typed, file, program)
    }

    fn check_determinism(&self) -> Result<(), String> {
        crate::regression::deterministic::<M>()
    }

    fn trace(&self, log: &Log, file: &str, options: &TraceOptions) -> Result<String, LogError> {
        let typed = log.decode::<M>(file)?;
        Ok(trace(&typed, file, options))
    }

    fn view(&self, log: &Log, file: &str, program: &str) -> Result<String, LogError> {
        let typed = log.decode::<M>(file)?;
        Ok(crate::view::view(&typed, file, program))
    }

    fn shrink(
        &self,
        log: &Log,
        file: &str,
        program: &str,
    ) -> Result<(Log, ShrinkReport), LogError> {
        let typed = log.decode::<M>(file)?;
        let shrunk = shrink::<M>(
            &typed.config,
            typed.seed,
            typed.bugs(),
            typed.steps.clone(),
            typed.draws.clone(),
            &typed.violation,
        );
        let found_by = format!("{program} shrink {file} (from: {})", typed.found_by);
        let smaller = TypedLog::<M> {
            found_by,
            steps: shrunk.steps,
            draws: shrunk.draws,
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
        let shrunk = shrink_failure::<M>(&config, seed, bugs, failure);
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
            steps: shrunk.steps,
            draws: shrunk.draws,
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

    fn graph(&self) -> Option<String> {
        M::graph()
    }
}
