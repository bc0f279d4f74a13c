//! Each shrink pass on a small domain made to need it.

use rewind_engine::{Bugs, Choices, Domain, Draw, Env, Invariant, Model, Step, Violation};
use serde::{Deserialize, Serialize};

use super::shrink;
use crate::check::{Checks, thorough};

/// Slots that hold counts, dice that draw from the run's seed, and brackets that open and
/// close. Each invariant fails on a shape that one pass is needed to reach.
struct Desk;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum Move {
    Put { slot: u8, count: u8 },
    Grow { slot: u8 },
    Roll,
    Open,
    Close,
    Mark,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Table {
    slots: [u8; 16],
    rolls: u64,
    last_roll: Option<u64>,
    open: u32,
    closed: u32,
    puts: u32,
    marked: bool,
}

impl Domain for Desk {
    const NAME: &'static str = "desk";
    const SCHEMA: u32 = 1;
    type Config = ();
    type State = Table;
    type Action = Move;
    type Event = (Move, u64);
    type Reject = String;

    fn initial(_config: &(), _bugs: Bugs) -> Table {
        Table::default()
    }

    fn decide(
        state: &Table,
        action: &Move,
        env: &mut Env,
        out: &mut Vec<(Move, u64)>,
    ) -> Result<(), String> {
        let roll = match action {
            Move::Put { slot, .. } | Move::Grow { slot } if *slot >= 16 => {
                return Err(format!("no slot {slot}"));
            }
            // Keyed by the roll's number, as a deck is keyed by its hand.
            Move::Roll => env.fork(state.rolls).below(1000).into(),
            _ => 0,
        };
        out.push((action.clone(), roll));
        Ok(())
    }

    fn apply(state: &mut Table, (action, roll): &(Move, u64)) {
        state.marked = false;
        match *action {
            Move::Put { slot, count } => {
                state.slots[usize::from(slot)] = count;
                state.puts += 1;
            }
            Move::Grow { slot } => {
                let count = &mut state.slots[usize::from(slot)];
                *count = count.saturating_add(1);
            }
            Move::Roll => {
                state.rolls += 1;
                state.last_roll = Some(*roll);
            }
            Move::Open => state.open += 1,
            Move::Close => state.closed += 1,
            Move::Mark => state.marked = true,
        }
    }
}

impl Model for Desk {
    type Projections = ();
    const ACTION_KINDS: &'static [&'static str] = &["move"];

    fn projections(_config: &(), _bugs: Bugs) {}

    fn next_action(_state: &Table, _choices: &mut dyn Choices) -> Move {
        Move::Mark
    }

    fn action_kind(_action: &Move) -> usize {
        0
    }

    fn merge_actions(first: &Move, second: &Move) -> Vec<Move> {
        match (first, second) {
            (Move::Put { slot, count }, Move::Grow { slot: grown }) if slot == grown => {
                vec![Move::Put {
                    slot: *slot,
                    count: count.saturating_add(1),
                }]
            }
            _ => Vec::new(),
        }
    }

    fn rename_ids(action: &mut Move, rename: &mut dyn FnMut(&'static str, u64) -> u64) {
        if let Move::Put { slot, .. } | Move::Grow { slot } = action {
            rewind_engine::rename_id(slot, "slot", rename);
        }
    }

    fn invariants() -> &'static [Invariant<Self>] {
        &[
            Invariant {
                name: "no_low_roll",
                check: |state, _| match state.last_roll {
                    Some(roll) if roll < 5 => Err(format!("rolled {roll}")),
                    _ => Ok(()),
                },
            },
            Invariant {
                name: "at_most_one_full_slot",
                check: |state, _| match state.slots.iter().filter(|&&n| n >= 3).count() {
                    0 | 1 => Ok(()),
                    full => Err(format!("{full} slots hold 3 or more")),
                },
            },
            Invariant {
                name: "no_mark_when_balanced",
                check: |state, _| {
                    if state.marked && state.open == state.closed && state.puts >= 3 {
                        return Err("marked with the brackets balanced".into());
                    }
                    Ok(())
                },
            },
        ]
    }
}

/// The actions of a shrunk case (every step of a `Desk` case is an action).
fn actions_of(result: &super::Shrunk<Desk>) -> Vec<Move> {
    result
        .steps
        .iter()
        .filter_map(Step::action)
        .cloned()
        .collect()
}

/// Shrinks `actions` with `draws`, which must break `invariant`.
fn shrunk(actions: Vec<Move>, draws: Vec<Vec<Draw>>, invariant: &str) -> super::Shrunk<Desk> {
    let actions: Vec<Step<Move>> = actions.into_iter().map(Step::Act).collect();
    let checked = thorough::<Desk>(&(), 7, Bugs::NONE, &actions, &draws);
    let violation: Violation = checked.violation.expect("the case fails");
    assert_eq!(violation.invariant, invariant);
    shrink::<Desk>(
        &(),
        7,
        Bugs::NONE,
        actions,
        draws,
        &violation,
        &Checks::all(),
    )
}

#[test]
fn deleting_earlier_rolls_keeps_the_draw_of_the_failing_one() {
    let put = Move::Put { slot: 0, count: 1 };
    let actions = vec![
        put.clone(),
        Move::Roll,
        put.clone(),
        Move::Roll,
        put,
        Move::Roll,
    ];
    let high = vec![Draw::Number(500)];
    let draws = vec![
        vec![],
        high.clone(),
        vec![],
        high,
        vec![],
        vec![Draw::Number(3)],
    ];
    let result = shrunk(actions, draws, "no_low_roll");
    assert_eq!(actions_of(&result), [Move::Roll]);
    assert_eq!(result.draws, [vec![Draw::Number(0)]], "3 simplified to 0");
    assert!(
        result
            .report
            .passes
            .iter()
            .any(|p| p.contains("simplified draws"))
    );
    let passes = result.report.passes.join("\n");
    assert!(passes.contains("6 → 6 steps"), "{passes}");
    assert!(
        passes.contains("(6 → 1 step)"),
        "one step, not one steps: {passes}"
    );
}

#[test]
fn ids_are_renumbered_consistently_and_neighbours_merged() {
    let actions = vec![
        Move::Put { slot: 9, count: 2 },
        Move::Grow { slot: 9 },
        Move::Put { slot: 6, count: 3 },
    ];
    let result = shrunk(actions, Vec::new(), "at_most_one_full_slot");
    assert_eq!(
        actions_of(&result),
        [
            Move::Put { slot: 0, count: 3 },
            Move::Put { slot: 1, count: 3 }
        ]
    );
    let passes = result.report.passes.join("\n");
    assert!(passes.contains("merged pairs 1"), "{passes}");
    assert!(passes.contains("renumbered ids of 1"), "{passes}");
}

#[test]
fn two_steps_apart_are_removed_together() {
    let put = |slot| Move::Put { slot, count: 1 };
    let actions = vec![Move::Open, put(0), put(0), put(0), Move::Close, Move::Mark];
    let result = shrunk(actions, Vec::new(), "no_mark_when_balanced");
    assert_eq!(actions_of(&result), [put(0), put(0), put(0), Move::Mark]);
    assert!(
        result
            .report
            .passes
            .iter()
            .any(|p| p.contains("removed in pairs 2"))
    );
}
