//! Same seed, same result: on any thread count, any sharding, and across releases (golden).

use rewind::harness::libtest_mimic::{Failed, Trial};
use rewind::harness::sim::SimPlan;
use rewind::harness::summary::Summary;
use rewind::{Bugs, Choices, Engine, Model, RandomChoices, domain, hash_events};
use rewind_domains::poll::Poll;

pub fn trials() -> Vec<Trial> {
    vec![
        Trial::test(
            "determinism::jobs_do_not_change_the_summary",
            jobs_do_not_change_the_summary,
        ),
        Trial::test(
            "determinism::jobs_do_not_change_a_failing_summary",
            jobs_do_not_change_a_failing_summary,
        ),
        Trial::test(
            "determinism::shards_add_up_to_the_whole_run",
            shards_add_up_to_the_whole_run,
        ),
        Trial::test(
            "determinism::golden_poll_event_log_hash",
            golden_poll_event_log_hash,
        ),
    ]
}

fn plan(jobs: usize, first_run: u64, end_run: u64) -> SimPlan {
    SimPlan {
        seed: 11,
        first_run,
        end_run,
        steps: 100,
        jobs,
        swarm: true,
        history_every: 1,
        faults: true,
        concurrency: true,
        fail_fast: false,
    }
}

fn summary(plan: &SimPlan, bug: Option<&str>) -> Result<Summary, Failed> {
    Ok(domain::<Poll>()
        .simulate(plan, bug, None, &[], "rewind", &|_| {})?
        .summary)
}

fn jobs_do_not_change_the_summary() -> Result<(), Failed> {
    let one = summary(&plan(1, 0, 3_000), None)?;
    let two = summary(&plan(2, 0, 3_000), None)?;
    let four = summary(&plan(4, 0, 3_000), None)?;
    if one != two || one != four {
        return Err(format!(
            "--jobs changed the summary:\n{}\nversus\n{}",
            one.render("rewind"),
            two.render("rewind")
        )
        .into());
    }
    if one.runs != 3_000 || one.dispatches == 0 {
        return Err(format!(
            "the simulation did not run as planned:\n{}",
            one.render("rewind")
        )
        .into());
    }
    Ok(())
}

fn jobs_do_not_change_a_failing_summary() -> Result<(), Failed> {
    let one = summary(&plan(1, 0, 5_000), Some("second_vote_counts"))?;
    let two = summary(&plan(2, 0, 5_000), Some("second_vote_counts"))?;
    if one.failures.is_empty() {
        return Err("the planted bug was not found".into());
    }
    if one != two {
        return Err(format!(
            "--jobs changed the summary:\n{}\nversus\n{}",
            one.render("rewind"),
            two.render("rewind")
        )
        .into());
    }
    Ok(())
}

fn shards_add_up_to_the_whole_run() -> Result<(), Failed> {
    let whole = summary(&plan(2, 0, 1_000), None)?;
    let first = summary(&plan(1, 0, 400), None)?;
    let second = summary(&plan(1, 400, 1_000), None)?;
    let added = (
        first.runs + second.runs,
        first.dispatches + second.dispatches,
        first.rejected + second.rejected,
    );
    if added != (whole.runs, whole.dispatches, whole.rejected) {
        return Err(format!(
            "shards add up to {added:?}, the whole run to {:?}",
            (whole.runs, whole.dispatches, whole.rejected)
        )
        .into());
    }
    Ok(())
}

/// The event log of one fixed poll run, hashed. If this changes, the rules, the bot, the
/// seeding or the serialization changed behaviour: make sure that was meant, then pin the new
/// value (and say so in the commit).
const GOLDEN_POLL_HASH: u64 = 0x0bec_61cc_badd_a556;

fn golden_poll_event_log_hash() -> Result<(), Failed> {
    let mut engine = Engine::<Poll>::new((), 2024, Bugs::NONE);
    let mut choices = RandomChoices::new(2024);
    for _ in 0..2_000 {
        let action = Poll::next_action(engine.state(), &mut choices as &mut dyn Choices);
        let _ = engine.dispatch(action);
    }
    let hash = hash_events(engine.events());
    if hash != GOLDEN_POLL_HASH {
        return Err(format!(
            "the golden poll event log hash is {hash:#018x}, pinned {GOLDEN_POLL_HASH:#018x}"
        )
        .into());
    }
    Ok(())
}
