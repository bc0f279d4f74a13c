//! The end-of-simulation summary. Everything in it is deterministic: the same command gives
//! the same summary on any machine and any `--jobs`. Timing is printed apart from it.

use std::fmt::Write as _;

use rewind_engine::Violation;

/// One failure found, shrunk and (once written) stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailureReport {
    /// The run's index in the plan.
    pub run: u64,
    /// The run's seed.
    pub seed: u64,
    /// What broke in the run, before shrinking.
    pub violation: Violation,
    /// Steps before shrinking.
    pub shrunk_from: usize,
    /// Steps after.
    pub shrunk_to: usize,
    /// What each shrink pass did.
    pub passes: Vec<String>,
    /// The command that plays just this run again.
    pub reproduce: String,
    /// The corpus file holding the shrunk log, once written.
    pub file: Option<String>,
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
    /// Runs between deep history checks (see `SimPlan::history_every`).
    pub history_every: u64,
    /// Each coverage label with its hits.
    pub coverage: Vec<(String, u64)>,
    /// The failures shrunk and reported: the first of each invariant, at most three.
    pub failures: Vec<FailureReport>,
    /// Failing runs besides the ones reported (later runs of the played batches).
    pub more_failing_runs: u64,
}

impl Summary {
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
            format!(" (stopped at the first failing batch; {skipped} not played)")
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
        let _ = writeln!(
            out,
            "  checked     {} invariants after every dispatch; event replay after every run; \
             re-dispatch and projection rebuild {deep}",
            self.invariants
        );
        if let Some(faults) = &self.faults {
            let _ = writeln!(
                out,
                "  faults      {faults}; {} invariants once the bus has drained",
                self.eventually
            );
        }
        if !self.coverage.is_empty() {
            let _ = writeln!(out, "  coverage");
            for (label, hits) in &self.coverage {
                let flag = if *hits == 0 { "  <- never reached" } else { "" };
                let _ = writeln!(out, "    {label:<36}{:>14}{flag}", group(*hits));
            }
        }
        if self.failures.is_empty() {
            let _ = writeln!(out, "  result      no violation");
        }
        for failure in &self.failures {
            let v = &failure.violation;
            let _ = writeln!(
                out,
                "  FAILED      run {} (seed {}): `{}` broke at step {}: {}",
                failure.run, failure.seed, v.invariant, v.step, v.message
            );
            let _ = writeln!(
                out,
                "    shrunk    {} → {} steps",
                failure.shrunk_from, failure.shrunk_to
            );
            for pass in &failure.passes {
                let _ = writeln!(out, "      {pass}");
            }
            let _ = writeln!(out, "    rerun     {}", failure.reproduce);
            if let Some(file) = &failure.file {
                let _ = writeln!(out, "    stored    {file}");
                let _ = writeln!(out, "    replay    {program} replay {file}");
            }
        }
        if self.more_failing_runs > 0 {
            let _ = writeln!(
                out,
                "  and {} more failing runs, not shrunk",
                self.more_failing_runs
            );
        }
        out
    }
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
    fn groups_thousands() {
        assert_eq!(super::group(0), "0");
        assert_eq!(super::group(999), "999");
        assert_eq!(super::group(1_000), "1,000");
        assert_eq!(super::group(12_345_678), "12,345,678");
    }
}
