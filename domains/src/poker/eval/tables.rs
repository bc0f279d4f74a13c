//! The evaluator's tables, built once (deterministically) on first use.
//!
//! Non-flush hands: the rank-count key (3 bits per rank) of every 5-, 6- and 7-card rank
//! multiset (73,775 keys) goes through a perfect hash ("hash and displace"): a multiply, a
//! bucket's displacement, one table read. Flush hands: a 8192-entry table by rank mask.

use std::sync::OnceLock;

use super::score::{all_values, for_each_counts, score_counts, score_flush};

const BUCKET_BITS: u32 = 14;
const SLOT_BITS: u32 = 17;
const SLOT_MASK: u32 = (1 << SLOT_BITS) - 1;

pub(super) struct Tables {
    multiplier: u64,
    displacement: Box<[u32]>,
    slots: Box<[u16]>,
    pub(super) flush: Box<[u16]>,
}

impl Tables {
    /// The strength of a non-flush hand by its rank-count key.
    #[inline]
    pub(super) fn lookup(&self, key: u64) -> u16 {
        let hash = key.wrapping_mul(self.multiplier);
        let bucket = (hash >> (64 - BUCKET_BITS)) as usize;
        let slot = (((hash >> 20) as u32) ^ self.displacement[bucket]) & SLOT_MASK;
        self.slots[slot as usize]
    }
}

static TABLES: OnceLock<Tables> = OnceLock::new();

#[inline]
pub(super) fn get() -> &'static Tables {
    TABLES.get_or_init(build)
}

fn key_of(counts: &[u8; 13]) -> u64 {
    counts
        .iter()
        .enumerate()
        .map(|(r, &n)| u64::from(n) << (3 * r))
        .sum()
}

fn build() -> Tables {
    let values = all_values();
    let strength_of = |score: u32| -> u16 {
        let index = values
            .binary_search(&score)
            .expect("every score is a five-card value");
        (index + 1) as u16
    };
    let mut entries: Vec<(u64, u16)> = Vec::with_capacity(80_000);
    for cards in 5..=7 {
        for_each_counts(cards, &mut |counts| {
            entries.push((key_of(counts), strength_of(score_counts(counts))));
        });
    }
    let mut flush = vec![0u16; 1 << 13].into_boxed_slice();
    for mask in 0u16..1 << 13 {
        if mask.count_ones() >= 5 {
            flush[usize::from(mask)] = strength_of(score_flush(mask));
        }
    }
    // Fixed candidate multipliers, tried in order: the build is the same on every machine.
    let mut multiplier = 0x9E37_79B9_7F4A_7C15u64;
    loop {
        if let Some((displacement, slots)) = place(&entries, multiplier) {
            return Tables {
                multiplier,
                displacement,
                slots,
                flush,
            };
        }
        multiplier = rewind::splitmix64(multiplier) | 1;
    }
}

/// Hash-and-displace: buckets biggest first, each gets the first displacement that puts all
/// its keys in free slots. `None` when two keys of one bucket share a base slot.
/// A placement: each bucket's displacement, and the strength in each slot.
type Placement = (Box<[u32]>, Box<[u16]>);

fn place(entries: &[(u64, u16)], multiplier: u64) -> Option<Placement> {
    let mut buckets: Vec<Vec<(u32, u16)>> = vec![Vec::new(); 1 << BUCKET_BITS];
    for &(key, strength) in entries {
        let hash = key.wrapping_mul(multiplier);
        let bucket = (hash >> (64 - BUCKET_BITS)) as usize;
        let base = ((hash >> 20) as u32) & SLOT_MASK;
        if buckets[bucket].iter().any(|&(b, _)| b == base) {
            return None;
        }
        buckets[bucket].push((base, strength));
    }
    let mut order: Vec<usize> = (0..buckets.len()).collect();
    order.sort_by_key(|&b| (std::cmp::Reverse(buckets[b].len()), b));
    let mut used = vec![false; 1 << SLOT_BITS];
    let mut slots = vec![0u16; 1 << SLOT_BITS].into_boxed_slice();
    let mut displacement = vec![0u32; 1 << BUCKET_BITS].into_boxed_slice();
    for bucket in order {
        let keys = &buckets[bucket];
        if keys.is_empty() {
            break;
        }
        let d =
            (0..=SLOT_MASK).find(|&d| keys.iter().all(|&(base, _)| !used[(base ^ d) as usize]))?;
        for &(base, strength) in keys {
            used[(base ^ d) as usize] = true;
            slots[(base ^ d) as usize] = strength;
        }
        displacement[bucket] = d;
    }
    Some((displacement, slots))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_7462_values_in_the_category_sizes_of_the_literature() {
        let values = all_values();
        assert_eq!(values.len(), 7462);
        let mut per_category = [0u16; 9];
        for v in &values {
            per_category[(v >> 20) as usize] += 1;
        }
        assert_eq!(per_category, [1277, 2860, 858, 858, 10, 1277, 156, 156, 10]);
    }

    #[test]
    fn every_key_hashes_to_its_own_slot() {
        let tables = get();
        let values = all_values();
        let mut count = 0;
        for cards in 5..=7 {
            for_each_counts(cards, &mut |counts| {
                count += 1;
                let expected = values.binary_search(&score_counts(counts)).unwrap() + 1;
                assert_eq!(
                    usize::from(tables.lookup(key_of(counts))),
                    expected,
                    "{counts:?}"
                );
            });
        }
        assert_eq!(count, 6175 + 18_395 + 49_205);
    }
}
