//! Seed derivation: run `i` of a simulation with master seed `s` always gets the same seed,
//! whichever thread or shard runs it, so one run reproduces alone.

/// SplitMix64's finaliser: a bijective mix of 64 bits.
#[inline]
pub const fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The seed of run `index` under `master`.
#[inline]
pub const fn run_seed(master: u64, index: u64) -> u64 {
    splitmix64(master ^ splitmix64(index))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_seeds_differ_per_run_and_per_master() {
        assert_ne!(run_seed(1, 0), run_seed(1, 1));
        assert_ne!(run_seed(1, 0), run_seed(2, 0));
        assert_eq!(run_seed(9, 4), run_seed(9, 4));
    }
}
