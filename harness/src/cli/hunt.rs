//! `hunt`: for every planted bug, how long the harness takes to find it.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Result;
use rewind_engine::Bug;

use super::args::{HuntArgs, jobs};
use super::{Found, Invocation, outln};
use crate::DomainEntry;
use crate::hunt::{Hunt, median};
use crate::summary::group;
use crate::text::plural;

pub(crate) fn run(context: &Invocation, args: &HuntArgs) -> Result<Found> {
    let entries = context
        .catalog
        .select(&args.domain)
        .map_err(anyhow::Error::msg)?;
    if let Some(nothing) = nothing_to_hunt(&args.domain, &entries) {
        outln!("{nothing}")?;
        return Ok(Found::Nothing);
    }
    let jobs = jobs(args.jobs);
    let tasks: Vec<(&dyn DomainEntry, &'static Bug, u64)> = entries
        .iter()
        .flat_map(|entry| entry.info().bugs.iter().map(move |bug| (*entry, bug)))
        .flat_map(|(entry, bug)| (1..=args.seeds).map(move |seed| (entry, bug, seed)))
        .collect();
    outln!(
        "hunt {} · {} per bug · at most {} of {} each · {}\n",
        args.domain,
        plural(args.seeds, "seed"),
        plural(args.max_runs, "run"),
        plural(args.steps, "step"),
        plural(jobs, "job"),
    )?;
    let results: Mutex<Vec<Option<Hunt>>> = Mutex::new(vec![None; tasks.len()]);
    let next = AtomicUsize::new(0);
    let worker = || {
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(&(entry, bug, seed)) = tasks.get(index) else {
                break;
            };
            let hunt = entry.hunt(bug, seed, args.max_runs, args.steps as usize);
            results
                .lock()
                .expect("no worker panics while holding the lock")[index] = Some(hunt);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..jobs.max(1) {
            scope.spawn(worker);
        }
        worker();
    });
    let results: Vec<Hunt> = results
        .into_inner()
        .expect("workers finished")
        .into_iter()
        .flatten()
        .collect();
    outln!(
        "| domain | planted bug | caught by | found | median time | median find + shrink | median dispatches | median shrunk length |"
    )?;
    outln!("|---|---|---|---|---|---|---|---|")?;
    let mut missed = false;
    let seeds = args.seeds as usize;
    for (chunk, hunts) in tasks.chunks(seeds).zip(results.chunks(seeds)) {
        let (entry, bug, _) = chunk[0];
        let found: Vec<&Hunt> = hunts.iter().filter(|hunt| hunt.found).collect();
        missed |= found.len() < hunts.len();
        let seconds: Vec<f64> = found.iter().map(|hunt| hunt.seconds).collect();
        let with_shrink: Vec<f64> = found.iter().map(|hunt| hunt.seconds_with_shrink).collect();
        let dispatches: Vec<u64> = found.iter().map(|hunt| hunt.dispatches).collect();
        let lengths: Vec<usize> = found.iter().filter_map(|hunt| hunt.shrunk_length).collect();
        let mut caught_by: Vec<&str> = found
            .iter()
            .filter_map(|hunt| hunt.invariant.as_deref())
            .collect();
        caught_by.sort_unstable();
        caught_by.dedup();
        outln!(
            "| {} | `{}` | {} | {}/{} | {} | {} | {} | {} |",
            entry.name(),
            bug.name,
            caught_by
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(", "),
            found.len(),
            hunts.len(),
            median(&seconds).map_or("-".into(), duration),
            median(&with_shrink).map_or("-".into(), duration),
            median(&dispatches).map_or("-".into(), group),
            median(&lengths).map_or("-".into(), |n| n.to_string()),
        )?;
    }
    if let Some(note) = rows_left_out(&entries) {
        outln!("\n{note}")?;
    }
    if missed {
        outln!(
            "\nsome bugs were not found from every seed within {}",
            plural(args.max_runs, "run")
        )?;
        return Ok(Found::Violation);
    }
    Ok(Found::Nothing)
}

/// What `hunt <selected>` says when none of `entries` plants a bug: an empty table would
/// read as "found nothing", while there was nothing to look for. `None` when some do.
fn nothing_to_hunt(selected: &str, entries: &[&dyn DomainEntry]) -> Option<String> {
    if entries.is_empty() || entries.iter().any(|entry| !entry.info().bugs.is_empty()) {
        return None;
    }
    let (names, verb) = names_without_bugs(entries);
    Some(format!(
        "hunt {selected}: {names} {verb} no bugs; hunt measures how fast each planted bug is \
         found (Model::BUGS). Use sim to look for real defects."
    ))
}

/// The note under a table that has no row for some of `entries`, because they plant no bug.
fn rows_left_out(entries: &[&dyn DomainEntry]) -> Option<String> {
    if entries.iter().all(|entry| !entry.info().bugs.is_empty()) {
        return None;
    }
    let (names, verb) = names_without_bugs(entries);
    Some(format!("no rows for {names}, which {verb} no bugs"))
}

/// The names of the entries that plant no bug (`a, b and c`), and the verb that agrees.
fn names_without_bugs(entries: &[&dyn DomainEntry]) -> (String, &'static str) {
    let names: Vec<&str> = entries
        .iter()
        .filter(|entry| entry.info().bugs.is_empty())
        .map(|entry| entry.name())
        .collect();
    let listed = match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    };
    (listed, if names.len() == 1 { "plants" } else { "plant" })
}

/// Seconds in the unit that reads best: µs, ms or s.
fn duration(seconds: f64) -> String {
    if seconds < 1e-3 {
        format!("{:.0} µs", seconds * 1e6)
    } else if seconds < 1.0 {
        format!("{:.1} ms", seconds * 1e3)
    } else {
        format!("{seconds:.2} s")
    }
}

#[cfg(test)]
mod tests {
    use super::{nothing_to_hunt, rows_left_out};
    use crate::DomainEntry;
    use crate::test_domain::Tally;
    use crate::test_domain::post::Post;

    #[test]
    fn a_domain_without_planted_bugs_is_told_what_hunt_measures() {
        let tally = crate::domain::<Tally>();
        assert_eq!(
            nothing_to_hunt("tally", &[tally]).as_deref(),
            Some(
                "hunt tally: tally plants no bugs; hunt measures how fast each planted bug is \
                 found (Model::BUGS). Use sim to look for real defects."
            )
        );
        assert_eq!(
            rows_left_out(&[tally]).as_deref(),
            Some("no rows for tally, which plants no bugs")
        );
    }

    #[test]
    fn a_table_names_the_domains_it_has_no_rows_for() {
        let (tally, planted) = (crate::domain::<Tally>(), crate::domain::<Post>());
        let all: [&dyn DomainEntry; 2] = [tally, planted];
        assert_eq!(nothing_to_hunt("all", &all), None);
        assert_eq!(rows_left_out(&[planted]), None);
        assert_eq!(
            rows_left_out(&all).as_deref(),
            Some("no rows for tally, which plants no bugs")
        );
    }
}
