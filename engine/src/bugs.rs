//! Planted bugs: known mistakes a domain can switch on so the harness can prove it finds them.

/// The index of a planted bug in its domain's [`crate::Model::BUGS`] list.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BugId(pub u8);

/// One planted bug a domain carries: a stable name for the command line and the corpus, and
/// what goes wrong when it is on.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Bug {
    /// Its index in [`crate::Model::BUGS`]: `BUGS[i].id == BugId(i)`.
    pub id: BugId,
    /// What `--bug`, `REWIND_BUG` and a log's `bug` call it (`ship_before_payment`).
    pub name: &'static str,
    /// What goes wrong with it planted, in a sentence, for `rewind domains`.
    pub effect: &'static str,
}

/// The set of planted bugs switched on for one run: a bit per [`BugId`], so asking costs one
/// `and` on the hot path. A domain carries at most 64 bugs.
///
/// ```
/// # use rewind_engine as rewind;
/// use rewind::{BugId, Bugs};
///
/// const SHIP_BEFORE_PAYMENT: BugId = BugId(1);
/// let planted = Bugs::NONE.with(SHIP_BEFORE_PAYMENT);
/// assert!(planted.has(SHIP_BEFORE_PAYMENT));
/// assert!(!planted.has(BugId(0)) && Bugs::NONE.is_empty());
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Bugs(u64);

impl Bugs {
    /// No bug planted: the correct rules.
    pub const NONE: Bugs = Bugs(0);

    /// This set with `bug` switched on as well.
    #[must_use]
    pub const fn with(self, bug: BugId) -> Bugs {
        assert!(bug.0 < 64, "a domain carries at most 64 planted bugs");
        Bugs(self.0 | 1 << bug.0)
    }

    /// Whether `bug` is switched on.
    #[inline]
    pub const fn has(self, bug: BugId) -> bool {
        bug.0 < 64 && self.0 & (1 << bug.0) != 0
    }

    /// Whether no bug is planted.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Looks a bug up by name in a domain's list.
    pub fn find(list: &'static [Bug], name: &str) -> Option<&'static Bug> {
        list.iter().find(|bug| bug.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bugs_switch_on_one_at_a_time() {
        let set = Bugs::NONE.with(BugId(3));
        assert!(set.has(BugId(3)));
        assert!(!set.has(BugId(2)));
        assert!(!Bugs::NONE.has(BugId(3)));
        assert!(!set.has(BugId(200)), "out-of-range ids are never planted");
    }
}
