//! `sim`: play, check, shrink, store, summarise.

use std::time::Instant;

use std::fs;
use std::path::Path;

use rewind_engine::Log;

use super::args::{DEFAULT_CORPUS, SimArgs, jobs};
use super::{Found, Invocation, out, outln};
use crate::DomainEntry;
use crate::corpus::{self, Written};
use crate::meaning::Meaning;
use crate::report::{self, ReportedDomain};
use crate::sim::SimPlan;
use crate::summary::{Stored, Summary, group};
use crate::text::shell_word;
use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};

pub(crate) fn run(context: &Invocation, args: &SimArgs) -> Result<Found> {
    if args.domain == "all" {
        if args.bug.is_some() {
            bail!(
                "--bug names a bug of one domain; give that domain instead of `all` (see `domains`)"
            );
        }
        if args.config.is_some() {
            bail!("--config describes one domain's config; give that domain instead of `all`");
        }
    }
    let entries = context
        .catalog
        .select(&args.domain)
        .map_err(anyhow::Error::msg)?;
    if let (Some(config), [entry]) = (&args.config, &entries[..]) {
        entry.check_config(config).map_err(anyhow::Error::msg)?;
    }
    let (first_run, end_run) = match (args.shard, args.run) {
        (Some(shard), _) => {
            let range = shard.range(args.runs);
            (range.start, range.end)
        }
        (None, Some(run)) => (run, run.checked_add(1).context("--run is too large")?),
        (None, None) => (0, args.runs),
    };
    let jobs = jobs(args.jobs);
    let plan = SimPlan {
        seed: args.seed,
        first_run,
        end_run,
        steps: args.steps as usize,
        jobs,
        swarm: args.swarm,
        history_every: args.history_every,
        faults: args.faults,
        concurrency: args.concurrency,
        fail_fast: args.fail_fast,
    };
    let mut found = Found::Nothing;
    let mut reported = Vec::new();
    for entry in entries {
        let name = entry.name();
        outln!(
            "sim {name} · seed {} · runs {first_run}..{end_run} · up to {} steps{}{} · {jobs} jobs",
            plan.seed,
            plan.steps,
            if plan.swarm { " · swarm" } else { "" },
            args.config
                .as_deref()
                .map_or_else(String::new, |config| format!(" · config {config}"))
        )?;
        let bar = ProgressBar::new(end_run - first_run).with_prefix(name);
        bar.set_style(
            ProgressStyle::with_template(
                "{prefix:>12} [{bar:40}] {human_pos}/{human_len} runs · {per_sec} · eta {eta}",
            )
            .expect("the progress template is valid")
            .progress_chars("=> "),
        );
        let started = Instant::now();
        let outcome = entry
            .simulate(
                &plan,
                args.bug.as_deref(),
                args.config.as_deref(),
                &args.skip,
                &context.program,
                &|runs| bar.inc(runs),
            )
            .map_err(anyhow::Error::msg)?;
        let seconds = started.elapsed().as_secs_f64();
        bar.finish_and_clear();
        let mut summary = outcome.summary;
        store(args, entry, &mut summary, &outcome.logs)?;
        out!("{}", summary.render(&context.program))?;
        let per_second = summary.dispatches as f64 / seconds.max(1e-9);
        outln!(
            "  time        {seconds:.2} s · {} dispatches/s · {} per core",
            group(per_second as u64),
            group((per_second / jobs as f64) as u64)
        )?;
        if summary.new_failures() > 0 {
            found = Found::Violation;
        }
        if let Some(report) = &args.report {
            let views = write_views(context, report, entry, &summary, &outcome.logs)?;
            reported.push(ReportedDomain {
                summary,
                seconds,
                jobs,
                views,
            });
        }
    }
    if let Some(report) = &args.report {
        let command = format!("{} {}", context.program, context.arguments.join(" "));
        fs::write(report, report::render(&command, &reported))
            .with_context(|| format!("writing the report {}", report.display()))?;
        outln!("report      {}", report.display())?;
    }
    Ok(found)
}

/// Stores the shrunk log of each failure in the corpus, unless a log meaning the same is
/// there already (marked known or not), and says where each is. The rerun commands get the
/// `--corpus` given, so a rerun stores where this run did.
fn store(
    args: &SimArgs,
    entry: &dyn DomainEntry,
    summary: &mut Summary,
    logs: &[Option<(Log, Meaning)>],
) -> Result<()> {
    let corpus = &args.corpus;
    if corpus != Path::new(DEFAULT_CORPUS) {
        let flag = format!(" --corpus {}", shell_word(&corpus.display().to_string()));
        for failure in &mut summary.failures {
            failure.reproduce.push_str(&flag);
        }
    }
    if logs.iter().all(Option::is_none) {
        return Ok(());
    }
    let reading = || format!("reading the corpus folder {}", corpus.display());
    let mut shelf = corpus::shelf_of(corpus, entry).with_context(reading)?;
    for (failure, found) in summary.failures.iter_mut().zip(logs) {
        let Some((log, meaning)) = found else {
            continue;
        };
        let written = shelf
            .store(log, *meaning)
            .with_context(|| format!("storing a failing log under {}", corpus.display()))?;
        let file = written.path().display().to_string();
        failure.stored = Some(match written {
            Written::New(_) => Stored::New(file),
            Written::AlreadyStored {
                known: Some(reason),
                same,
                ..
            } => Stored::Known { file, reason, same },
            Written::AlreadyStored {
                known: None, same, ..
            } => Stored::Already { file, same },
        });
    }
    Ok(())
}

/// Writes the view page of each stored failure into `<report stem>-views/` beside the report;
/// the links, relative to the report, in the order of the failures.
fn write_views(
    context: &Invocation,
    report: &Path,
    entry: &dyn DomainEntry,
    summary: &Summary,
    logs: &[Option<(Log, Meaning)>],
) -> Result<Vec<Option<String>>> {
    let stem = report.file_stem().map_or_else(
        || "report".into(),
        |stem| stem.to_string_lossy().into_owned(),
    );
    let folder_name = format!("{stem}-views");
    let folder = report
        .parent()
        .unwrap_or_else(|| Path::new(""))
        .join(&folder_name);
    let mut links = Vec::new();
    for (failure, log) in summary.failures.iter().zip(logs) {
        let (Some(stored), Some((log, _))) = (&failure.stored, log) else {
            links.push(None);
            continue;
        };
        let file = stored.file();
        // A failure like a stored log (its kind, other values) links to the log stored.
        let like = matches!(
            stored,
            Stored::Already { same: false, .. } | Stored::Known { same: false, .. }
        );
        let kept = if like {
            Some(corpus::read(Path::new(file))?)
        } else {
            None
        };
        let page = entry.view(kept.as_ref().unwrap_or(log), file, &context.program)?;
        let name = format!(
            "{}-{}.html",
            entry.name(),
            Path::new(file)
                .file_stem()
                .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned())
        );
        fs::create_dir_all(&folder)
            .with_context(|| format!("making the folder {}", folder.display()))?;
        let path = folder.join(&name);
        fs::write(&path, page).with_context(|| format!("writing {}", path.display()))?;
        links.push(Some(format!("{folder_name}/{name}")));
    }
    Ok(links)
}
