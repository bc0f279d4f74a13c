//! A one-off measurement (not a test): evaluator evaluations/s, and table hands/s and
//! dispatches/s with the bot, the ledger projection and every invariant after every dispatch
//! (no end-of-run history replay; the harness's `rewind sim` adds that).
//!
//! `cargo run --release -p rewind-domains --example poker_throughput [runs] [steps]`
//! (set `POKER_TABLE_ONLY=1` to skip the evaluator part)

use std::hint::black_box;
use std::time::Instant;

use rewind::{Bugs, Engine, Model, Projection, RandomChoices, SeededRng};
use rewind_domains::poker::eval::{self, Hand};
use rewind_domains::poker::{HandLedger, Poker, PokerEvent, TableConfig};

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<u64>().expect("a number"));
    let runs = args.next().unwrap_or(20_000);
    let steps = args.next().unwrap_or(100) as usize;
    if std::env::var_os("POKER_TABLE_ONLY").is_none() {
        evaluator();
    }
    table(runs, steps);
}

fn evaluator() {
    eval::warm_up();
    // Random hands, drawn beforehand so only evaluation is timed.
    let mut rng = SeededRng::new(7, 0);
    let hands: Vec<[u8; 7]> = (0..1 << 20)
        .map(|_| {
            let mut deck: [u8; 52] = std::array::from_fn(|i| i as u8);
            for i in 0..7 {
                let j = i + rng.below((52 - i) as u32) as usize;
                deck.swap(i, j);
            }
            std::array::from_fn(|i| deck[i])
        })
        .collect();
    let rounds = 50;
    let start = Instant::now();
    let mut sum = 0u64;
    for _ in 0..rounds {
        for hand in &hands {
            sum += u64::from(eval::evaluate7(black_box(hand)).0);
        }
    }
    let random = (rounds * hands.len()) as f64 / start.elapsed().as_secs_f64();
    // Exhaustive, incremental: every 7-card hand, one card added per inner step.
    let start = Instant::now();
    let mut count = 0u64;
    for a in 0..46u8 {
        let ha = Hand::EMPTY.with(a);
        for b in a + 1..47 {
            let hb = ha.with(b);
            for c in b + 1..48 {
                let hc = hb.with(c);
                for d in c + 1..49 {
                    let hd = hc.with(d);
                    for e in d + 1..50 {
                        let he = hd.with(e);
                        for f in e + 1..51 {
                            let hf = he.with(f);
                            for g in f + 1..52 {
                                sum += u64::from(hf.with(g).strength().0);
                                count += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    let exhaustive = count as f64 / start.elapsed().as_secs_f64();
    println!(
        "evaluator: {random:.0} random 7-card evaluations/s, {exhaustive:.0}/s enumerating all {count} (checksum {sum})"
    );
}

fn table(runs: u64, steps: usize) {
    let config = TableConfig::default();
    let (mut hands, mut dispatches) = (0u64, 0u64);
    let start = Instant::now();
    for run in 0..runs {
        let seed = rewind::run_seed(1, run);
        let mut engine = Engine::<Poker>::new(config, seed, Bugs::NONE);
        let mut ledger = HandLedger::default();
        let mut choices = RandomChoices::new(seed);
        for _ in 0..steps {
            let action = Poker::next_action(engine.state(), &mut choices);
            dispatches += 1;
            if let Ok(range) = engine.dispatch(action) {
                for event in &engine.events()[range] {
                    ledger.fold(event);
                    hands += u64::from(matches!(event, PokerEvent::HandStarted { .. }));
                }
            }
            for invariant in Poker::invariants() {
                if let Err(message) = (invariant.check)(engine.state(), &ledger) {
                    panic!("run {run}: {} broke: {message}", invariant.name);
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "table: {runs} runs x {steps} steps, one core: {hands} hands, {dispatches} dispatches in {secs:.2} s = {:.0} hands/s, {:.0} dispatches/s",
        hands as f64 / secs,
        dispatches as f64 / secs
    );
}
