//! The randomness `decide` draws, as part of the test case.
//!
//! Every number or shuffle a domain draws through [`Env`] can be written down as a [`Draw`]
//! and handed back later, the way Hypothesis keeps its choice sequence. A log stores each
//! step's draws beside its action, so a step keeps its cards when the shrinker deletes the
//! steps before it, and the shrinker can simplify the draws themselves (a lower number, an
//! unshuffled deck). Without a script, draws come from the run's seed exactly as before.

use serde::{Deserialize, Serialize};

use crate::{Env, SeededRng};

/// One thing `decide` drew: a number, or the order a shuffle put its items in.
///
/// In a log a number is written as itself and a shuffle as the list of original positions in
/// their new order, so a poker deck reads as its cards: `[[12, 51, 3, ...], 40]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Draw {
    /// A bounded number (already reduced to its bound), or a raw `next_u64`.
    Number(u64),
    /// `order[k]` is the original position of the item a shuffle put at `k`.
    Order(Vec<u32>),
}

impl Draw {
    /// The draw that shuffles `items` into `wanted` (a permutation of them), for scripting a
    /// rigged deck in a scenario: `Draw::arranging(&deck, &rigged)`. `None` when `wanted` is
    /// not a permutation of `items`.
    pub fn arranging<T: PartialEq>(items: &[T], wanted: &[T]) -> Option<Draw> {
        if items.len() != wanted.len() {
            return None;
        }
        let mut taken = vec![false; items.len()];
        let mut order = Vec::with_capacity(items.len());
        for item in wanted {
            let position = (0..items.len()).find(|&k| !taken[k] && items[k] == *item)?;
            taken[position] = true;
            order.push(position as u32);
        }
        Some(Draw::Order(order))
    }

    /// Whether this is a shuffle of exactly `len` items: each position once.
    pub fn is_order_of(&self, len: usize) -> bool {
        let Draw::Order(order) = self else {
            return false;
        };
        if order.len() != len {
            return false;
        }
        let mut seen = vec![false; len];
        order.iter().all(|&position| {
            let slot = seen.get_mut(position as usize);
            match slot {
                Some(slot) if !*slot => {
                    *slot = true;
                    true
                }
                _ => false,
            }
        })
    }

    /// What the shrinker tries in place of this draw: zero for a number, the unshuffled
    /// order for a shuffle. `None` when it already is that.
    pub fn simplest(&self) -> Option<Draw> {
        match self {
            Draw::Number(0) => None,
            Draw::Number(_) => Some(Draw::Number(0)),
            Draw::Order(order) => {
                let identity = order.iter().enumerate().all(|(k, &p)| p as usize == k);
                (!identity).then(|| Draw::Order((0..order.len() as u32).collect()))
            }
        }
    }
}

/// A source of draws for one use: [`Env::fork`] (keyed) or [`Env::rng`] (shared stream).
/// Each draw takes the next scripted [`Draw`] of the step when there is one that fits, else
/// a fresh one from the seed, and is written down when the engine records draws.
pub struct Draws<'a> {
    env: &'a mut Env,
    /// `None` draws from the env's shared stream.
    forked: Option<SeededRng>,
}

impl<'a> Draws<'a> {
    pub(crate) fn new(env: &'a mut Env, forked: Option<SeededRng>) -> Self {
        Draws { env, forked }
    }

    /// The stream a fresh draw comes from: the value then depends on the seed.
    #[inline]
    fn rng(&mut self) -> &mut SeededRng {
        self.env.note_seed_read();
        match &mut self.forked {
            Some(rng) => rng,
            None => self.env.shared_rng(),
        }
    }

    /// A number in `0..n` (0 when `n == 0`). A scripted number at or above `n` is taken
    /// as `n - 1`, so an edited log stays in range.
    #[inline]
    pub fn below(&mut self, n: u32) -> u32 {
        self.below_u64(u64::from(n)) as u32
    }

    /// A number in `0..n` for 64-bit bounds.
    #[inline]
    pub fn below_u64(&mut self, n: u64) -> u64 {
        let value = match self.env.next_scripted() {
            Some(Draw::Number(value)) => value.min(n.saturating_sub(1)),
            _ if n <= u64::from(u32::MAX) => u64::from(self.rng().below(n as u32)),
            _ => self.rng().below_u64(n),
        };
        self.env.record(|| Draw::Number(value));
        value
    }

