//! A state's text as an edit of the previous step's text, so a page of ten thousand steps
//! stores each change once rather than each state in full.
//!
//! An edit is a JSON array walked over the previous text's lines:
//! - a positive number `n` keeps the next `n` lines;
//! - a negative number `-n` drops the next `n`;
//! - a string is a new line;
//! - `[p, "middle", s]` replaces the next line by its first `p` and last `s` characters
//!   (counted in UTF-16 units, as JavaScript counts) around `middle`: a line where only a
//!   number changed (`pot 8` → `pot 10`) costs a few bytes, not the whole line.
//!
//! Lines left over after the last item are kept, so an unchanged text is `[]`. The page's
//! script (`page.js`, `applyEdit`) rebuilds each step's text from these.

use serde_json::{Value, json};
use similar::{Algorithm, DiffOp, capture_diff_slices};

/// A line is patched in place only when that saves at least this many bytes.
const PATCH_SAVES: usize = 8;

/// The edit that turns `before` into `after`, line by line.
pub fn edit(before: &str, after: &str) -> Vec<Value> {
    if before == after {
        return Vec::new();
    }
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let mut edit = Edit::default();
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        match op {
            DiffOp::Equal { len, .. } => edit.keep(len),
            DiffOp::Delete { old_len, .. } => edit.drop(old_len),
            DiffOp::Insert {
                new_index, new_len, ..
            } => new[new_index..new_index + new_len]
                .iter()
                .for_each(|line| edit.insert(line)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let paired = old_len.min(new_len);
                for i in 0..paired {
                    let (was, is) = (old[old_index + i], new[new_index + i]);
                    match patch(was, is) {
                        Some(patch) => edit.items.push(patch),
                        None => {
                            edit.drop(1);
                            edit.insert(is);
                        }
                    }
                }
                edit.drop(old_len - paired);
                new[new_index + paired..new_index + new_len]
                    .iter()
                    .for_each(|line| edit.insert(line));
            }
        }
    }
    // Trailing kept lines are implied.
    if edit.items.last().is_some_and(Value::is_u64) {
        edit.items.pop();
    }
    edit.items
}

#[derive(Default)]
struct Edit {
    items: Vec<Value>,
}

impl Edit {
    fn keep(&mut self, lines: usize) {
        if lines > 0 {
            self.items.push(Value::from(lines));
        }
    }

    /// Drops `lines`, merged with a drop just before.
    fn drop(&mut self, lines: usize) {
        if lines == 0 {
            return;
        }
        let lines = lines as i64;
        match self.items.last_mut() {
            Some(Value::Number(n)) if n.as_i64().is_some_and(|n| n < 0) => {
                *n = (n.as_i64().unwrap_or(0) - lines).into();
            }
            _ => self.items.push(Value::from(-lines)),
        }
    }

    fn insert(&mut self, line: &str) {
        self.items.push(Value::from(line));
    }
}

/// `[p, middle, s]` turning `old` into `new`, if it is shorter than `new` by enough.
fn patch(old: &str, new: &str) -> Option<Value> {
    let mut prefix_bytes = 0;
    let mut prefix_units = 0;
    for (a, b) in old.chars().zip(new.chars()) {
        if a != b {
            break;
        }
        prefix_bytes += a.len_utf8();
        prefix_units += a.len_utf16();
    }
    let (old_rest, new_rest) = (&old[prefix_bytes..], &new[prefix_bytes..]);
    let mut suffix_bytes = 0;
    let mut suffix_units = 0;
    for (a, b) in old_rest.chars().rev().zip(new_rest.chars().rev()) {
        if a != b {
            break;
        }
        suffix_bytes += a.len_utf8();
        suffix_units += a.len_utf16();
    }
    let middle = &new_rest[..new_rest.len() - suffix_bytes];
    (middle.len() + PATCH_SAVES < new.len()).then(|| json!([prefix_units, middle, suffix_units]))
}

/// `edit` applied to `before`, as the page does it: for tests.
#[cfg(test)]
pub fn apply(before: &str, edit: &[Value]) -> String {
    let old: Vec<&str> = before.lines().collect();
    let mut at = 0;
    let mut out: Vec<String> = Vec::new();
    for item in edit {
        match item {
            Value::String(line) => out.push(line.clone()),
            Value::Number(n) => {
                let n = n.as_i64().expect("whole numbers");
                if n >= 0 {
                    let end = at + n as usize;
                    out.extend(old[at..end].iter().map(|line| line.to_string()));
                    at = end;
                } else {
                    at += n.unsigned_abs() as usize;
                }
            }
            Value::Array(patch) => {
                let units: Vec<u16> = old[at].encode_utf16().collect();
                let prefix = patch[0].as_u64().expect("a prefix") as usize;
                let suffix = patch[2].as_u64().expect("a suffix") as usize;
                let mut line = String::from_utf16(&units[..prefix]).expect("whole characters");
                line.push_str(patch[1].as_str().expect("a middle"));
                line.push_str(
                    &String::from_utf16(&units[units.len() - suffix..]).expect("whole characters"),
                );
                out.push(line);
                at += 1;
            }
            other => panic!("not an edit item: {other}"),
        }
    }
    out.extend(old[at..].iter().map(|line| line.to_string()));
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_rebuild_the_new_text() {
        let cases = [
            ("a\nb\nc", "a\nb\nc"),
            ("a\nb\nc", "a\nB\nc"),
            ("a\nb\nc", "a\nc"),
            ("a\nb\nc", "x\na\nb\nc\ny"),
            ("", "a\nb"),
            ("a\nb", ""),
            (
                "phase: NotOpen,\nballots: 0",
                "phase: Open,\nballots: 0\nchoices: [\"tea\"]",
            ),
            (
                "hand 11 · Flop · button seat 4 · pot 8\nboard: 🂡 5d\nx",
                "hand 11 · Flop · button seat 4 · pot 10\nboard: 🂡 5d 8d 4s · and some more\ny\nz",
            ),
            (
                "seat 0: 58 chips · bet 0 · 🂡 in the hand\nseat 1: 3 chips\nseat 2: 9 chips",
                "seat 0: 56 chips · bet 2 · 🂡 in the hand, acted",
            ),
        ];
        for (before, after) in cases {
            let edit = edit(before, after);
            assert_eq!(
                apply(before, &edit),
                after.lines().collect::<Vec<_>>().join("\n"),
                "{edit:?}"
            );
        }
        assert!(edit("same\ntext", "same\ntext").is_empty());
        assert_eq!(
            serde_json::to_string(&edit("a\nb\nc\nd", "a\nB\nc\nd")).unwrap(),
            r#"[1,-1,"B"]"#
        );
        assert_eq!(
            serde_json::to_string(&edit(
                "top\nhand 11 · Flop · button seat 4 · pot 8",
                "top\nhand 11 · Flop · button seat 4 · pot 10"
            ))
            .unwrap(),
            r#"[1,[37,"10",0]]"#
        );
    }
}
