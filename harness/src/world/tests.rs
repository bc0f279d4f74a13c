//! The world on a small domain built for it: the post office of `test_domain::post`.

use rewind_engine::{Bugs, Coverage, Engine, Model, RandomChoices, Step};

use super::{
    FAULT_LABELS, MAX_DELIVERIES, MAX_RESTARTS, RESTART_REBUILDS_STATE, World, coverage_labels,
};
use crate::check::{Checks, StepView, thorough, thorough_observed};
use crate::run::{RunCounts, RunSpec, play};
use crate::shrink::shrink;
use crate::test_domain::post::{Act, COUNTS_REPEATS, LOSES_STAMPS, Post, REFUSES_LETTERS};

fn write() -> Step<Act> {
    Step::Act(Act::Write)
}

fn handle(letter: u32) -> Act {
    Act::Handle { letter }
}

/// What each step of a thorough replay was refused for, in order.
fn refusals(steps: &[Step<Act>], bugs: Bugs) -> Vec<Option<String>> {
    let mut seen = Vec::new();
    let checks = Checks::all();
    thorough_observed::<Post>(&(), 1, bugs, steps, &[], &checks, &mut |view: StepView<
        '_,
        Post,
    >| {
        if !view.drained {
            seen.push(view.refusal);
        }
    });
    seen
}

#[test]
fn the_bus_delivers_only_what_was_sent_and_redelivers_only_what_it_delivered() {
    let steps = [
        Step::Deliver(handle(0)),
        Step::Redeliver(handle(0)),
        write(),
        Step::Deliver(handle(0)),
        Step::Redeliver(handle(0)),
    ];
    let refused = refusals(&steps, Bugs::NONE);
    assert!(
        refused[0].as_deref().unwrap().contains("not in the outbox"),
        "{refused:?}"
    );
    assert!(
        refused[1].as_deref().unwrap().contains("never delivered"),
        "{refused:?}"
    );
    assert_eq!(refused[2..], [None, None, None]);
}

#[test]
fn a_message_is_delivered_at_most_max_deliveries_times() {
    let mut steps = vec![write(), Step::Deliver(handle(0))];
    steps.extend((0..MAX_DELIVERIES).map(|_| Step::Redeliver(handle(0))));
    let refused = refusals(&steps, Bugs::NONE);
    let given_up = refused.iter().flatten().collect::<Vec<_>>();
    assert_eq!(given_up.len(), 1, "{refused:?}");
    assert!(given_up[0].contains("gives up"), "{refused:?}");
}

#[test]
fn a_restart_finds_an_event_that_loses_a_field_in_storage() {
    let steps = [write(), Step::Restart];
    let clean = thorough::<Post>(&(), 1, Bugs::NONE, &steps, &[]);
    assert_eq!(clean.violation, None);
    // Step by step, the event that loses its field is found where it is emitted.
    let lossy = thorough::<Post>(&(), 1, Bugs::NONE.with(LOSES_STAMPS), &steps, &[]);
    let violation = lossy.violation.expect("the lost field is found");
    assert_eq!(violation.invariant, rewind_engine::JSON_ROUND_TRIP);
    assert_eq!(violation.step, 0);
    assert!(violation.message.contains("event 0"), "{violation:?}");
    // A fast run, which does not send each event through JSON, finds it at the restart.
    let mut engine = Engine::<Post>::new((), 1, Bugs::NONE.with(LOSES_STAMPS));
    let mut world = World::<Post>::new(true);
    let mut coverage = Coverage::new(coverage_labels::<Post>().len());
    for step in &steps[..1] {
        assert!(world.take(&mut engine, step, &[], &mut coverage).is_ok());
    }
    let Err(violation) = world.take(&mut engine, &Step::Restart, &[], &mut coverage) else {
        panic!("the restart reads the event back without its field");
    };
    assert_eq!(violation.invariant, RESTART_REBUILDS_STATE);
    assert!(
        violation.message.contains("event 0 reads back differently"),
        "{violation:?}"
    );
}

#[test]
fn a_second_restart_reads_back_the_events_written_since_the_first() {
    let mut engine = Engine::<Post>::new((), 1, Bugs::NONE.with(LOSES_STAMPS));
    let mut world = World::<Post>::new(true);
    let mut coverage = Coverage::new(coverage_labels::<Post>().len());
    for step in [Step::Restart, write()] {
        assert!(world.take(&mut engine, &step, &[], &mut coverage).is_ok());
    }
    let Err(violation) = world.take(&mut engine, &Step::Restart, &[], &mut coverage) else {
        panic!("the event written after the first restart goes through the store too");
    };
    assert!(
        violation.message.contains("event 0 reads back differently"),
        "{violation:?}"
    );
}

