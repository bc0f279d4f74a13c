//! `corpus check`, `corpus mark`, `corpus unmark` and `corpus merge`: the regression suite
//! outside `cargo test`, the known-defect mark of a log, set by a command rather than by hand,
//! and the folding of several corpora (a sharded simulation's) into one.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::path::{Path, PathBuf};

use super::replay::open;
use super::{Found, Invocation, outln};
use crate::corpus::{self, Shelf, Written};
use crate::regression::{instead, same_place};
use crate::summary::count;
use crate::text::plural;
use anyhow::{Context, Result, bail};

pub(crate) fn check(context: &Invocation, dir: &Path) -> Result<Found> {
    let files = corpus::files(dir)
        .with_context(|| format!("reading the corpus folder {}", dir.display()))?;
    let (mut passed, mut known, mut failed) = (0, 0, 0);
    // Logs by what they mean and by their kind, to name the ones stored twice.
    let mut meanings: BTreeMap<(String, u64), Vec<String>> = BTreeMap::new();
    let mut kinds: BTreeMap<(String, u64), Vec<String>> = BTreeMap::new();
    for path in &files {
        let file = path.display().to_string();
        let verdict = corpus::read(path)
            .map_err(|e| e.to_string())
            .and_then(|log| {
                let entry = context.catalog.entry_of(&log, &file)?;
                let meaning = entry.meaning(&log, &file).map_err(|e| e.to_string())?;
                meanings
                    .entry((log.domain.clone(), meaning.hash))
                    .or_default()
                    .push(file.clone());
                kinds
                    .entry((log.domain.clone(), meaning.kind))
                    .or_default()
                    .push(file.clone());
                entry.verify(&log, &file, &context.program)?;
                Ok(log.known)
            });
        match verdict {
            Ok(None) => {
                passed += 1;
                outln!("ok     {file}")?;
            }
            Ok(Some(reason)) => {
                known += 1;
                outln!("known  {file}: {reason}")?;
            }
            Err(message) => {
                failed += 1;
                outln!("FAIL   {message}")?;
            }
        }
    }
    let same: Vec<&Vec<String>> = meanings.values().filter(|files| files.len() > 1).collect();
    for files in &same {
        outln!(
            "same   {} mean the same (same steps, draws and invariant): keep one",
            files.join(" and ")
        )?;
    }
    let alike: Vec<&Vec<String>> = kinds
        .values()
        .filter(|files| files.len() > 1 && !same.contains(files))
        .collect();
    for files in &alike {
        outln!(
            "alike  {} are of one kind (the same invariant, through the same kinds of steps, \
             with other values): most likely one defect",
            files.join(" and ")
        )?;
    }
    let mut line = format!("{passed} passed, {failed} failed");
    if known > 0 {
        line.push_str(&format!(
            ", {known} known defects still failing as recorded"
        ));
    }
    if !same.is_empty() || !alike.is_empty() {
        line.push_str(&format!(
            ", {} stored more than once",
            count((same.len() + alike.len()) as u64, "failure")
        ));
    }
    outln!("{line}")?;
    Ok(if failed == 0 {
        Found::Nothing
    } else {
        Found::Violation
    })
}

/// Marks each log as a known defect, with `reason`. A log is marked only when it still fails
/// as it records and plants no bug, so a mark always starts true; a log already marked gets
/// the new reason.
pub(crate) fn mark(context: &Invocation, files: &[PathBuf], reason: &str) -> Result<Found> {
    let reason = reason.trim();
    if reason.is_empty() {
        bail!(
            "--reason is empty: say why the defect is known and not fixed (an issue link, a sentence)"
        );
    }
    for path in files {
        let (mut log, entry, file) = open(context, path)?;
        if let Some(bug) = &log.bug {
            bail!(
                "{file}: it was found with the planted bug `{bug}`, so its test already expects \
                 the failure with that bug planted and none without it; only a log of a real \
                 defect is marked known"
            );
        }
        let found = entry.replayed_violation(&log, &file)?;
        match &found {
            Some(found) if same_place(found, &log.violation) => {}
            other => bail!(
                "{file}: not marked, since it does not fail as it records: {}; a log that passes \
                 guards a fix already",
                instead(other.as_ref(), &log.violation)
            ),
        }
        log.known = Some(reason.to_string());
        corpus::rewrite(path, &log).with_context(|| format!("rewriting {file}"))?;
        outln!("marked {file} as a known defect: {reason}")?;
    }
    Ok(Found::Nothing)
}

