//! Simplifying passes: simpler single actions, one action for two neighbours, simpler draws.
//! A delivered message is left as it is: a simpler one would not be the message that was
//! sent. A command a concurrent client begins is simplified as an action is.

use rewind_engine::{Draw, Model, Step};

use super::Shrinker;

/// How many times in a row one action is simplified before the pass moves on (an amount
/// halved, then taken down by one, converges within a round instead of one step a round).
const SIMPLER_IN_A_ROW: usize = 16;

/// Replaces single actions by the simpler variants [`Model::shrink_action`] offers wherever
/// the failure survives, each action again while that works; returns how many it replaced.
pub(super) fn actions<M: Model>(shrinker: &mut Shrinker<'_, M>) -> usize {
    let mut simplified = 0;
    let mut index = 0;
    while index < shrinker.len() && !shrinker.out_of_attempts() {
        for _ in 0..SIMPLER_IN_A_ROW {
            let mut replaced = false;
            let step = shrinker.steps[index].clone();
            let (Step::Act(action) | Step::Begin { action, .. }) = &step else {
                break;
            };
            for variant in M::shrink_action(action) {
                let mut steps = shrinker.steps.clone();
                steps[index] = step.with_action(variant);
                let draws = shrinker.draws.clone();
                if shrinker.accept(steps, &draws) {
                    simplified += 1;
                    replaced = true;
                    break;
                }
            }
            if !replaced || index >= shrinker.len() {
                break;
            }
        }
        index += 1;
    }
    simplified
}

/// Replaces two neighbouring actions by one of [`Model::merge_actions`] wherever the failure
/// survives (the merged step keeps the draws of the second), and a client's begin followed at
/// once by its commit by the plain action (which draws what the two drew, in order: nothing
/// came between them, so it is the same step). Returns how many pairs it merged.
pub(super) fn merges<M: Model>(shrinker: &mut Shrinker<'_, M>) -> usize {
    let mut merged = 0;
    let mut index = 0;
    while index + 1 < shrinker.len() && !shrinker.out_of_attempts() {
        let variants: Vec<(M::Action, Vec<Draw>)> =
            match (&shrinker.steps[index], &shrinker.steps[index + 1]) {
                (Step::Act(first), Step::Act(second)) => M::merge_actions(first, second)
                    .into_iter()
                    .map(|variant| (variant, shrinker.draws[index + 1].clone()))
                    .collect(),
                (Step::Begin { client, action }, Step::Commit(committer))
                    if client == committer =>
                {
                    let mut drew = shrinker.draws[index].clone();
                    drew.extend_from_slice(&shrinker.draws[index + 1]);
                    vec![(action.clone(), drew)]
                }
                _ => Vec::new(),
            };
        let mut replaced = false;
        for (variant, drew) in variants {
            let mut steps = shrinker.steps.clone();
            steps[index] = Step::Act(variant);
            steps.remove(index + 1);
            let mut draws = shrinker.draws.clone();
            draws[index + 1] = drew;
            draws.remove(index);
            if shrinker.accept(steps, &draws) {
                merged += 1;
                replaced = true;
                break;
            }
        }
        if !replaced {
            index += 1;
        }
    }
    merged
}

/// Replaces each draw by its simplest form ([`rewind_engine::Draw::simplest`]: zero, an
/// unshuffled deck) wherever the failure survives; returns how many it replaced.
pub(super) fn draws<M: Model>(shrinker: &mut Shrinker<'_, M>) -> usize {
    let mut simplified = 0;
    let mut step = 0;
    while step < shrinker.len() && !shrinker.out_of_attempts() {
        let mut index = 0;
        while index < shrinker.draws[step].len() && !shrinker.out_of_attempts() {
            if let Some(simpler) = shrinker.draws[step][index].simplest() {
                let mut draws = shrinker.draws.clone();
                draws[step][index] = simpler;
                let steps = shrinker.steps.clone();
                if shrinker.accept(steps, &draws) {
                    simplified += 1;
                }
            }
            index += 1;
            if step >= shrinker.len() {
                break;
            }
        }
        step += 1;
    }
    simplified
}
