//! The diff of two renderings, each changed line named by its [`Label`].

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::{Label, Outline};

/// The lines that differ between two renderings, each named by its label: `- balances[2]: 0`
/// and `+ balances[2]: -1`. Lines that only close a block are left out.
///
/// Each run of changed lines (a hunk: everything between two unchanged lines) is printed with
/// every removed line next to the added line of the same path, when both renderings are
/// `{:#?}`; in a domain's own text, the n-th removed line next to the n-th added one.
pub fn changed_lines(before: &str, after: &str) -> Vec<String> {
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let (was, is) = (Outline::of(before), Outline::of(after));
    let by_path = was.by_path && is.by_path;
    let mut out = Vec::new();
    let mut removed: Vec<&Label> = Vec::new();
    let mut added: Vec<&Label> = Vec::new();
    let mut flush = |removed: &mut Vec<&Label>, added: &mut Vec<&Label>| {
        for (sign, label) in paired(removed, added, by_path) {
            out.push(format!("{sign} {label}"));
        }
        removed.clear();
        added.clear();
    };
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        if let DiffOp::Equal { .. } = op {
            flush(&mut removed, &mut added);
            continue;
        }
        removed.extend(op.old_range().filter_map(|index| was.label(index)));
        added.extend(op.new_range().filter_map(|index| is.label(index)));
    }
    flush(&mut removed, &mut added);
    out
}

/// The removed (`-`) and added (`+`) lines of one hunk in the order they are printed.
fn paired<'a>(removed: &[&'a Label], added: &[&'a Label], by_path: bool) -> Vec<(char, &'a Label)> {
    let mut out = Vec::with_capacity(removed.len() + added.len());
    let (mut i, mut j) = (0, 0);
    while i < removed.len() || j < added.len() {
        match (removed.get(i), added.get(j)) {
            (Some(old), Some(new)) if !by_path || old.path == new.path => {
                out.extend([('-', *old), ('+', *new)]);
                i += 1;
                j += 1;
            }
            // The added line comes before the one that replaces `old`.
            (Some(old), Some(new)) if added[j..].iter().any(|later| later.path == old.path) => {
                out.push(('+', *new));
                j += 1;
            }
            (Some(old), _) => {
                out.push(('-', *old));
                i += 1;
            }
            (None, Some(new)) => {
                out.push(('+', *new));
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}
