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

    /// `pretty`, a `{:#?}` rendering, without the fields that hold a `Bugs` (`bugs: Bugs(4)`,
    /// over one line or three). A domain keeps its planted bugs in its state only so that
    /// `apply` can ask them; they are how a run was set up, never what it did, and a trace
    /// names the planted bug in its header. This is what the default [`crate::Model::describe`]
    /// shows; `{:#?}` itself (`replay --raw`) still shows every field.
    pub fn hidden_in(pretty: &str) -> String {
        let lines: Vec<&str> = pretty.lines().collect();
        let mut kept = Vec::with_capacity(lines.len());
        let mut at = 0;
        while at < lines.len() {
            match bugs_field_length(&lines[at..]) {
                0 => {
                    kept.push(lines[at]);
                    at += 1;
                }
                length => at += length,
            }
        }
        kept.join("\n")
    }
}

/// How many of the first `lines` show one `Bugs` field or element: 1 for `bugs: Bugs(4),`,
/// 3 for the pretty `bugs: Bugs(` / `4,` / `),`, and 0 when they do not start with one.
fn bugs_field_length(lines: &[&str]) -> usize {
    let value = |line: &str| -> Option<String> {
        let line = line.trim();
        let line = line.strip_suffix(',').unwrap_or(line);
        let value = match line.split_once(": ") {
            Some((name, value)) if is_identifier(name) => value,
            Some(_) => return None,
            None => line,
        };
        value.strip_prefix("Bugs(").map(str::to_string)
    };
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let Some(inside) = lines.first().and_then(|line| value(line)) else {
        return 0;
    };
    if inside.strip_suffix(')').is_some_and(digits) {
        return 1;
    }
    match (inside.as_str(), lines.get(1), lines.get(2)) {
        ("", Some(number), Some(close))
            if number.trim().strip_suffix(',').is_some_and(digits)
                && matches!(close.trim(), ")" | "),") =>
        {
            3
        }
        _ => 0,
    }
}

fn is_identifier(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    #[allow(dead_code)] // read through Debug only
    struct Table {
        seats: Vec<u8>,
        bugs: Bugs,
        inner: Inner,
        pair: (Bugs, u8),
        label: &'static str,
    }

    #[derive(Debug)]
    #[allow(dead_code)] // read through Debug only
    struct Inner {
        bugs: Bugs,
        pot: u64,
    }

    #[test]
    fn hidden_in_leaves_out_every_bugs_field_and_nothing_else() {
        let bugs = Bugs::NONE.with(BugId(2));
        let table = Table {
            seats: vec![1, 2],
            bugs,
            inner: Inner { bugs, pot: 9 },
            pair: (bugs, 7),
            label: "bugs: Bugs(4)",
        };
        let pretty = format!("{table:#?}");
        assert!(pretty.contains("bugs: Bugs(\n"), "{pretty}");
        let hidden = Bugs::hidden_in(&pretty);
        assert!(!hidden.contains("Bugs(\n"), "{hidden}");
        let expected = "Table {\n    seats: [\n        1,\n        2,\n    ],\n    inner: Inner {\n        \
                        pot: 9,\n    },\n    pair: (\n        7,\n    ),\n    label: \"bugs: Bugs(4)\",\n}";
        assert_eq!(hidden, expected);
        assert_eq!(Bugs::hidden_in("bugs: Bugs(4),\nx: 1,"), "x: 1,");
        assert_eq!(Bugs::hidden_in("Bugs(\n    4,\n)"), "");
        assert_eq!(Bugs::hidden_in("no bugs here"), "no bugs here");
    }

    #[test]
    fn bugs_switch_on_one_at_a_time() {
        let set = Bugs::NONE.with(BugId(3));
        assert!(set.has(BugId(3)));
        assert!(!set.has(BugId(2)));
        assert!(!Bugs::NONE.has(BugId(3)));
        assert!(!set.has(BugId(200)), "out-of-range ids are never planted");
    }
}
