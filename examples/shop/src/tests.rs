//! The bot plays the order under `rewind::Engine`, every invariant checked after every
//! dispatch: the correct rules break none and reach every coverage label, and each planted
//! bug alone is caught by the invariant meant for it.

use rewind::{Bugs, Coverage, Domain, Engine, Model, RandomChoices, run_seed};

use super::{BUGS, Order, OrderAction, OrderEvent, OrderState, REMOVE_KEEPS_LINE_TOTAL};

const RUNS: u64 = 200;
const STEPS: usize = 100;

/// What `RUNS` bot games of `STEPS` steps did.
struct Played {
    /// The first invariant broken, with its message.
    broken: Option<(&'static str, String)>,
    coverage: Coverage,
    accepted: u64,
    refused: u64,
}

fn play(bugs: Bugs) -> Played {
    let mut played = Played {
        broken: None,
        coverage: Coverage::new(Order::COVERAGE.len()),
        accepted: 0,
        refused: 0,
    };
    for run in 0..RUNS {
        let seed = run_seed(11, run);
        let mut engine = Engine::<Order>::new((), seed, bugs);
        let mut choices = RandomChoices::new(seed);
        for _ in 0..STEPS {
            let action = Order::next_action(engine.state(), &mut choices);
            let before = engine.state().clone();
            match engine.dispatch(action) {
                Ok(range) => {
                    played.accepted += 1;
                    for event in &engine.events()[range] {
                        Order::cover(engine.state(), event, &mut played.coverage);
                    }
                }
                Err(_) => {
                    played.refused += 1;
                    assert_eq!(&before, engine.state(), "a refusal changed the order");
                }
            }
            for invariant in Order::invariants() {
                if let Err(message) = (invariant.check)(engine.state(), &()) {
                    played.broken = Some((invariant.name, message));
                    return played;
                }
            }
        }
        let rebuilt = Engine::<Order>::replay_events(&(), bugs, engine.events());
        assert_eq!(
            &rebuilt,
            engine.state(),
            "replaying the events rebuilds the order"
        );
        assert_eq!(
            engine.redispatch().events(),
            engine.events(),
            "re-dispatching the actions gives the same events"
        );
    }
    played
}

#[test]
fn the_correct_rules_break_nothing_and_reach_every_label() {
    let played = play(Bugs::NONE);
    assert_eq!(played.broken, None);
    for (label, hits) in Order::COVERAGE.iter().zip(played.coverage.counts()) {
        assert!(*hits > 0, "the bot never reached {label}");
    }
    assert!(
        played.accepted > 0 && played.refused > 0,
        "{} accepted, {} refused: the bot must do both",
        played.accepted,
        played.refused
    );
}

#[test]
fn each_planted_bug_is_caught_by_its_invariant() {
    let expected = ["total_equals_sum_of_lines", "shipped_only_after_paid"];
    assert_eq!(BUGS.len(), expected.len());
    for (index, (bug, invariant)) in BUGS.iter().zip(expected).enumerate() {
        assert_eq!(bug.id.0 as usize, index, "BUGS[i].id is BugId(i)");
        let played = play(Bugs::NONE.with(bug.id));
        let caught = played.broken.as_ref().map(|(name, _)| *name);
        assert_eq!(caught, Some(invariant), "bug {}", bug.name);
    }
}

#[test]
fn every_invariant_holds_on_a_fresh_order() {
    let fresh = Order::initial(&(), Bugs::NONE);
    for invariant in Order::invariants() {
        assert_eq!((invariant.check)(&fresh, &()), Ok(()), "{}", invariant.name);
    }
}

#[test]
fn apply_is_total_on_events_decide_never_emits() {
    let mut state = OrderState::new(Bugs::NONE);
    let odd = [
        OrderEvent::ItemRemoved {
            sku: 5,
            quantity: 3,
        },
        OrderEvent::ItemAdded {
            sku: 5,
            quantity: 2,
            unit_price: 300,
        },
        // A second price for the same line: the line's own price stands.
        OrderEvent::ItemAdded {
            sku: 5,
            quantity: 1,
            unit_price: 9_999,
        },
        OrderEvent::ItemRemoved {
            sku: 5,
            quantity: u32::MAX,
        },
        OrderEvent::ItemAdded {
            sku: u32::MAX,
            quantity: u32::MAX,
            unit_price: u64::MAX,
        },
    ];
    for event in &odd[..4] {
        Order::apply(&mut state, event);
        assert_eq!(state.total, state.sum_of_lines(), "after {event:?}");
    }
    assert!(state.lines.is_empty());
    Order::apply(&mut state, &odd[4]);
    assert_eq!(state.total, u64::MAX, "saturates rather than panics");
}

#[test]
fn the_planted_apply_bug_only_forgets_whole_lines() {
    let bugs = Bugs::NONE.with(REMOVE_KEEPS_LINE_TOTAL);
    let mut state = OrderState::new(bugs);
    let added = OrderEvent::ItemAdded {
        sku: 2,
        quantity: 3,
        unit_price: 100,
    };
    Order::apply(&mut state, &added);
    Order::apply(
        &mut state,
        &OrderEvent::ItemRemoved {
            sku: 2,
            quantity: 1,
        },
    );
    assert_eq!(state.total, 200, "a partial removal still subtracts");
    Order::apply(
        &mut state,
        &OrderEvent::ItemRemoved {
            sku: 2,
            quantity: 2,
        },
    );
    assert_eq!((state.total, state.lines.len()), (200, 0));
}

#[test]
fn shrinking_offers_simpler_actions_and_never_the_same_one() {
    let add = OrderAction::AddItem {
        sku: 7,
        quantity: 3,
        unit_price: 12_900,
    };
    let simpler = add.simpler();
    assert_eq!(
        simpler.first(),
        Some(&OrderAction::AddItem {
            sku: 1,
            quantity: 3,
            unit_price: 12_900
        })
    );
    assert!(!simpler.contains(&add));
    let simplest = OrderAction::AddItem {
        sku: 1,
        quantity: 1,
        unit_price: 1,
    };
    assert!(simplest.simpler().is_empty());
    assert!(OrderAction::Ship.simpler().is_empty());
}
