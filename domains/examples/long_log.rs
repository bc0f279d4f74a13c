//! A one-off tool (not a test): a long log of the poker bot on the correct rules, to measure
//! how `rewind view` and `rewind replay` handle big logs. Nothing breaks in it, so its
//! `violation` is a placeholder at the last step.
//!
//! `cargo run --release -p rewind-domains --example long_log -- [steps] > /tmp/poker-long.json`
//! then `cargo rewind view /tmp/poker-long.json`.

use rewind::{Bugs, Choices, Engine, Log, Model, RandomChoices, TypedLog, Violation};
use rewind_domains::poker::Poker;

fn main() {
    let steps: usize = match std::env::args().nth(1).map(|text| text.parse()) {
        None => 10_000,
        Some(Ok(steps)) if steps > 0 => steps,
        Some(_) => {
            eprintln!("usage: long_log [steps ≥ 1]");
            std::process::exit(2);
        }
    };
    let seed = 2026;
    let config = Default::default();
    let mut engine = Engine::<Poker>::new(config, seed, Bugs::NONE);
    let mut choices = RandomChoices::new(seed);
    for _ in 0..steps {
        let action = Poker::next_action(engine.state(), &mut choices as &mut dyn Choices);
        let _ = engine.dispatch(action);
    }
    let typed = TypedLog::<Poker> {
        seed,
        config: Default::default(),
        bug: None,
        known: None,
        skip: Vec::new(),
        found_by: format!("cargo run --release -p rewind-domains --example long_log -- {steps}"),
        steps: engine
            .actions()
            .iter()
            .cloned()
            .map(rewind::Step::Act)
            .collect(),
        unreadable: None,
        draws: Vec::new(),
        violation: Violation {
            invariant: "none".into(),
            step: steps - 1,
            message: "a long clean run, for measuring".into(),
        },
    };
    print!("{}", Log::new(&typed).to_json());
}
