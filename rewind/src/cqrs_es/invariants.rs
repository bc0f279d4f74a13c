//! Invariants written over the aggregate alone, turned into rewind's [`Invariant`]s.

use super::{AggregateModel, Aggregated};
use crate::Invariant;

/// A named check that must hold of the aggregate after every command, accepted or refused.
/// It sees the aggregate only: the adapter has no projections.
pub struct AggregateInvariant<A> {
    /// How violations, `rewind domains` and corpus file names call it.
    pub name: &'static str,
    /// The check: `Err` says what is wrong, in words.
    pub check: fn(&A) -> Result<(), String>,
}

/// How many invariants one [`AggregateModel`] may list; more fails to compile.
///
/// rewind's [`Invariant`] holds a plain `fn(&State, &Projections)`, which cannot capture the
/// user's `fn(&Aggregate)`. So the adapter has one forwarding function per position
/// (`check_at::<T, 3>` calls `T::INVARIANTS[3]`), written out up to this many.
pub const MAX_INVARIANTS: usize = 32;

/// Checks `T::INVARIANTS[I]`; `()` stands for the projections the adapter does not have.
fn check_at<T: AggregateModel, const I: usize>(
    aggregate: &T::Aggregate,
    _projections: &(),
) -> Result<(), String> {
    (T::INVARIANTS[I].check)(aggregate)
}

/// The rewind invariant at position `I`: named after `T::INVARIANTS[I]`, or unnamed past the
/// end of the list (those are cut off by [`table`], never run).
const fn at<T: AggregateModel, const I: usize>() -> Invariant<Aggregated<T>> {
    let name = if I < T::INVARIANTS.len() {
        T::INVARIANTS[I].name
    } else {
        ""
    };
    Invariant {
        name,
        check: check_at::<T, I>,
    }
}

/// Writes out `[at::<T, 0>(), at::<T, 1>(), ...]` for the positions given.
macro_rules! positions {
    ($t:ty; $($i:literal)*) => {
        [$(at::<$t, $i>()),*]
    };
}

/// `T::INVARIANTS` as rewind invariants over `Aggregated<T>`, in the same order; built at
/// compile time, once for each `T`.
pub(super) fn table<T: AggregateModel>() -> &'static [Invariant<Aggregated<T>>] {
    let all: &'static [Invariant<Aggregated<T>>; MAX_INVARIANTS] = const {
        assert!(
            T::INVARIANTS.len() <= MAX_INVARIANTS,
            "an AggregateModel lists at most MAX_INVARIANTS (32) invariants"
        );
        &positions!(T; 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26
            27 28 29 30 31)
    };
    &all[..T::INVARIANTS.len()]
}
