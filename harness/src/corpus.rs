//! The corpus: one JSON log per failure, `corpus/<domain>/<invariant>-<hash>.json`.
//!
//! A log's name hashes what it means (see [`crate::meaning`]), and a [`Shelf`] knows the
//! meaning of every log in a domain's folder, whatever its name, so one failure is stored
//! once: a log meaning the same as one already there is not written again. Writes are atomic
//! (a temporary file in the same folder, then a rename), so a crash never leaves half a log,
//! and no existing file is removed; the only rewrite is of a log's `known` mark, in place.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rewind_engine::{Log, LogError};

use crate::DomainEntry;
use crate::meaning::Meaning;

/// What storing a log did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    /// Stored as this new file.
    New(PathBuf),
    /// A log meaning the same, or of the same kind (see [`crate::meaning`]), was there
    /// already, marked known or not; nothing was written.
    AlreadyStored {
        /// The log there.
        path: PathBuf,
        /// Its known-defect mark, when it has one.
        known: Option<String>,
        /// Whether it means the same; false when it is of the same kind, with other values.
        same: bool,
    },
}

impl Written {
    /// The file that holds the log.
    pub fn path(&self) -> &Path {
        match self {
            Written::New(path) | Written::AlreadyStored { path, .. } => path,
        }
    }
}

/// One log stored in a domain's folder, and what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredLog {
    /// Where it is.
    pub path: PathBuf,
    /// What it means.
    pub meaning: Meaning,
    /// Why it is a known defect, when it is marked as one.
    pub known: Option<String>,
}

/// A domain's folder of a corpus, `root/<domain>/`, with the meaning of every log in it.
pub struct Shelf {
    dir: PathBuf,
    stored: Vec<StoredLog>,
}

impl Shelf {
    /// Reads `root/<domain>/` (nothing yet, when it does not exist): every log there whose
    /// meaning `meaning` can work out. A log it cannot read is left out, never touched;
    /// `corpus check` reports it.
    pub fn open(
        root: &Path,
        domain: &str,
        meaning: &dyn Fn(&Log, &str) -> Result<Meaning, LogError>,
    ) -> io::Result<Shelf> {
        let dir = root.join(domain);
        let mut stored = Vec::new();
        if dir.exists() {
            for path in files(&dir)? {
                let file = path.display().to_string();
                let Ok(log) = read(&path) else { continue };
                if let Ok(meaning) = meaning(&log, &file) {
                    stored.push(StoredLog {
                        path,
                        meaning,
                        known: log.known,
                    });
                }
            }
        }
        Ok(Shelf { dir, stored })
    }

    /// The stored log that means `meaning`, or else one of its kind, if any.
    pub fn find(&self, meaning: &Meaning) -> Option<&StoredLog> {
        let same = |stored: &&StoredLog| stored.meaning.hash == meaning.hash;
        let alike = |stored: &&StoredLog| stored.meaning.kind == meaning.kind;
        self.stored
            .iter()
            .find(same)
            .or_else(|| self.stored.iter().find(alike))
    }

    /// Every log read, in file order.
    pub fn logs(&self) -> &[StoredLog] {
        &self.stored
    }

    /// Stores `log`, which means `meaning`, unless a log meaning the same, or of the same
    /// kind, is there already.
    pub fn store(&mut self, log: &Log, meaning: Meaning) -> io::Result<Written> {
        if let Some(stored) = self.find(&meaning) {
            return Ok(Written::AlreadyStored {
                path: stored.path.clone(),
                known: stored.known.clone(),
                same: stored.meaning.hash == meaning.hash,
            });
        }
        fs::create_dir_all(&self.dir)?;
        let path = self.dir.join(meaning.file_name(log));
        if path.exists() {
            // A file of that name this shelf could not read: never overwritten.
            return Ok(Written::AlreadyStored {
                path,
                known: None,
                same: true,
            });
        }
        write_atomically(&path, &log.to_json())?;
        self.stored.push(StoredLog {
            path: path.clone(),
            meaning,
            known: log.known.clone(),
        });
        Ok(Written::New(path))
    }
}

/// The shelf of `entry`'s domain under `root`, each log's meaning worked out by `entry`.
pub fn shelf_of(root: &Path, entry: &dyn DomainEntry) -> io::Result<Shelf> {
    Shelf::open(root, entry.name(), &|log, file| entry.meaning(log, file))
}

