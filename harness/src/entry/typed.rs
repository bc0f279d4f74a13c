//! [`DomainEntry`] for every [`Model`]: the typed work behind each command.

use std::marker::PhantomData;

use rewind_engine::{Bug, Bugs, Log, LogError, Model, TypedLog, Violation};

use super::config::{find_bug, parse_config, rerun_command};
use super::{DomainEntry, DomainInfo, SimOutcome};
use crate::check::{Checks, log_checks, replay_log};
use crate::hunt::{Hunt, hunt};
use crate::meaning::{Meaning, meaning, shape};
use crate::shrink::{ShrinkReport, shrink, shrink_failure};
use crate::sim::{Broken, SimPlan, simulate};
use crate::summary::{FailureReport, MAX_SHRUNK, Shrinking, Summary};
use crate::trace::{TraceOptions, trace};

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
            clients: crate::world::clients_named::<M>(true),
        }
    }

    fn simulate(
        &self,
        plan: &SimPlan,
        bug: Option<&str>,
        config: Option<&str>,
        skip: &[String],
        program: &str,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<SimOutcome, String> {
        let bug = bug.map(find_bug::<M>).transpose()?;
        let bugs = bug.map_or(Bugs::NONE, |bug| Bugs::NONE.with(bug.id));
        let config = parse_config::<M>(config)?;
        let checks = Checks::<M>::skipping(skip).map_err(|e| format!("--skip: {e}"))?;
        let result = simulate::<M>(&config, plan, bugs, &checks, progress);
        let mut found = Found::<M> {
            config: &config,
            bug,
            checks: &checks,
            plan,
            program,
            failures: Vec::new(),
            logs: Vec::new(),
            shrinks: 0,
        };
        for broken in result.broken {
            found.report(broken);
        }
        let counts = result.counts;
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
            clients: crate::world::clients_named::<M>(plan.concurrency),
            history_every: plan.history_every,
            skipped: checks.skipped().to_vec(),
            coverage: crate::world::coverage_labels::<M>()
                .iter()
                .map(|label| label.to_string())
                .zip(result.coverage.counts().iter().copied())
                .collect(),
            failed_runs: counts.failed,
            failures: found.failures,
        };
        Ok(SimOutcome {
            summary,
            logs: found.logs,
        })
    }

    fn meaning(&self, log: &Log, file: &str) -> Result<Meaning, LogError> {
        let typed = decode::<M>(log, file)?;
        meaning(log, &typed, file)
    }

    fn replayed_violation(&self, log: &Log, file: &str) -> Result<Option<Violation>, LogError> {
        let typed = decode::<M>(log, file)?;
        Ok(replay_log(&typed, typed.bugs(), &mut |_| {}).violation)
    }

    fn check_config(&self, config: &str) -> Result<(), String> {
        parse_config::<M>(Some(config)).map(drop)
    }

    fn verify(&self, log: &Log, file: &str, program: &str) -> Result<(), String> {
        let typed = decode::<M>(log, file).map_err(|e| e.to_string())?;
        crate::regression::verify(&typed, file, program)
    }

    fn check_determinism(&self) -> Result<(), String> {
        crate::regression::deterministic::<M>()
    }

    fn trace(&self, log: &Log, file: &str, options: &TraceOptions) -> Result<String, LogError> {
        let typed = decode::<M>(log, file)?;
        Ok(trace(&typed, file, options))
    }

    fn view(&self, log: &Log, file: &str, program: &str) -> Result<String, LogError> {
        let typed = decode::<M>(log, file)?;
        Ok(crate::view::view(&typed, file, program))
    }

    fn shrink(
        &self,
        log: &Log,
        file: &str,
        program: &str,
    ) -> Result<(Log, ShrinkReport), LogError> {
        let typed = decode::<M>(log, file)?;
        if typed.unreadable.is_some() {
            return Err(LogError {
                file: file.to_string(),
                field: Some(format!("actions[{}]", typed.steps.len())),
                problem:
                    "the step JSON could not carry is the whole finding: there is nothing to shrink"
                        .into(),
            });
        }
        let checks = log_checks(&typed, file)?;
        let shrunk = shrink::<M>(
            &typed.config,
            typed.seed,
            typed.bugs(),
            typed.steps.clone(),
            typed.draws.clone(),
            &typed.violation,
            &checks,
        );
        let found_by = format!("{program} shrink {file} (from: {})", typed.found_by);
        let smaller = TypedLog::<M> {
            found_by,
            steps: shrunk.steps,
            draws: shrunk.draws,
            skip: shrunk.skip,
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
        let shrunk = shrink_failure::<M>(&config, seed, bugs, failure, &Checks::all());
        let planted = bug.map_or_else(String::new, |bug| {
            format!("{}={} ", crate::fuzz::BUG_VARIABLE, bug.name)
        });
        let typed = TypedLog::<M> {
            seed,
            config,
            bug,
            known: None,
            skip: shrunk.skip,
            found_by: format!(
                "{planted}cargo +nightly fuzz run {}: artifact {artifact}",
                M::NAME
            ),
            steps: shrunk.steps,
            unreadable: None,
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

/// The failures of one simulation, shrunk and turned into logs as they are reported.
struct Found<'a, M: Model> {
    config: &'a M::Config,
    bug: Option<&'static Bug>,
    checks: &'a Checks<M>,
    plan: &'a SimPlan,
    program: &'a str,
    failures: Vec<FailureReport>,
    logs: Vec<Option<(Log, Meaning)>>,
    /// Failing runs shrunk so far.
    shrinks: usize,
}

impl<M: Model> Found<'_, M> {
    /// Reports the runs that broke one check: its first failing run, shrunk and made a log,
    /// and its last one too when that shrinks to a log of another kind. Past [`MAX_SHRUNK`]
    /// shrinks, the first run is reported unshrunk and the last not at all.
    fn report(&mut self, broken: Broken<M>) {
        let mut shapes: Vec<Vec<(u8, usize)>> = Vec::new();
        let runs = broken.runs;
        for (sample, failing) in [Some(broken.first), broken.last]
            .into_iter()
            .flatten()
            .enumerate()
        {
            let reproduce = rerun_command::<M>(
                self.program,
                self.plan,
                failing.run,
                self.bug,
                self.config,
                self.checks.skipped(),
            );
            let report = FailureReport {
                runs: (sample == 0).then_some(runs),
                run: failing.run,
                seed: failing.seed,
                violation: failing.failure.violation.clone(),
                shrunk: None,
                reproduce: reproduce.clone(),
                stored: None,
            };
            if self.shrinks >= MAX_SHRUNK {
                if sample == 0 {
                    self.failures.push(report);
                    self.logs.push(None);
                }
                continue;
            }
            self.shrinks += 1;
            let shrunk = shrink_failure::<M>(
                self.config,
                failing.seed,
                self.bug.map_or(Bugs::NONE, |bug| Bugs::NONE.with(bug.id)),
                failing.failure,
                self.checks,
            );
            let shape = shape::<M>(&shrunk.steps);
            if sample > 0 && shapes.contains(&shape) {
                continue;
            }
            shapes.push(shape);
            let typed = TypedLog::<M> {
                seed: failing.seed,
                config: self.config.clone(),
                bug: self.bug,
                known: None,
                skip: shrunk.skip,
                found_by: reproduce,
                steps: shrunk.steps,
                unreadable: None,
                draws: shrunk.draws,
                violation: shrunk.violation,
            };
            let log = Log::new(&typed);
            let shrinking = Shrinking {
                from: shrunk.report.from,
                to: shrunk.report.to,
                passes: shrunk.report.passes,
            };
            let Ok(meaning) = meaning(&log, &typed, &typed.found_by) else {
                if sample == 0 {
                    self.failures.push(FailureReport {
                        shrunk: Some(shrinking),
                        ..report
                    });
                    self.logs.push(None);
                }
                continue;
            };
            let same = |kept: &Option<(Log, Meaning)>| {
                kept.as_ref()
                    .is_some_and(|(_, kept)| kept.hash == meaning.hash)
            };
            if sample > 0 && self.logs.iter().any(same) {
                continue;
            }
            self.failures.push(FailureReport {
                shrunk: Some(shrinking),
                ..report
            });
            self.logs.push(Some((log, meaning)));
        }
    }
}

/// `log`, read from `file`, decoded for `M`, its checks to set aside among `M`'s.
fn decode<M: Model>(log: &Log, file: &str) -> Result<TypedLog<M>, LogError> {
    let typed = log.decode::<M>(file)?;
    log_checks(&typed, file)?;
    Ok(typed)
}
