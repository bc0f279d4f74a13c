//! A simulation on a domain with defects nobody planted: every one is reported, none masks
//! another, the same failure is one log whatever the seed, known defects are expected
//! failures, and every stored value reads back exactly.

use rewind_engine::{JSON_ROUND_TRIP, Log, Step, TypedLog, Violation};

use super::{DomainEntry, Entry, SimOutcome};
use crate::check::{replay_log, thorough};
use crate::meaning::meaning;
use crate::sim::SimPlan;
use crate::test_till::{Till, TillAction};

const TILL: Entry<Till> = Entry::NEW;
const COMMON: &str = "refunds_within_sales";
const RARE: &str = "balance_matches_the_stream";

fn plan(seed: u64, jobs: usize) -> SimPlan {
    SimPlan {
        seed,
        first_run: 0,
        end_run: 4_000,
        steps: 100,
        jobs,
        swarm: false,
        history_every: 8,
        faults: true,
        concurrency: true,
        fail_fast: false,
    }
}

fn simulate(seed: u64, jobs: usize, skip: &[&str]) -> SimOutcome {
    let skip: Vec<String> = skip.iter().map(|name| name.to_string()).collect();
    TILL.simulate(&plan(seed, jobs), None, None, &skip, "till", &|_| {})
        .expect("the plan is valid")
}

/// How many runs broke `check`, as the summary reports it.
fn runs_broken(outcome: &SimOutcome, check: &str) -> Option<u64> {
    outcome
        .summary
        .failures
        .iter()
        .find(|failure| failure.runs.is_some() && failure.violation.invariant == check)
        .and_then(|failure| failure.runs)
}

#[test]
fn every_defect_is_reported_and_the_rare_one_is_not_masked() {
    let outcome = simulate(1, 2, &[]);
    let common = runs_broken(&outcome, COMMON).expect("the common defect is reported");
    let rare = runs_broken(&outcome, RARE).expect("the rare defect is reported");
    let runs = outcome.summary.runs;
    assert_eq!(runs, 4_000, "every run is played");
    assert!(common > runs / 2, "{common} of {runs}");
    assert!(
        rare * 10 < runs,
        "the rare one breaks in under 10%: {rare} of {runs}"
    );
    assert_eq!(outcome.summary.failed_runs, common + rare);
    assert_eq!(
        outcome.summary.new_failures(),
        2,
        "{}",
        outcome.summary.render("till")
    );
    assert!(outcome.logs.iter().all(Option::is_some), "each is shrunk");
}

#[test]
fn the_same_summary_on_any_number_of_jobs() {
    let one = simulate(5, 1, &[]);
    let two = simulate(5, 2, &[]);
    assert_eq!(one.summary, two.summary);
    let meanings = |outcome: &SimOutcome| -> Vec<u64> {
        outcome
            .logs
            .iter()
            .flatten()
            .map(|(_, meaning)| meaning.hash)
            .collect()
    };
    assert_eq!(meanings(&one), meanings(&two));
}

#[test]
fn setting_a_known_defect_aside_lets_its_runs_go_on() {
    let all = simulate(1, 2, &[]);
    let skipping = simulate(1, 2, &[COMMON]);
    assert_eq!(runs_broken(&skipping, COMMON), None);
    let before = runs_broken(&all, RARE).unwrap_or(0);
    let after = runs_broken(&skipping, RARE).unwrap_or(0);
    assert!(
        after > 2 * before,
        "the runs the common defect stopped now reach the rare one: {before} → {after}"
    );
    assert_eq!(skipping.summary.skipped, vec![COMMON.to_string()]);
    let error = TILL
        .simulate(
            &plan(1, 1),
            None,
            None,
            &["nonsense".into()],
            "till",
            &|_| {},
        )
        .err()
        .unwrap_or_default();
    assert!(error.contains("`nonsense` is no check of till"), "{error}");
}

#[test]
fn one_failure_found_from_two_seeds_means_the_same() {
    let log_of = |outcome: &SimOutcome| {
        outcome
            .summary
            .failures
            .iter()
            .zip(&outcome.logs)
            .find(|(failure, _)| failure.runs.is_some() && failure.violation.invariant == COMMON)
            .and_then(|(_, log)| log.clone())
            .expect("shrunk and logged")
    };
    let (first, first_meaning) = log_of(&simulate(1, 2, &[]));
    let (second, second_meaning) = log_of(&simulate(2, 2, &[]));
    assert_ne!(first.seed, second.seed);
    assert_eq!(first.actions, second.actions);
    assert!(!first_meaning.reads_seed, "a till draws nothing");
    assert_eq!(first_meaning, second_meaning);
    assert_eq!(
        first_meaning.file_name(&first),
        second_meaning.file_name(&second)
    );
}

/// A log of `steps` of the till, recording `violation`, read back from its JSON.
fn stored(steps: Vec<Step<TillAction>>, violation: Violation, known: Option<&str>) -> Log {
    let typed = TypedLog::<Till> {
        seed: 9,
        config: (),
        bug: None,
        known: known.map(str::to_string),
        skip: Vec::new(),
        found_by: "test".into(),
        steps,
        unreadable: None,
        draws: Vec::new(),
        violation,
    };
    Log::parse("till.json", &Log::new(&typed).to_json()).expect("a stored log reads back")
}