/// Drops the known-defect mark of each log: it is a regression test again.
pub(crate) fn unmark(context: &Invocation, files: &[PathBuf]) -> Result<Found> {
    for path in files {
        let (mut log, _, file) = open(context, path)?;
        if log.known.take().is_none() {
            outln!("{file} is not marked known; left as it is")?;
            continue;
        }
        corpus::rewrite(path, &log).with_context(|| format!("rewriting {file}"))?;
        outln!(
            "unmarked {file}: its test now passes once the defect is fixed, and fails while it \
             is not"
        )?;
    }
    Ok(Found::Nothing)
}

/// Folds the logs under each of `dirs`, in order, into `into`: each is stored as `sim` stores
/// a failure, unless a log meaning the same or of the same kind is there already (stored
/// before, or folded in from an earlier folder). Files in `into` are never changed or removed.
/// A log that cannot be read or decoded is named and left out while the others are merged,
/// and the command then fails (exit 2).
pub(crate) fn merge(context: &Invocation, dirs: &[PathBuf], into: &Path) -> Result<Found> {
    // Every folder is listed before anything is written, so a missing one stops the merge
    // at once, and a log folded into `into` is not read again when `into` is also a source.
    let mut sources = Vec::new();
    for dir in dirs {
        let files = corpus::files(dir)
            .with_context(|| format!("reading the corpus folder {}", dir.display()))?;
        sources.extend(files);
    }
    let storing = || format!("storing merged logs under {}", into.display());
    let mut shelves: BTreeMap<&'static str, Shelf> = BTreeMap::new();
    let (mut new, mut already) = (0, 0);
    let mut malformed = Vec::new();
    for path in &sources {
        let file = path.display().to_string();
        let read = corpus::read(path)
            .map_err(|e| e.to_string())
            .and_then(|log| {
                let entry = context.catalog.entry_of(&log, &file)?;
                let meaning = entry.meaning(&log, &file).map_err(|e| e.to_string())?;
                Ok((log, entry, meaning))
            });
        let (log, entry, meaning) = match read {
            Ok(read) => read,
            Err(message) => {
                outln!("left out {message}")?;
                malformed.push(file);
                continue;
            }
        };
        let shelf = match shelves.entry(entry.name()) {
            Entry::Occupied(shelf) => shelf.into_mut(),
            Entry::Vacant(slot) => {
                slot.insert(corpus::shelf_of(into, entry).with_context(storing)?)
            }
        };
        match shelf.store(&log, meaning).with_context(storing)? {
            Written::New(stored) => {
                new += 1;
                outln!("new      {file} → {}", stored.display())?;
            }
            Written::AlreadyStored { path, same, .. } => {
                already += 1;
                let like = if same {
                    ""
                } else {
                    " (a log of its kind, other values)"
                };
                outln!("already  {file}: as {}{like}", path.display())?;
            }
        }
    }
    outln!(
        "merged {} from {} into {}: {new} new, {already} already there",
        plural(sources.len(), "log"),
        plural(dirs.len(), "folder"),
        into.display()
    )?;
    if !malformed.is_empty() {
        bail!(
            "{} of {} could not be merged, and were left out: {}",
            malformed.len(),
            plural(sources.len(), "log"),
            malformed.join(", ")
        );
    }
    Ok(Found::Nothing)
}