/// What storing did, in two lines: where the log is (new, already there, or a known defect
/// already there), and the command that replays it, starting with `program`.
pub fn describe(written: &Written, program: &str) -> String {
    let path = written.path().display();
    let state = match written {
        Written::New(_) => format!("stored {path}"),
        Written::AlreadyStored { known, same, .. } => {
            let like = if *same {
                ""
            } else {
                " (a log of its kind, other values)"
            };
            let known = known
                .as_ref()
                .map_or_else(String::new, |reason| format!(", a known defect: {reason}"));
            format!("already stored as {path}{like}{known}")
        }
    };
    format!("{state}\nreplay {program} replay {path}")
}

/// Replaces the log at `path` with `log` (its `known` mark changed), atomically.
pub fn rewrite(path: &Path, log: &Log) -> io::Result<()> {
    write_atomically(path, &log.to_json())
}

/// Writes `text` to `path` through a temporary file in the same folder and a rename, so a
/// reader sees the old file or the new one, never half of one.
fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    let name = path
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temporary)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// Every `*.json` file below `root`, sorted, for a stable test order.
pub fn files(root: &Path) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "json") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Reads and parses one log file; I/O errors come back as a [`LogError`] naming the file.
pub fn read(path: &Path) -> Result<Log, LogError> {
    let file = path.display().to_string();
    let text = fs::read_to_string(path).map_err(|e| LogError {
        file: file.clone(),
        field: None,
        problem: format!("cannot read it: {e}"),
    })?;
    Log::parse(&file, &text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rewind_engine::{LOG_FORMAT, Violation};

    fn log(actions: usize) -> Log {
        Log {
            format: LOG_FORMAT.into(),
            domain: "poll".into(),
            schema: 1,
            seed: 3,
            config: None,
            bug: None,
            known: None,
            skip: Vec::new(),
            found_by: "test".into(),
            actions: vec![serde_json::json!("StopVoting"); actions],
            draws: Vec::new(),
            violation: Violation {
                invariant: "x".into(),
                step: 0,
                message: "m".into(),
            },
        }
    }

    /// What a log means here: its hash without the seed, as a replay that reads none gives,
    /// and its length for its kind.
    fn meaning(log: &Log, _file: &str) -> Result<Meaning, LogError> {
        Ok(Meaning {
            hash: log.meaning_hash(false),
            reads_seed: false,
            kind: log.actions.len() as u64,
        })
    }

    #[test]
    fn stores_once_by_meaning_whatever_the_name_and_the_seed() {
        let scratch = crate::scratch::Scratch::new("corpus-test");
        let root = scratch.to_path_buf();
        let mut shelf = Shelf::open(&root, "poll", &meaning).unwrap();
        let first = shelf.store(&log(1), meaning(&log(1), "").unwrap()).unwrap();
        assert!(matches!(first, Written::New(_)));
        let mut same = log(1);
        same.found_by = "another command".into();
        same.seed = 99;
        let again = shelf.store(&same, meaning(&same, "").unwrap()).unwrap();
        assert_eq!(
            again,
            Written::AlreadyStored {
                path: first.path().to_path_buf(),
                known: None,
                same: true,
            }
        );
        // A log stored under another name (an older hash) is still found by its meaning.
        let renamed = root.join("poll").join("x-0badc0de.json");
        fs::rename(first.path(), &renamed).unwrap();
        let mut reopened = Shelf::open(&root, "poll", &meaning).unwrap();
        assert_eq!(
            reopened.store(&same, meaning(&same, "").unwrap()).unwrap(),
            Written::AlreadyStored {
                path: renamed.clone(),
                known: None,
                same: true,
            }
        );
        let other = reopened
            .store(&log(2), meaning(&log(2), "").unwrap())
            .unwrap();
        assert!(matches!(other, Written::New(_)));
        let stored = files(&root).unwrap();
        assert_eq!(stored.len(), 2, "{stored:?}");
        // Of the same kind (here: as long), with other values: not stored again.
        let mut alike = log(2);
        alike.actions[1] = serde_json::json!("Other");
        let written = reopened
            .store(&alike, meaning(&alike, "").unwrap())
            .unwrap();
        assert!(
            matches!(written, Written::AlreadyStored { same: false, .. }),
            "{written:?}"
        );
        assert_eq!(files(&root).unwrap().len(), 2);
        let mut marked = read(&renamed).unwrap();
        marked.known = Some("issue 7".into());
        rewrite(&renamed, &marked).unwrap();
        let reopened = Shelf::open(&root, "poll", &meaning).unwrap();
        let found = reopened.logs().iter().find(|stored| stored.path == renamed);
        assert_eq!(found.and_then(|s| s.known.as_deref()), Some("issue 7"));
    }
}
