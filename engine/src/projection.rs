//! Projections: read models folded from the event stream, rebuildable at any time.

/// A read model: folds events, one at a time, in log order. Rebuild it from the whole stream
/// or from a prefix ("the first 100 votes") with [`project`].
///
/// ```
/// # use rewind_engine as rewind;
/// use rewind::{Projection, project};
///
/// /// How many votes each of two choices got.
/// #[derive(Default)]
/// struct Tally([u32; 2]);
///
/// impl Projection<usize> for Tally {
///     fn fold(&mut self, vote: &usize) {
///         self.0[*vote] += 1;
///     }
/// }
///
/// let votes = [0, 1, 1, 0, 1];
/// assert_eq!(project(Tally::default(), &votes).0, [2, 3]);
/// assert_eq!(project(Tally::default(), &votes[..2]).0, [1, 1]); // the first two votes
/// ```
pub trait Projection<E> {
    /// Folds one event in. Total and deterministic, like [`crate::Domain::apply`].
    fn fold(&mut self, event: &E);
}

/// No read models.
impl<E> Projection<E> for () {
    fn fold(&mut self, _event: &E) {}
}

/// Folds `events` into `projection` and returns it: pass `&events[..n]` for a prefix.
pub fn project<E, P: Projection<E>>(mut projection: P, events: &[E]) -> P {
    for event in events {
        projection.fold(event);
    }
    projection
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Sum(i64);
    impl Projection<i64> for Sum {
        fn fold(&mut self, event: &i64) {
            self.0 += event;
        }
    }

    #[test]
    fn folds_whole_stream_or_prefix() {
        let events = [1, 2, 3, 4];
        assert_eq!(project(Sum::default(), &events).0, 10);
        assert_eq!(project(Sum::default(), &events[..2]).0, 3);
    }
}
