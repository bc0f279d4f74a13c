//! Which invariants an event can break: the declaration that lets a step check only those.

/// A set of invariants, by their index in [`Model::invariants`](crate::Model::invariants).
/// Indices from 64 on cannot be named apart: a set holding any of them holds them all, so an
/// invariant past the 64th is checked whenever anything is.
///
/// ```
/// # use rewind_engine::Touched;
/// const POT: usize = 3;
/// let touched = Touched::of(&[0, POT]);
/// assert!(touched.contains(POT) && !touched.contains(1));
/// assert!(Touched::ALL.contains(70));
/// assert!(Touched::of(&[70]).contains(99), "past 64, one for all");
/// assert_eq!(Touched::NONE.union(touched), touched);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Touched(u64);

/// The bit that stands for every index from 63 on.
const REST: u64 = 1 << 63;

impl Touched {
    /// Every invariant.
    pub const ALL: Touched = Touched(u64::MAX);
    /// No invariant.
    pub const NONE: Touched = Touched(0);

    /// The invariants at `indices`.
    pub const fn of(indices: &[usize]) -> Touched {
        let mut bits = 0;
        let mut at = 0;
        while at < indices.len() {
            bits |= Self::bit(indices[at]);
            at += 1;
        }
        Touched(bits)
    }

    const fn bit(index: usize) -> u64 {
        if index >= 63 { REST } else { 1 << index }
    }

    /// Whether the invariant at `index` is in the set.
    #[inline]
    pub const fn contains(self, index: usize) -> bool {
        self.0 & Self::bit(index) != 0
    }

    /// The invariants in either set.
    #[inline]
    #[must_use]
    pub const fn union(self, other: Touched) -> Touched {
        Touched(self.0 | other.0)
    }

    /// Whether the set holds every invariant.
    #[inline]
    pub const fn is_all(self) -> bool {
        self.0 == u64::MAX
    }
}
