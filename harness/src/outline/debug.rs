//! Field paths of a pretty `{:#?}` rendering.
//!
//! The grammar read, as `#[derive(Debug)]` and the standard collections write it: each line is
//! indented four spaces per open block; a line ending in ` {` opens a struct (`field: value`
//! lines), `{` a map (`key: value`) or a set (bare elements), `[` a list (elements counted
//! from 0), `(` a tuple (`.0`, `.1`; `Some(` adds no step, and a tuple of one field is
//! unwrapped); a line of `}`, `]` or `)` (with a comma) closes the block. Anything else, or
//! blocks left open, and the text is not read as one.

use super::Label;

/// What an open block holds, which says how its lines are named.
#[derive(Clone, Copy, PartialEq)]
enum Holds {
    /// `Name {`: `field: value` lines.
    Fields,
    /// `[`: elements, named by their index.
    Elements,
    /// `{`: a map's `key: value` entries, or a set's elements (named by the set alone).
    Entries,
    /// `Name(` or `(`: positional fields `.0`, `.1`; `Some(` names none.
    Positions { named: bool },
}

struct Block {
    path: String,
    holds: Holds,
    /// The index of the next element or position.
    next: usize,
    /// The index of the block's first line inside it, among all lines.
    first: usize,
}

/// The labels of `lines` read as a pretty `{:#?}` rendering, or `None` when they are not one.
pub(super) fn labels(lines: &[&str]) -> Option<Vec<Option<Label>>> {
    let mut open: Vec<Block> = Vec::new();
    let mut labels: Vec<Option<Label>> = Vec::with_capacity(lines.len());
    let mut closed = false;
    for line in lines {
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        if closed || content.is_empty() || indent % 4 != 0 {
            return None;
        }
        if let Some(rest) = content
            .strip_prefix('}')
            .or_else(|| content.strip_prefix(']'))
            .or_else(|| content.strip_prefix(')'))
        {
            let block = open.pop()?;
            let closer = content.as_bytes()[0];
            let fits = match block.holds {
                Holds::Fields | Holds::Entries => closer == b'}',
                Holds::Elements => closer == b']',
                Holds::Positions { .. } => closer == b')',
            };
            if !fits || indent != 4 * open.len() || !matches!(rest, "" | ",") {
                return None;
            }
            if block.holds == (Holds::Positions { named: true }) && block.next == 1 {
                unwrap_newtype(&block, &mut labels[block.first..]);
            }
            closed = open.is_empty();
            labels.push(None);
            continue;
        }
        if indent != 4 * open.len() || (open.is_empty() && !labels.is_empty()) {
            return None;
        }
        let (path, value) = match open.last_mut() {
            None => (String::new(), content),
            Some(block) => {
                let (step, value) = step_in(block, content)?;
                (join(&block.path, &step), value)
            }
        };
        let value = value.strip_suffix(',').unwrap_or(value);
        if let Some(holds) = opens(value) {
            open.push(Block {
                path: path.clone(),
                holds,
                next: 0,
                first: labels.len() + 1,
            });
        } else if open.is_empty() {
            return None;
        }
        labels.push(Some(Label {
            path,
            value: value.to_string(),
        }));
    }
    open.is_empty().then_some(labels)
}

/// The step into `block` that `content` (one line inside it) takes, and its value.
fn step_in<'a>(block: &mut Block, content: &'a str) -> Option<(String, &'a str)> {
    let counted = |block: &mut Block| {
        block.next += 1;
        block.next - 1
    };
    Some(match block.holds {
        Holds::Fields => {
            let (name, value) = split_entry(content)?;
            let identifier = name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '#');
            if name.is_empty() || !identifier {
                return None;
            }
            (format!(".{name}"), value)
        }
        Holds::Elements => (format!("[{}]", counted(block)), content),
        Holds::Positions { named: true } => (format!(".{}", counted(block)), content),
        Holds::Positions { named: false } => (String::new(), content),
        Holds::Entries => match split_entry(content) {
            Some((key, value)) => (format!("[{key}]"), value),
            None => (String::new(), content),
        },
    })
}

/// Names the lines inside `block`, a tuple of one field (`RawTally(Tally { .. })`), without
/// its `.0`: the wrapper adds a step to every path and tells nothing.
fn unwrap_newtype(block: &Block, labels: &mut [Option<Label>]) {
    let inner = join(&block.path, ".0");
    for label in labels.iter_mut().flatten() {
        let Some(rest) = label.path.strip_prefix(&inner) else {
            continue;
        };
        if !(rest.is_empty() || rest.starts_with('.') || rest.starts_with('[')) {
            continue;
        }
        label.path = join(&block.path, rest);
    }
}

/// What the block `value` opens holds, if it ends by opening one.
fn opens(value: &str) -> Option<Holds> {
    if value == "{" {
        Some(Holds::Entries)
    } else if value.ends_with(" {") {
        Some(Holds::Fields)
    } else if value == "[" {
        Some(Holds::Elements)
    } else if value == "Some(" {
        Some(Holds::Positions { named: false })
    } else if value.ends_with('(') {
        Some(Holds::Positions { named: true })
    } else {
        None
    }
}

/// `path` followed by `step`; a field at the top has no leading dot.
fn join(path: &str, step: &str) -> String {
    match (path.is_empty(), step.strip_prefix('.')) {
        (true, Some(field)) => field.to_string(),
        _ => format!("{path}{step}"),
    }
}

/// `key: value` split at its first `: ` outside quotes and brackets, if it has one.
fn split_entry(content: &str) -> Option<(&str, &str)> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (at, c) in content.char_indices() {
        match quote {
            Some(_) if escaped => escaped = false,
            Some(_) if c == '\\' => escaped = true,
            Some(open) if c == open => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth = depth.saturating_sub(1),
                ':' if depth == 0 && content[at + 1..].starts_with(' ') => {
                    return Some((&content[..at], &content[at + 2..]));
                }
                _ => {}
            },
        }
    }
    None
}
