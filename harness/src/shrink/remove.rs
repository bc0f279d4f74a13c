//! Removal passes: blocks of neighbouring steps, and pairs of steps apart.

use rewind_engine::{Draw, Model, Step};

use super::Shrinker;

/// Blocks up to this size are tried at every offset; larger ones only at multiples of their
/// size, which keeps the first passes over a long run cheap.
const EVERY_OFFSET_UP_TO: usize = 16;

/// Pairs of steps apart are tried only on cases this short: the pass is quadratic.
const PAIRS_UP_TO: usize = 24;

/// The steps and draws of the case without steps `start..end`.
fn without<M: Model>(
    shrinker: &Shrinker<'_, M>,
    start: usize,
    end: usize,
) -> (Vec<Step<M::Action>>, Vec<Vec<Draw>>) {
    let mut steps = Vec::with_capacity(shrinker.len());
    steps.extend_from_slice(&shrinker.steps[..start]);
    steps.extend_from_slice(&shrinker.steps[end..]);
    let mut draws = Vec::with_capacity(shrinker.len());
    draws.extend_from_slice(&shrinker.draws[..start]);
    draws.extend_from_slice(&shrinker.draws[end..]);
    (steps, draws)
}

/// Tries the case without steps `start..end`. A step often draws for what comes after it
/// (the action that ends a poker hand deals the next), so when the plain removal loses the
/// failure and a step of the block drew, it also tries the step before the block taking
/// over the block's last draws: the hand after the block keeps its cards.
fn try_without<M: Model>(shrinker: &mut Shrinker<'_, M>, start: usize, end: usize) -> bool {
    let (steps, mut draws) = without(shrinker, start, end);
    if shrinker.accept_retargeting(steps.clone(), &draws) {
        return true;
    }
    let Some(carried) = shrinker.draws[start..end]
        .iter()
        .rev()
        .find(|drew| !drew.is_empty())
    else {
        return false;
    };
    if start == 0 || shrinker.draws[start - 1] == *carried {
        return false;
    }
    draws[start - 1].clone_from(carried);
    shrinker.accept(steps, &draws)
}

/// Removes blocks of halving size wherever the failure survives without them; returns how
/// many steps it removed.
pub(super) fn blocks<M: Model>(shrinker: &mut Shrinker<'_, M>) -> usize {
    let before = shrinker.len();
    let mut size = (shrinker.len() / 2).max(1);
    loop {
        let stride = if size <= EVERY_OFFSET_UP_TO { 1 } else { size };
        let mut start = 0;
        while start < shrinker.len() && !shrinker.out_of_attempts() {
            let end = (start + size).min(shrinker.len());
            if !try_without(shrinker, start, end) {
                start += stride;
            }
        }
        if size == 1 || shrinker.out_of_attempts() {
            break;
        }
        size /= 2;
    }
    before - shrinker.len()
}

/// Removes two steps at once where removing either alone loses the failure (a bet and the
/// call that answers it); returns how many steps it removed.
pub(super) fn pairs<M: Model>(shrinker: &mut Shrinker<'_, M>) -> usize {
    let before = shrinker.len();
    if before > PAIRS_UP_TO {
        return 0;
    }
    let mut first = 0;
    while first + 2 < shrinker.len() && !shrinker.out_of_attempts() {
        let mut second = first + 2;
        let mut removed = false;
        while second < shrinker.len() && !shrinker.out_of_attempts() {
            let (mut steps, mut draws) = without(shrinker, second, second + 1);
            steps.remove(first);
            draws.remove(first);
            if shrinker.accept_retargeting(steps, &draws) {
                removed = true;
                break;
            }
            second += 1;
        }
        if !removed {
            first += 1;
        }
    }
    before - shrinker.len()
}
