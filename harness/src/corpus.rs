//! The corpus: one JSON log per failure, `corpus/<domain>/<invariant>-<hash>.json`.
//!
//! Writes are atomic (a temporary file in the same folder, then a rename), so a crash never
//! leaves half a log; a log whose content is already stored is not written again, and no
//! existing file is ever overwritten or removed.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rewind_engine::{Log, LogError};

/// What writing a log did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    New(PathBuf),
    AlreadyStored(PathBuf),
}

impl Written {
    pub fn path(&self) -> &Path {
        match self {
            Written::New(path) | Written::AlreadyStored(path) => path,
        }
    }
}

/// Stores `log` under `root/<domain>/`.
pub fn write(root: &Path, log: &Log) -> io::Result<Written> {
    let dir = root.join(&log.domain);
    fs::create_dir_all(&dir)?;
    let path = dir.join(log.file_name());
    if path.exists() {
        return Ok(Written::AlreadyStored(path));
    }
    let temporary = dir.join(format!(".{}.{}.tmp", log.file_name(), std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temporary)?;
        file.write_all(log.to_json().as_bytes())?;
        file.sync_all()?;
        fs::rename(&temporary, &path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result.map(|()| Written::New(path))
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

    #[test]
    fn writes_once_and_deduplicates_by_content() {
        let scratch = crate::scratch::Scratch::new("corpus-test");
        let root = scratch.to_path_buf();
        let first = write(&root, &log(1)).unwrap();
        assert!(matches!(first, Written::New(_)));
        let mut same = log(1);
        same.found_by = "another command".into();
        assert_eq!(
            write(&root, &same).unwrap(),
            Written::AlreadyStored(first.path().to_path_buf())
        );
        assert!(matches!(write(&root, &log(2)).unwrap(), Written::New(_)));
        let stored = files(&root).unwrap();
        assert_eq!(stored.len(), 2, "{stored:?}");
        assert_eq!(read(&stored[0]).unwrap().domain, "poll");
    }
}
