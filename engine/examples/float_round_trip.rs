//! How many of N f64 bit patterns a log stores and reads back bit for bit: each goes into a
//! log's action as JSON, through the log's own writer and reader, and is compared by its
//! bits. Patterns that are not finite (NaN, infinities) have no JSON number: they are
//! counted apart, since the harness reports such a value as a `json_round_trip` finding.
//!
//! `cargo run --release -p rewind-engine --example float_round_trip -- 1000000`

use rewind_engine::{LOG_FORMAT, Log, Violation, splitmix64};
use serde_json::json;

fn main() {
    let patterns: u64 = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let (mut exact, mut inexact, mut not_finite) = (0u64, 0u64, 0u64);
    let mut state = 0x5eed_u64;
    let mut log = Log {
        format: LOG_FORMAT.into(),
        domain: "floats".into(),
        schema: 1,
        seed: 0,
        config: None,
        bug: None,
        known: None,
        skip: Vec::new(),
        found_by: "float_round_trip".into(),
        actions: Vec::new(),
        draws: Vec::new(),
        violation: Violation {
            invariant: "none".into(),
            step: 0,
            message: String::new(),
        },
    };
    for _ in 0..patterns {
        state = splitmix64(state);
        let amount = f64::from_bits(state);
        if !amount.is_finite() {
            not_finite += 1;
            continue;
        }
        log.actions = vec![json!({ "Tip": { "amount": amount } })];
        let read = Log::parse("floats.json", &log.to_json()).expect("a log reads back");
        let back = read.actions[0]["Tip"]["amount"].as_f64();
        match back {
            Some(back) if back.to_bits() == amount.to_bits() => exact += 1,
            _ => inexact += 1,
        }
    }
    println!(
        "{patterns} bit patterns: {exact} read back exactly, {inexact} did not, \
         {not_finite} are not finite (NaN or infinite: a json_round_trip finding)"
    );
}