    /// Any `u64` (a token, an id).
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        let value = match self.env.next_scripted() {
            Some(Draw::Number(value)) => value,
            _ => self.rng().next_u64(),
        };
        self.env.record(|| Draw::Number(value));
        value
    }

    /// Any `u32`.
    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        let value = match self.env.next_scripted() {
            Some(Draw::Number(value)) => value as u32,
            _ => self.rng().next_u32(),
        };
        self.env.record(|| Draw::Number(u64::from(value)));
        value
    }

    /// Shuffles `items`: by the scripted order when it is a shuffle of exactly these items,
    /// else Fisher-Yates from the seed (the same order [`SeededRng::shuffle`] gives).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        let scripted = self.env.next_scripted();
        if let Some(draw @ Draw::Order(order)) = &scripted
            && draw.is_order_of(items.len())
        {
            arrange(items, order);
            self.env.record(|| draw.clone());
            return;
        }
        if !self.env.recording() {
            self.rng().shuffle(items);
            return;
        }
        let mut order: Vec<u32> = (0..items.len() as u32).collect();
        for i in (1..items.len()).rev() {
            let j = self.rng().below(i as u32 + 1) as usize;
            items.swap(i, j);
            order.swap(i, j);
        }
        self.env.record(|| Draw::Order(order));
    }
}

/// Puts `items` in `order` (a checked permutation) by swaps: position `k` ends up holding
/// the item that was at `order[k]`.
fn arrange<T>(items: &mut [T], order: &[u32]) {
    // `at[x]`: where original item x is now; `holds[k]`: which original item is at k.
    let mut at: Vec<usize> = (0..items.len()).collect();
    let mut holds: Vec<usize> = (0..items.len()).collect();
    for (k, &wanted) in order.iter().enumerate() {
        let from = at[wanted as usize];
        if from != k {
            items.swap(k, from);
            let displaced = holds[k];
            holds.swap(k, from);
            at[displaced] = from;
            at[wanted as usize] = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrange_puts_items_in_the_order_given() {
        let mut items = ['a', 'b', 'c', 'd', 'e'];
        arrange(&mut items, &[3, 0, 4, 1, 2]);
        assert_eq!(items, ['d', 'a', 'e', 'b', 'c']);
    }

    #[test]
    fn arranging_finds_the_order_and_refuses_what_is_not_a_permutation() {
        let deck = [10, 20, 30, 20];
        let draw = Draw::arranging(&deck, &[20, 30, 10, 20]).unwrap();
        assert_eq!(draw, Draw::Order(vec![1, 2, 0, 3]));
        assert!(draw.is_order_of(4));
        assert!(!draw.is_order_of(3));
        assert_eq!(Draw::arranging(&deck, &[20, 30, 10, 10]), None);
        assert_eq!(Draw::arranging(&deck, &[20, 30, 10]), None);
        assert!(!Draw::Order(vec![0, 0, 1]).is_order_of(3));
        assert!(!Draw::Order(vec![0, 3, 1]).is_order_of(3));
        assert!(!Draw::Number(2).is_order_of(1));
    }

    #[test]
    fn the_simplest_draw_is_zero_or_unshuffled() {
        assert_eq!(Draw::Number(7).simplest(), Some(Draw::Number(0)));
        assert_eq!(Draw::Number(0).simplest(), None);
        assert_eq!(
            Draw::Order(vec![1, 0, 2]).simplest(),
            Some(Draw::Order(vec![0, 1, 2]))
        );
        assert_eq!(Draw::Order(vec![0, 1]).simplest(), None);
    }

    #[test]
    fn scripted_draws_clamp_and_arrange_and_recorded_ones_replay() {
        let mut env = Env::new(1, crate::Bugs::NONE);
        env.begin_step(&[Draw::Number(99), Draw::Order(vec![2, 0, 1])]);
        assert_eq!(env.fork(0).below(10), 9, "a scripted 99 clamps to 0..10");
        let mut items = ['a', 'b', 'c'];
        env.rng().shuffle(&mut items);
        assert_eq!(items, ['c', 'a', 'b']);
        assert_eq!(
            env.end_step(),
            [Draw::Number(9), Draw::Order(vec![2, 0, 1])]
        );

        env.begin_step(&[]);
        let mut fresh = [1, 2, 3, 4, 5, 6, 7];
        env.fork(7).shuffle(&mut fresh);
        let value = env.rng().below_u64(1 << 40);
        let drew = env.end_step();
        env.begin_step(&drew);
        let mut again = [1, 2, 3, 4, 5, 6, 7];
        env.fork(8).shuffle(&mut again);
        assert_eq!(again, fresh);
        assert_eq!(env.rng().below_u64(1 << 40), value);
    }

    #[test]
    fn draws_serialize_as_numbers_and_lists() {
        let draws = vec![Draw::Order(vec![2, 0, 1]), Draw::Number(40)];
        let text = serde_json::to_string(&draws).unwrap();
        assert_eq!(text, "[[2,0,1],40]");
        assert_eq!(serde_json::from_str::<Vec<Draw>>(&text).unwrap(), draws);
    }
}
