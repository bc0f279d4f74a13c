//! How often each invariant breaks: plays runs the way `sim tickets` does by default (runs
//! 0..10,000 of 100 steps from master seed 0, no swarm, history checked in full every 8th
//! run) and counts, for each check, the runs whose first violation it was. Unlike `sim`, it
//! never stops early, so the counts are rates.
//!
//! ```sh
//! cargo run --release --example rarity                                # every defect in
//! cargo run --release --example rarity --features fix-all             # none: all zeros
//! cargo run --release --example rarity --features fix-oversell-boundary,fix-group-refund-rounding,fix-payment-retry
//! cargo run --release --example rarity -- 100000 100 7                # runs, steps, seed
//! ```

use std::collections::BTreeMap;
use std::time::Instant;

use rewind::harness::run::{RunCounts, RunSpec, run_once};
use rewind::{Bugs, Coverage, Model, run_seed};
use tickets::BoxOffice;

fn main() {
    let mut arguments = std::env::args().skip(1).map(|argument| {
        argument
            .parse::<u64>()
            .unwrap_or_else(|_| panic!("{argument}: arguments are numbers (runs steps seed)"))
    });
    let runs = arguments.next().unwrap_or(10_000);
    let steps = arguments.next().unwrap_or(100) as usize;
    let seed = arguments.next().unwrap_or(0);

    let started = Instant::now();
    let mut counts = RunCounts::default();
    let mut coverage = Coverage::new(BoxOffice::COVERAGE.len());
    let mut spare = None;
    let mut broken: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for run in 0..runs {
        let spec = RunSpec::<BoxOffice> {
            config: &(),
            seed: run_seed(seed, run),
            steps,
            bugs: Bugs::NONE,
            swarm: false,
            deep: run % 8 == 0,
            faults: false,
        };
        if let Some(failure) = run_once(&spec, &mut counts, &mut coverage, &mut spare) {
            let (count, first) = broken
                .entry(failure.violation.invariant)
                .or_insert((0, run));
            *count += 1;
            *first = (*first).min(run);
        }
    }
    let seconds = started.elapsed().as_secs_f64();

    println!("tickets · seed {seed} · runs 0..{runs} · up to {steps} steps");
    println!("features: {}", features().join(", "));
    println!("| invariant | runs broken | of {runs} | first run |");
    println!("|---|---:|---:|---:|");
    for (invariant, (count, first)) in &broken {
        println!(
            "| `{invariant}` | {count} | {:.2}% | {first} |",
            100.0 * *count as f64 / runs as f64
        );
    }
    let failed: u64 = broken.values().map(|(count, _)| count).sum();
    println!(
        "| any | {failed} | {:.2}% | |",
        100.0 * failed as f64 / runs as f64
    );
    println!(
        "{} dispatches ({} refused) in {seconds:.2} s on one thread",
        counts.dispatches, counts.rejected
    );
    let labels = BoxOffice::COVERAGE.iter().zip(coverage.counts());
    for (label, hits) in labels {
        println!("  {label:<22} {hits}");
    }
}

/// The fixes this build has switched on.
fn features() -> Vec<&'static str> {
    let mut on = Vec::new();
    if cfg!(feature = "fix-refund-releases-seats") {
        on.push("fix-refund-releases-seats");
    }
    if cfg!(feature = "fix-oversell-boundary") {
        on.push("fix-oversell-boundary");
    }
    if cfg!(feature = "fix-group-refund-rounding") {
        on.push("fix-group-refund-rounding");
    }
    if cfg!(feature = "fix-payment-retry") {
        on.push("fix-payment-retry");
    }
    if on.is_empty() {
        on.push("none");
    }
    on
}
