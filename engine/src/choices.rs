//! `Choices`: the one source of randomness a bot sees, with three drivers behind it.
//!
//! The same bot runs under a ChaCha8 stream (simulation), libFuzzer bytes (fuzzing, in the
//! harness) and a replayed vector of numbers (proptest, whose shrinking of the vector then
//! simplifies the action sequence). Drivers return 0 when asked for a choice they cannot
//! make, so the first option a bot lists should be its simplest.

use crate::SeededRng;

/// Where a bot's decisions come from. A driver implements [`Choices::below`]; the helpers
/// [`chance`](#method.chance), [`pick`](#method.pick), [`weighted`](#method.weighted) and
/// [`between`](#method.between) are built on it for `dyn Choices`, which is what
/// [`Model::next_action`](crate::Model::next_action) receives.
///
/// ```
/// # use rewind_engine as rewind;
/// use rewind::{Choices, RandomChoices};
///
/// let mut driver = RandomChoices::new(42);
/// let choices: &mut dyn Choices = &mut driver;
/// assert!(choices.below(6) < 6);
/// let _rare = choices.chance(1, 20); // true about one time in 20
/// let seat = *choices.pick(&[2, 5, 7]);
/// assert!([2, 5, 7].contains(&seat));
/// assert!(choices.weighted(&[3, 0, 1]) != 1); // never a zero weight
/// assert!((10..=20).contains(&choices.between(10, 20)));
///
/// // A finite driver that has run out answers 0: the first, simplest option.
/// let mut empty = rewind::ReplayedChoices::new(&[]);
/// let choices: &mut dyn Choices = &mut empty;
/// assert_eq!(choices.below(6), 0);
/// assert!(!choices.chance(1, 20));
/// assert!(choices.exhausted());
/// ```
pub trait Choices {
    /// A number in `0..n`; 0 when `n` is 0 or 1.
    fn below(&mut self, n: u32) -> u32;

    /// True once a finite driver (fuzz bytes, a replayed vector) has run out: the run ends.
    fn exhausted(&self) -> bool {
        false
    }
}

impl dyn Choices + '_ {
    /// True with probability `numerator / denominator`. A draw of 0 (what an exhausted or
    /// shrunk driver gives) is `false`, so the rare branch is never the "simplest" one.
    #[inline]
    pub fn chance(&mut self, numerator: u32, denominator: u32) -> bool {
        denominator > 0 && self.below(denominator) >= denominator.saturating_sub(numerator)
    }

    /// One element of a non-empty slice.
    ///
    /// # Panics
    /// When `items` is empty: that is a bug in the bot, and the harness reports it.
    #[inline]
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        assert!(!items.is_empty(), "Choices::pick from an empty slice");
        &items[self.below(items.len() as u32) as usize]
    }

    /// An index drawn in proportion to `weights`; 0 when every weight is 0.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        if total == 0 {
            return 0;
        }
        let total = u32::try_from(total).unwrap_or(u32::MAX);
        let mut roll = self.below(total);
        for (index, &weight) in weights.iter().enumerate() {
            if roll < weight {
                return index;
            }
            roll -= weight;
        }
        weights.len() - 1
    }

    /// A number in `low..=high` (`low` when `high <= low`).
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        if high <= low {
            return low;
        }
        let span = high - low;
        let offset = match u32::try_from(span) {
            Ok(span) if span < u32::MAX => u64::from(self.below(span + 1)),
            _ => {
                // Four 16-bit draws reach every 64-bit value (`below(u32::MAX)` cannot give
                // u32::MAX); multiply-and-shift maps them onto 0..=span in order.
                let bits = (0..4).fold(0u64, |bits, _| bits << 16 | u64::from(self.below(1 << 16)));
                ((u128::from(bits) * (u128::from(span) + 1)) >> 64) as u64
            }
        };
        low + offset
    }
}

/// The simulation driver: a ChaCha8 stream.
#[derive(Clone, Debug)]
pub struct RandomChoices(SeededRng);

/// The ChaCha8 stream of a run's seed that the bot draws from (`Env` uses another).
const BOT_STREAM: u64 = 0;

impl RandomChoices {
    /// The bot's stream of the run seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        RandomChoices(SeededRng::new(seed, BOT_STREAM))
    }
}

impl Choices for RandomChoices {
    #[inline]
    fn below(&mut self, n: u32) -> u32 {
        self.0.below(n)
    }
}

/// The proptest driver: replays a vector of numbers, each taken modulo the bound asked for.
/// Shrinking the vector (fewer, smaller numbers) shrinks the bot's choices towards its first,
/// simplest options.
#[derive(Clone, Debug)]
pub struct ReplayedChoices<'a> {
    values: &'a [u32],
    position: usize,
}

impl<'a> ReplayedChoices<'a> {
    /// A driver that answers `values` in order, then 0 (and is then exhausted).
    pub fn new(values: &'a [u32]) -> Self {
        ReplayedChoices {
            values,
            position: 0,
        }
    }
}

impl Choices for ReplayedChoices<'_> {
    fn below(&mut self, n: u32) -> u32 {
        let value = self.values.get(self.position).copied().unwrap_or(0);
        self.position += 1;
        if n <= 1 { 0 } else { value % n }
    }

    fn exhausted(&self) -> bool {
        self.position >= self.values.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighted_never_picks_a_zero_weight() {
        let mut driver = RandomChoices::new(3);
        let choices: &mut dyn Choices = &mut driver;
        for _ in 0..1000 {
            assert_ne!(choices.weighted(&[5, 0, 5]), 1);
        }
        assert_eq!(choices.weighted(&[0, 0]), 0);
    }

    #[test]
    fn between_is_inclusive_and_handles_wide_spans() {
        let mut driver = RandomChoices::new(4);
        let choices: &mut dyn Choices = &mut driver;
        let mut seen_high = false;
        for _ in 0..1000 {
            let v = choices.between(3, 5);
            assert!((3..=5).contains(&v));
            seen_high |= v == 5;
            let wide = choices.between(1, u64::MAX);
            assert!(wide >= 1);
        }
        assert!(seen_high);
        assert_eq!(choices.between(9, 2), 9);
    }

    #[test]
    fn an_exhausted_driver_never_takes_the_rare_branch() {
        let mut replayed = ReplayedChoices::new(&[]);
        let choices: &mut dyn Choices = &mut replayed;
        assert!(!choices.chance(1, 20));
        assert!(!choices.chance(19, 20));
        assert!(choices.chance(20, 20), "certainty stays certain");
        let mut driver = RandomChoices::new(8);
        let choices: &mut dyn Choices = &mut driver;
        let hits = (0..10_000).filter(|_| choices.chance(1, 4)).count();
        assert!((2_200..2_800).contains(&hits), "{hits} of 10000 for 1/4");
    }

    #[test]
    fn replayed_choices_wrap_and_run_out() {
        let values = [7, 2];
        let mut replayed = ReplayedChoices::new(&values);
        assert_eq!(replayed.below(5), 2);
        assert!(!replayed.exhausted());
        assert_eq!(replayed.below(5), 2);
        assert!(replayed.exhausted());
        assert_eq!(
            replayed.below(5),
            0,
            "an exhausted driver picks the simplest option"
        );
    }
}
