//! `sim --report FILE`: the simulation as one self-contained HTML page, the picture a person
//! would rather look at than a wall of numbers: each domain's figures, a coverage chart that
//! marks the labels never reached, and each failure with its shrink passes, its rerun command
//! and a link to its `view` page.

use std::fmt::Write as _;

use crate::summary::{Stored, Summary, count, group};
use crate::view::page::escape_html as escape;

/// One domain's part of a report.
pub struct ReportedDomain {
    /// The domain's simulation summary.
    pub summary: Summary,
    /// How long the simulation took.
    pub seconds: f64,
    /// Worker threads it ran on.
    pub jobs: usize,
    /// For each failure of the summary, in order, the link to its view page, if written.
    pub views: Vec<Option<String>>,
}

const STYLE: &str = "
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 70em; color: #1d2733; }
h1 { font-size: 1.3em; } h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #d8dee6; }
code, pre { font: 12.5px ui-monospace, monospace; background: #f3f5f8; padding: 0 .25em; }
pre { padding: .5em; white-space: pre-wrap; }
table.figures td { padding: .1em 1.2em .1em 0; } table.figures td:nth-child(2) { text-align: right; }
.chart { display: grid; grid-template-columns: 20em 1fr 7em; gap: .2em .6em; align-items: center; }
.bar { background: #4a7bd0; height: .9em; min-width: 1px; }
.never { color: #b3261e; font-weight: 600; }
.ok { color: #1e7b34; font-weight: 600; } .failed { color: #b3261e; font-weight: 600; }
.known { color: #8a5a00; font-weight: 600; }
.failure { border-left: 4px solid #b3261e; padding: .2em .8em; margin: 1em 0; background: #fdf3f2; }
";

/// The report page of a simulation run by `command`.
pub fn render(command: &str, domains: &[ReportedDomain]) -> String {
    let mut out = String::new();
    let failed = domains
        .iter()
        .filter(|d| !d.summary.failures.is_empty())
        .count();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>rewind sim report</title><style>{STYLE}</style></head><body>\n\
         <h1>rewind sim report</h1>\n<p><code>{}</code></p>\n<p>{} domain{}: ",
        escape(command),
        domains.len(),
        if domains.len() == 1 { "" } else { "s" },
    );
    if failed == 0 {
        out.push_str("<span class=\"ok\">no violation</span></p>\n");
    } else {
        let _ = writeln!(
            out,
            "<span class=\"failed\">{failed} with a violation</span></p>"
        );
    }
    for domain in domains {
        domain_section(&mut out, domain);
    }
    out.push_str("</body></html>\n");
    out
}

fn domain_section(out: &mut String, domain: &ReportedDomain) {
    let summary = &domain.summary;
    let bug = summary
        .bug
        .as_deref()
        .map(|bug| format!(" with bug <code>{}</code> planted", escape(bug)))
        .unwrap_or_default();
    let _ = writeln!(out, "<h2 id=\"{0}\">{0}{bug}</h2>", escape(&summary.domain));
    let per_second = summary.dispatches as f64 / domain.seconds.max(1e-9);
    let rows = [
        ("runs", group(summary.runs)),
        ("dispatches", group(summary.dispatches)),
        ("rejected", group(summary.rejected)),
        ("events", group(summary.events)),
        (
            "invariants checked after every dispatch",
            summary.invariants.to_string(),
        ),
        ("time", format!("{:.2} s", domain.seconds)),
        (
            "dispatches/s per core",
            group((per_second / domain.jobs.max(1) as f64) as u64),
        ),
    ];
    out.push_str("<table class=\"figures\">");
    for (name, value) in rows {
        let _ = write!(out, "<tr><td>{name}</td><td>{value}</td></tr>");
    }
    out.push_str("</table>\n");
    coverage_chart(out, &summary.coverage);
    if summary.failures.is_empty() {
        out.push_str("<p class=\"ok\">no violation</p>\n");
    }
    for (index, failure) in summary.failures.iter().enumerate() {
        let v = &failure.violation;
        let (label, class) = match (failure.runs, failure.is_known()) {
            (_, true) => ("KNOWN", "known"),
            (Some(_), false) => ("FAILED", "failed"),
            (None, false) => ("also", "failed"),
        };
        let runs = failure
            .runs
            .map_or_else(String::new, |runs| format!(" in {}", count(runs, "run")));
        let _ = writeln!(
            out,
            "<div class=\"failure\"><p><span class=\"{class}\">{label}</span> <code>{}</code>{runs}: \
             run {} (seed {}) broke it at step {}: {}</p>",
            escape(&v.invariant),
            group(failure.run),
            failure.seed,
            v.step,
            escape(&v.message),
        );
        if let Some(shrunk) = &failure.shrunk {
            let _ = write!(
                out,
                "<p>shrunk {} → {}</p><pre>{}</pre>",
                shrunk.from,
                count(shrunk.to as u64, "step"),
                escape(&shrunk.passes.join("\n")),
            );
        }
        let _ = write!(
            out,
            "<p>rerun <code>{}</code></p>",
            escape(&failure.reproduce)
        );
        if let Some(stored) = &failure.stored {
            let state = match stored {
                Stored::New(_) => "stored".to_string(),
                Stored::Already { .. } => "stored already, not fixed yet:".to_string(),
                Stored::Known { reason, .. } => format!("a known defect ({}):", escape(reason)),
            };
            let _ = write!(out, "<p>{state} <code>{}</code>", escape(stored.file()));
            if let Some(Some(link)) = domain.views.get(index) {
                let _ = write!(out, " · <a href=\"{}\">step through it</a>", escape(link));
            }
            out.push_str("</p>");
        }
        out.push_str("</div>\n");
    }
}

/// One bar per coverage label, on a log scale so rare labels still show; a label never
/// reached has no bar and says so.
fn coverage_chart(out: &mut String, coverage: &[(String, u64)]) {
    if coverage.is_empty() {
        return;
    }
    let most = coverage.iter().map(|(_, hits)| *hits).max().unwrap_or(0);
    let scale = ((most + 1) as f64).ln().max(f64::MIN_POSITIVE);
    out.push_str("<h3>coverage</h3><div class=\"chart\">\n");
    for (label, hits) in coverage {
        if *hits == 0 {
            let _ = writeln!(
                out,
                "<span class=\"never\">{}</span><span class=\"never\">never reached</span><span>0</span>",
                escape(label)
            );
            continue;
        }
        let width = 100.0 * ((*hits + 1) as f64).ln() / scale;
        let _ = writeln!(
            out,
            "<span>{}</span><span><span class=\"bar\" style=\"display:block;width:{width:.1}%\"></span></span><span>{}</span>",
            escape(label),
            group(*hits)
        );
    }
    out.push_str("</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(coverage: Vec<(String, u64)>) -> Summary {
        Summary {
            domain: "tally".into(),
            bug: None,
            planned_runs: 10,
            runs: 10,
            dispatches: 1_000,
            rejected: 5,
            events: 995,
            invariants: 1,
            eventually: 0,
            faults: None,
            clients: None,
            history_every: 8,
            skipped: Vec::new(),
            coverage,
            failed_runs: 0,
            failures: Vec::new(),
        }
    }

    #[test]
    fn marks_labels_never_reached_and_escapes_what_it_shows() {
        let page = render(
            "rewind sim <all>",
            &[ReportedDomain {
                summary: summary(vec![("opened".into(), 40), ("<closed>".into(), 0)]),
                seconds: 0.5,
                jobs: 2,
                views: Vec::new(),
            }],
        );
        assert!(page.contains("rewind sim &lt;all&gt;"), "{page}");
        assert!(
            page.contains("<span class=\"never\">&lt;closed&gt;</span><span class=\"never\">never reached</span>"),
            "{page}"
        );
        assert!(
            page.contains("width:100.0%"),
            "the most hit label fills the chart"
        );
        assert!(page.contains("no violation"));
        assert!(!page.contains("<closed>"));
    }
}
