//! The one random number generator rewind uses: ChaCha8 from a `u64` seed.
//!
//! rand_chacha's output is stable across platforms and versions of the algorithm, and every
//! derived number below (bounded draws, shuffles) is computed here rather than through a
//! library helper whose algorithm may change, so a seed means the same thing everywhere.

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};

/// A seeded ChaCha8 stream with the bounded draws rewind needs.
#[derive(Clone, Debug)]
pub struct SeededRng(ChaCha8Rng);

impl SeededRng {
    /// Stream `stream` of the generator seeded with `seed`. Different streams of one seed are
    /// independent, which keeps the bot's draws and the domain's draws apart.
    pub fn new(seed: u64, stream: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(stream);
        SeededRng(rng)
    }

    /// The next 32 bits of the stream.
    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        self.0.next_u32()
    }

    /// The next 64 bits of the stream.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A number in `0..n` by multiply-and-shift (Lemire); `n == 0` gives 0. The bias is below
    /// 2^-32 per draw for the small bounds simulations use, and the mapping never changes.
    #[inline]
    pub fn below(&mut self, n: u32) -> u32 {
        ((u64::from(self.next_u32()) * u64::from(n)) >> 32) as u32
    }

    /// A number in `0..n` for 64-bit bounds.
    #[inline]
    pub fn below_u64(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Fisher-Yates shuffle driven by [`SeededRng::below`].
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u32 + 1) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_same_numbers() {
        let a: Vec<u32> = (0..8)
            .map({
                let mut r = SeededRng::new(7, 0);
                move |_| r.below(1000)
            })
            .collect();
        let b: Vec<u32> = (0..8)
            .map({
                let mut r = SeededRng::new(7, 0);
                move |_| r.below(1000)
            })
            .collect();
        let c: Vec<u32> = (0..8)
            .map({
                let mut r = SeededRng::new(7, 1);
                move |_| r.below(1000)
            })
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c, "streams of one seed must differ");
    }

    #[test]
    fn below_stays_in_range_and_shuffle_permutes() {
        let mut r = SeededRng::new(1, 0);
        for n in [1, 2, 3, 52, 1 << 31] {
            for _ in 0..100 {
                assert!(r.below(n) < n);
            }
        }
        let mut deck: Vec<u8> = (0..52).collect();
        r.shuffle(&mut deck);
        let mut sorted = deck.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..52).collect::<Vec<u8>>());
        assert_ne!(deck, sorted);
    }
}
