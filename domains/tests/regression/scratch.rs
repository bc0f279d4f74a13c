//! Scratch folders for the tests that write files: one per test, under the temp directory,
//! removed when the test ends, whether it passed, failed or panicked, so `cargo test` leaves
//! nothing behind.

use std::fs;
use std::ops::Deref;
use std::path::{Path, PathBuf};

/// A fresh, empty folder that is removed, with everything in it, when this is dropped.
pub struct Scratch(PathBuf);

impl Scratch {
    /// `rewind-<name>-<process id>` under the temp directory, emptied first: a folder left by
    /// an earlier run killed before it could clean up does not leak into this one.
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("rewind-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("the temp folder is writable");
        Scratch(dir)
    }
}

impl Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}
