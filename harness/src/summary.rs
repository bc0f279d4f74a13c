//! The end-of-simulation summary. Everything in it is deterministic: the same command gives
//! the same summary on any machine and any `--jobs`. Timing is printed apart from it.

use std::fmt::Write as _;

use rewind_engine::Violation;

/// Where the shrunk log of a failure went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    /// Written now.
    New(String),
    /// A log meaning the same, or of the same kind, was stored already, not marked known:
    /// the defect is not fixed.
    Already {
        /// The stored log.
        file: String,
        /// Whether it means the same; false when it is of the same kind, with other values.
        same: bool,
    },
    /// A log meaning the same, or of the same kind, is stored and marked as a known defect.
    Known {
        /// The stored log.
        file: String,
        /// Why the defect is known and not fixed, as its mark says.
        reason: String,
        /// Whether it means the same; false when it is of the same kind, with other values.
        same: bool,
    },
}

impl Stored {
    /// The log's file.
    pub fn file(&self) -> &str {
        match self {
            Stored::New(file) | Stored::Already { file, .. } | Stored::Known { file, .. } => file,
        }
    }

    /// Whether the log is marked as a known defect.
    pub fn is_known(&self) -> bool {
        matches!(self, Stored::Known { .. })
    }
}

/// How a failing run was shrunk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shrinking {
    /// Steps before shrinking.
    pub from: usize,
    /// Steps after.
    pub to: usize,
    /// What each shrink pass did.
    pub passes: Vec<String>,
}

/// One failing run reported: the first run that broke a check, or a second one whose shrunk
/// log differs in kind (other kinds of steps).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailureReport {
    /// How many runs broke this check; `None` for a second sample of a check reported above.
    pub runs: Option<u64>,
    /// The run's index in the plan.
    pub run: u64,
    /// The run's seed.
    pub seed: u64,
    /// What the run found, as the run found it.
    pub violation: Violation,
    /// `None` when it was not shrunk (past the bound of failures shrunk per simulation).
    pub shrunk: Option<Shrinking>,
    /// The command that plays just this run again.
    pub reproduce: String,
    /// Where its shrunk log is, once stored.
    pub stored: Option<Stored>,
}

impl FailureReport {
    /// Whether this failure is a known defect (its log is stored and marked known).
    pub fn is_known(&self) -> bool {
        self.stored.as_ref().is_some_and(Stored::is_known)
    }
}

/// What one domain's simulation found, as `rewind sim` prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// [`rewind_engine::Domain::NAME`].
    pub domain: String,
    /// The planted bug's name, if one was planted.
    pub bug: Option<String>,
    /// Runs in the plan.
    pub planned_runs: u64,
    /// Runs played (fewer than planned when a failing batch stopped the simulation).
    pub runs: u64,
    /// Steps taken (see [`crate::run::RunCounts::dispatches`]).
    pub dispatches: u64,
    /// Steps refused.
    pub rejected: u64,
    /// Events appended.
    pub events: u64,
    /// How many invariants were checked after every step.
    pub invariants: usize,
    /// Invariants checked once the bus has drained, at the end of each run.
    pub eventually: usize,
    /// The faults injected, for a domain with an outbox (see `world::faults_named`).
    pub faults: Option<String>,
    /// The concurrent clients, for a domain that declares them (see `world::clients_named`).
    pub clients: Option<String>,
    /// Runs between deep history checks (see `SimPlan::history_every`).
    pub history_every: u64,
    /// Checks set aside (`--skip`).
    pub skipped: Vec<String>,
    /// Each coverage label with its hits.
    pub coverage: Vec<(String, u64)>,
    /// Runs that broke something.
    pub failed_runs: u64,
    /// Each failing run reported: the first of each check that broke, and a second where
    /// its last failing run shrinks to another kind of log.
    pub failures: Vec<FailureReport>,
}

impl Summary {
    /// The failures that are not known defects: what makes a simulation fail.
    pub fn new_failures(&self) -> usize {
        self.failures
            .iter()
            .filter(|failure| failure.runs.is_some() && !failure.is_known())
            .count()
    }