#[test]
fn restarts_are_bounded_per_run() {
    let steps: Vec<Step<Act>> = (0..=MAX_RESTARTS).map(|_| Step::Restart).collect();
    let refused = refusals(&steps, Bugs::NONE);
    assert_eq!(refused.iter().flatten().count(), 1, "{refused:?}");
}

#[test]
fn the_bus_drains_before_eventually_invariants_run() {
    let written = [write(), write()];
    assert_eq!(
        thorough::<Post>(&(), 1, Bugs::NONE, &written, &[]).violation,
        None
    );
    let stuck = thorough::<Post>(&(), 1, Bugs::NONE.with(REFUSES_LETTERS), &written, &[]);
    let violation = stuck
        .violation
        .expect("a refused letter stays in the outbox");
    assert_eq!(violation.invariant, "every_letter_handled");
    assert_eq!(violation.step, written.len(), "after the last step");
}

/// Plays one run of `M` of up to `steps` steps from `seed`, faults and concurrent clients on
/// or off, every check made: its steps, its coverage and what broke.
pub(super) fn play_run<M: Model<Config = ()>>(
    seed: u64,
    steps: usize,
    (faults, concurrency): (bool, bool),
    bugs: Bugs,
) -> (Vec<Step<M::Action>>, Coverage, Option<String>) {
    let spec = RunSpec::<M> {
        config: &(),
        seed,
        steps,
        bugs,
        swarm: false,
        deep: true,
        json: true,
        faults,
        concurrency,
        checks: &Checks::all(),
    };
    let mut coverage = Coverage::new(coverage_labels::<M>().len());
    let mut choices = RandomChoices::new(seed);
    let played = play(
        &spec,
        &mut choices,
        &mut RunCounts::default(),
        &mut coverage,
    );
    let broke = played.violation.as_ref().map(|v| v.invariant.clone());
    (played.steps(), coverage, broke)
}

fn played(seed: u64, faults: bool, bugs: Bugs) -> (Vec<Step<Act>>, Coverage, Option<String>) {
    play_run::<Post>(seed, 200, (faults, true), bugs)
}

#[test]
fn the_schedule_is_a_function_of_the_seed_and_every_fault_fires() {
    let mut coverage = Coverage::new(coverage_labels::<Post>().len());
    for seed in 0..64 {
        let (steps, run, broke) = played(seed, true, Bugs::NONE);
        assert_eq!(broke, None, "seed {seed}");
        assert_eq!(steps, played(seed, true, Bugs::NONE).0, "seed {seed}");
        coverage.merge(&run);
    }
    let faults = &coverage.counts()[Post::COVERAGE.len()..];
    for (label, hits) in FAULT_LABELS.iter().zip(faults) {
        assert!(*hits > 0, "{label} never fired");
    }
}

#[test]
fn without_faults_every_message_goes_at_once_in_order_and_once() {
    for seed in 0..16 {
        let (steps, coverage, _) = played(seed, false, Bugs::NONE);
        let mut next = 0;
        for step in &steps {
            match step {
                Step::Act(_) => {}
                Step::Deliver(message) => {
                    assert_eq!(*message, handle(next), "seed {seed}");
                    next += 1;
                }
                other => panic!("seed {seed}: {other:?} without faults"),
            }
        }
        assert!(
            coverage.counts()[Post::COVERAGE.len()..]
                .iter()
                .all(|&hits| hits == 0)
        );
    }
}

#[test]
fn a_bug_only_a_duplicate_reveals_shrinks_to_the_one_duplicate_it_needs() {
    let bugs = Bugs::NONE.with(COUNTS_REPEATS);
    assert_eq!(played(3, false, bugs).2, None, "no duplicate, no failure");
    let (steps, _, broke) = (0..64)
        .map(|seed| played(seed, true, bugs))
        .find(|(_, _, broke)| broke.is_some())
        .expect("a duplicate delivery reveals it");
    assert_eq!(broke.as_deref(), Some("handled_once"));
    let target = thorough::<Post>(&(), 1, bugs, &steps, &[])
        .violation
        .expect("replays");
    let shrunk = shrink::<Post>(&(), 1, bugs, steps, Vec::new(), &target, &Checks::all());
    // One letter, its delivery and the repeat: removing an earlier letter renumbers the one
    // delivered, and the shrinker points the delivery at the renumbered letter.
    let faults: Vec<&Step<Act>> = shrunk.steps.iter().filter(|s| s.is_fault()).collect();
    let Some(Step::Redeliver(letter)) = faults.last() else {
        panic!("{:?}", shrunk.steps)
    };
    assert_eq!(
        faults,
        [
            &Step::Deliver(letter.clone()),
            &Step::Redeliver(letter.clone())
        ]
    );
    assert_eq!(shrunk.steps.len(), 3, "{:?}", shrunk.steps);
}
