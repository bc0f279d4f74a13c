//! Where each line of a rendered state sits, so a diff can say which field changed.
//!
//! A changed line on its own (`- 0,` / `+ -1,`) does not say what it belongs to. A state shown
//! as its pretty `{:#?}` nests by indentation, four spaces a level, and each enclosing line
//! names a step of the way: a struct's field (`accounts: [`), a list's index (counted), a
//! map's key (`2: Account {`). [`Outline::of`] follows that nesting and names every line by
//! its field path (`accounts[2].balance: 0`, see `debug.rs`). A text a domain writes itself
//! (`describe`) has no such grammar: an indented line there gets the nearest line above it
//! with less indent, its header, as context (`seats › 3 chips`). [`changed_lines`] is the diff
//! of two renderings in those terms.
//!
//! `view/outline.js` does the same for the page's diff; the two must agree, which the view's
//! browser test checks against `replay --diff`.

mod changes;
mod debug;

use std::fmt;

pub use changes::changed_lines;

/// Separates a header from the line under it in a domain's own text.
pub const UNDER: &str = " › ";

/// What a diff prints for one line: where it sits, and what it says there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// The field path (`accounts[2].balance`); empty at the top of a `{:#?}` rendering and for
    /// every line of a domain's own text.
    pub path: String,
    /// The line's value without its trailing comma (`-1`, `Account {`), or, in a domain's own
    /// text, the line under its header.
    pub value: String,
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path.is_empty() {
            true => f.write_str(&self.value),
            false => write!(f, "{}: {}", self.path, self.value),
        }
    }
}

/// The label of every line of one rendering.
pub struct Outline {
    /// `None` for a line that only closes a block (`}`, `],`): it says nothing itself.
    labels: Vec<Option<Label>>,
    /// Whether the labels are field paths (a `{:#?}` rendering), which a diff pairs by path.
    by_path: bool,
}

impl Outline {
    /// The outline of `text`: by field path when it is a pretty `{:#?}` rendering, else by
    /// enclosing header.
    pub fn of(text: &str) -> Outline {
        let lines: Vec<&str> = text.lines().collect();
        match debug::labels(&lines) {
            Some(labels) => Outline {
                labels,
                by_path: true,
            },
            None => Outline {
                labels: header_labels(&lines),
                by_path: false,
            },
        }
    }

    /// The label of line `index`; `None` for a closing line or one past the end.
    pub fn label(&self, index: usize) -> Option<&Label> {
        self.labels.get(index).and_then(Option::as_ref)
    }
}

/// The labels of a domain's own text: an indented line under its header (the nearest line
/// above with less indent), any other line as it is.
fn header_labels(lines: &[&str]) -> Vec<Option<Label>> {
    let indent = |line: &str| line.len() - line.trim_start().len();
    lines
        .iter()
        .enumerate()
        .map(|(at, line)| {
            let own = indent(line);
            let header = lines[..at]
                .iter()
                .rev()
                .find(|above| !above.trim().is_empty() && indent(above) < own);
            let value = match header {
                Some(header) => format!("{}{UNDER}{}", header.trim(), line.trim()),
                None => line.trim_end().to_string(),
            };
            Some(Label {
                path: String::new(),
                value,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
