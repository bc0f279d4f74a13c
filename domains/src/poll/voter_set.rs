//! A set of voter ids: a bitmap for the small ids real polls use, a `BTreeSet` for the rest.
//!
//! Projections insert one voter per vote, so this is on the hot path; the bitmap makes that a
//! shift and an `or`, and the `BTreeSet` keeps hostile ids (up to `u32::MAX`) exact and ordered.

use std::collections::BTreeSet;

use super::action::Voter;

const BITMAP_WORDS: usize = 16;
const BITMAP_IDS: u32 = (BITMAP_WORDS * 64) as u32;

#[derive(Clone, Default, PartialEq, Eq)]
pub struct VoterSet {
    small: [u64; BITMAP_WORDS],
    large: BTreeSet<Voter>,
    len: u64,
}

impl VoterSet {
    /// Adds `voter`; true when it was not in the set yet.
    #[inline]
    pub fn insert(&mut self, voter: Voter) -> bool {
        let added = if voter < BITMAP_IDS {
            let (word, bit) = ((voter / 64) as usize, voter % 64);
            let was = self.small[word] & (1 << bit) != 0;
            self.small[word] |= 1 << bit;
            !was
        } else {
            self.large.insert(voter)
        };
        self.len += u64::from(added);
        added
    }

    pub fn contains(&self, voter: Voter) -> bool {
        if voter < BITMAP_IDS {
            self.small[(voter / 64) as usize] & (1 << (voter % 64)) != 0
        } else {
            self.large.contains(&voter)
        }
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The voters in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = Voter> + '_ {
        let small = (0..BITMAP_IDS).filter(|&voter| self.contains(voter));
        small.chain(self.large.iter().copied())
    }
}

/// Shows the voters, not the bitmap.
impl std::fmt::Debug for VoterSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_each_voter_once_small_and_large() {
        let mut set = VoterSet::default();
        assert!(set.insert(3));
        assert!(!set.insert(3));
        assert!(set.insert(u32::MAX));
        assert!(!set.insert(u32::MAX));
        assert!(set.insert(BITMAP_IDS - 1));
        assert!(set.insert(BITMAP_IDS));
        assert_eq!(set.len(), 4);
        assert!(set.contains(3) && set.contains(u32::MAX) && !set.contains(4));
        let voters: Vec<Voter> = set.iter().collect();
        assert_eq!(voters, vec![3, BITMAP_IDS - 1, BITMAP_IDS, u32::MAX]);
    }
}