fn refund_past_sales() -> Vec<Step<TillAction>> {
    vec![
        Step::Act(TillAction::Tip {
            cents: 2,
            amount: 0.5,
        }),
        Step::Act(TillAction::Refund { cents: 1 }),
    ]
}

#[test]
fn a_known_defect_passes_while_it_fails_and_looks_fixed_once_it_does_not() {
    let steps = refund_past_sales();
    let violation = thorough::<Till>(&(), 9, Default::default(), &steps, &[])
        .violation
        .expect("the refund passes the sales");
    assert_eq!(violation.invariant, COMMON);

    let open = stored(steps.clone(), violation.clone(), None);
    let error = TILL.verify(&open, "till.json", "till").unwrap_err();
    assert!(error.contains("not fixed"), "{error}");
    assert!(
        error.contains("till corpus mark till.json --reason"),
        "{error}"
    );
    assert!(
        !error.contains("--without-bug"),
        "no bug to leave out: {error}"
    );

    let known = stored(steps.clone(), violation.clone(), Some("issue 3"));
    assert_eq!(TILL.verify(&known, "till.json", "till"), Ok(()));

    // The day the refund no longer passes the sales (here: a sale first), it looks fixed.
    let mut fixed_steps = vec![Step::Act(TillAction::Sell { cents: 1 })];
    fixed_steps.extend(steps);
    let fixed = stored(fixed_steps, violation, Some("issue 3"));
    let error = TILL.verify(&fixed, "till.json", "till").unwrap_err();
    assert!(error.contains("looks fixed"), "{error}");
    assert!(error.contains("till corpus unmark till.json"), "{error}");
}

#[test]
fn a_value_json_cannot_carry_is_a_finding_with_a_readable_log() {
    let steps = vec![
        Step::Act(TillAction::Sell { cents: 3 }),
        Step::Act(TillAction::Tip {
            cents: 1,
            amount: f64::NAN,
        }),
    ];
    let checked = thorough::<Till>(&(), 9, Default::default(), &steps, &[]);
    let violation = checked.violation.expect("NaN is no JSON number");
    assert_eq!(violation.invariant, JSON_ROUND_TRIP);
    assert_eq!(violation.step, 1, "at the step where it appears");
    assert!(
        violation.message.contains("`Tip.amount`"),
        "{}",
        violation.message
    );

    let log = stored(steps, violation.clone(), None);
    assert_eq!(
        log.actions[1],
        serde_json::json!({"Tip": {"cents": 1, "amount": null}})
    );
    let typed = log
        .decode::<Till>("till.json")
        .expect("the log still reads");
    assert_eq!(typed.steps.len(), 1);
    let unreadable = typed.unreadable.as_ref().expect("its last step does not");
    assert!(
        unreadable.problem.contains("null"),
        "{}",
        unreadable.problem
    );
    let replayed = replay_log(&typed, Default::default(), &mut |_| {})
        .violation
        .expect("the finding replays");
    assert_eq!(
        (replayed.invariant.as_str(), replayed.step),
        (JSON_ROUND_TRIP, 1)
    );
    let error = TILL.verify(&log, "till.json", "till").unwrap_err();
    assert!(error.contains(JSON_ROUND_TRIP), "{error}");
    assert!(meaning(&log, &typed, "till.json").is_ok());
}

#[test]
fn every_finite_float_a_log_stores_reads_back_bit_for_bit() {
    // A fixed sequence of bit patterns (splitmix64), so the test is the same everywhere.
    let mut state = 0x5eed_u64;
    let mut exact = 0;
    let mut finite = 0;
    for _ in 0..20_000 {
        state = rewind_engine::splitmix64(state);
        let amount = f64::from_bits(state);
        if !amount.is_finite() {
            continue;
        }
        finite += 1;
        let step = Step::Act(TillAction::Tip { cents: 1, amount });
        let violation = Violation {
            invariant: COMMON.into(),
            step: 0,
            message: String::new(),
        };
        let log = stored(vec![step], violation, None);
        let typed = log.decode::<Till>("till.json").expect("reads");
        if let Some(Step::Act(TillAction::Tip { amount: read, .. })) = typed.steps.first()
            && read.to_bits() == amount.to_bits()
        {
            exact += 1;
        }
    }
    assert_eq!(exact, finite, "{exact} of {finite} came back exact");
}

#[test]
fn a_case_whose_value_json_cannot_carry_shrinks_to_that_finding() {
    // A run that broke the common defect with a NaN tip on the way: the fast run does not
    // send its values through JSON, its shrink does, and the log shows what broke first.
    let steps = vec![
        Step::Act(TillAction::Sell { cents: 1 }),
        Step::Act(TillAction::Tip {
            cents: 3,
            amount: f64::NAN,
        }),
        Step::Act(TillAction::Refund { cents: 4 }),
    ];
    let found = Violation {
        invariant: COMMON.into(),
        step: 2,
        message: String::new(),
    };
    let checks = crate::check::Checks::all();
    let shrunk = crate::shrink::shrink::<Till>(
        &(),
        9,
        Default::default(),
        steps,
        Vec::new(),
        &found,
        &checks,
    );
    assert_eq!(
        shrunk.violation.invariant, JSON_ROUND_TRIP,
        "{:?}",
        shrunk.report
    );
    assert_eq!(shrunk.steps.len(), 1, "{:?}", shrunk.steps);
    assert!(
        shrunk.report.passes[0].contains("`json_round_trip` broke first"),
        "{:?}",
        shrunk.report.passes
    );
}