    /// The summary as text; `program` starts the `replay` command of each stored failure.
    pub fn render(&self, program: &str) -> String {
        let mut out = String::new();
        let bug = self
            .bug
            .as_deref()
            .map(|bug| format!(" with bug `{bug}` planted"))
            .unwrap_or_default();
        let _ = writeln!(out, "{}{bug}", self.domain);
        let skipped = self.planned_runs - self.runs;
        let stopped = if skipped > 0 {
            format!(
                " (stopped at the first failing batch; {} not played)",
                group(skipped)
            )
        } else {
            String::new()
        };
        let _ = writeln!(out, "  runs        {:>14}{stopped}", group(self.runs));
        let _ = writeln!(out, "  dispatches  {:>14}", group(self.dispatches));
        let share = if self.dispatches == 0 {
            0.0
        } else {
            100.0 * self.rejected as f64 / self.dispatches as f64
        };
        let _ = writeln!(
            out,
            "  rejected    {:>14}  ({share:.1}%)",
            group(self.rejected)
        );
        let _ = writeln!(out, "  events      {:>14}", group(self.events));
        let deep = match self.history_every {
            1 => "every run".to_string(),
            n => format!("every {n} runs"),
        };
        let json = count(self.history_every * crate::sim::JSON_EVERY_DEEP, "run");
        let _ = writeln!(
            out,
            "  checked     {} after every dispatch; event replay after every run; \
             re-dispatch and projection rebuild {deep}; a JSON round trip every {json}",
            count(self.invariants as u64, "invariant")
        );
        if let Some(faults) = &self.faults {
            let _ = writeln!(
                out,
                "  faults      {faults}; {} once the bus has drained",
                count(self.eventually as u64, "invariant")
            );
        }
        if let Some(clients) = &self.clients {
            let _ = writeln!(out, "  clients     {clients}");
        }
        if !self.skipped.is_empty() {
            let _ = writeln!(out, "  set aside   {}", self.skipped.join(", "));
        }
        if !self.coverage.is_empty() {
            let _ = writeln!(out, "  coverage");
            for (label, hits) in &self.coverage {
                let flag = if *hits == 0 { "  <- never reached" } else { "" };
                let _ = writeln!(out, "    {label:<36}{:>14}{flag}", group(*hits));
            }
        }
        let _ = writeln!(out, "  result      {}", self.result());
        for failure in &self.failures {
            self.render_failure(&mut out, failure, program);
        }
        out
    }

    /// One line on what broke: nothing, or how many checks in how many runs, new and known.
    fn result(&self) -> String {
        let checks = self.failures.iter().filter(|f| f.runs.is_some()).count() as u64;
        if checks == 0 {
            return "no violation".into();
        }
        let known = checks - self.new_failures() as u64;
        let split = match (self.new_failures(), known) {
            (_, 0) => String::new(),
            (0, _) => ": all known defects".into(),
            (new, known) => format!(": {new} new, {known} known"),
        };
        format!(
            "{} broke in {} of {}{split}",
            count(checks, "check"),
            group(self.failed_runs),
            count(self.runs, "run")
        )
    }

    fn render_failure(&self, out: &mut String, failure: &FailureReport, program: &str) {
        let v = &failure.violation;
        let (label, which) = match failure.runs {
            Some(runs) => (
                if failure.is_known() {
                    "KNOWN"
                } else {
                    "FAILED"
                },
                format!(
                    "`{}` in {}; first run {} (seed {}) broke it at step {}",
                    v.invariant,
                    count(runs, "run"),
                    group(failure.run),
                    failure.seed,
                    v.step
                ),
            ),
            None => (
                "  and",
                format!(
                    "`{}` otherwise: run {} (seed {}) broke it at step {}",
                    v.invariant,
                    group(failure.run),
                    failure.seed,
                    v.step
                ),
            ),
        };
        let _ = writeln!(out, "  {label:<11} {which}: {}", v.message);
        match &failure.shrunk {
            Some(shrunk) => {
                let _ = writeln!(
                    out,
                    "    shrunk    {} → {}",
                    shrunk.from,
                    count(shrunk.to as u64, "step")
                );
                for pass in &shrunk.passes {
                    let _ = writeln!(out, "      {pass}");
                }
            }
            None => {
                let _ = writeln!(
                    out,
                    "    shrunk    not: past the bound of {MAX_SHRUNK} failures shrunk per simulation"
                );
            }
        }
        let _ = writeln!(out, "    rerun     {}", failure.reproduce);
        let Some(stored) = &failure.stored else {
            return;
        };
        let file = stored.file();
        let like = |same: bool| match same {
            true => format!("already, as {file}"),
            false => format!("like {file} (a log of its kind, other values)"),
        };
        let _ = match stored {
            Stored::New(_) => writeln!(out, "    stored    {file}"),
            Stored::Already { same, .. } if self.bug.is_some() => {
                writeln!(out, "    stored    {}", like(*same))
            }
            Stored::Already { same, .. } => {
                writeln!(out, "    stored    {}: not fixed yet", like(*same))
            }
            Stored::Known {
                reason, same: true, ..
            } => writeln!(out, "    known     {file}: {reason}"),
            Stored::Known {
                reason,
                same: false,
                ..
            } => writeln!(out, "    known     {}: {reason}", like(false)),
        };
        let _ = writeln!(out, "    replay    {program} replay {file}");
        if failure.is_known()
            && let Some(runs) = failure.runs
        {
            let _ = writeln!(
                out,
                "    skip      `--skip {}` sets it aside, so the {} it stopped go on",
                v.invariant,
                count(runs, "run")
            );
        }
    }
}

/// The most failing runs a simulation shrinks: two per check at most, the first ones first.
pub const MAX_SHRUNK: usize = 32;

/// "1 run", "2 runs", "1,000 runs": a count with thousands separators and its noun, which
/// agree (see [`crate::text::noun_for`]).
pub fn count(n: u64, noun: &str) -> String {
    format!("{} {}", group(n), crate::text::noun_for(n, noun))
}

/// 1234567 → "1,234,567".
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(super::count(1, "step"), "1 step");
        assert_eq!(super::count(0, "step"), "0 steps");
        assert_eq!(super::count(12_345, "run"), "12,345 runs");
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(super::group(0), "0");
        assert_eq!(super::group(999), "999");
        assert_eq!(super::group(1_000), "1,000");
        assert_eq!(super::group(12_345_678), "12,345,678");
    }
}
