//! Scratch folders for the unit tests that write files: one per test, under the temp
//! directory, removed when the test ends, whether it passed or panicked, so `cargo test`
//! leaves nothing behind.

use std::fs;
use std::ops::Deref;
use std::path::{Path, PathBuf};

/// A fresh, empty folder that is removed, with everything in it, when this is dropped.
pub struct Scratch(PathBuf);

impl Scratch {
    /// `rewind-<name>-<process id>` under the temp directory, emptied first: a folder left by
    /// an earlier run killed before it could clean up does not leak into this one. Tests in
    /// one process run in parallel, so each passes its own `name`.
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

#[cfg(test)]
mod tests {
    use super::Scratch;

    #[test]
    fn the_folder_goes_when_the_test_ends_even_by_a_panic() {
        let kept = std::panic::catch_unwind(|| {
            let scratch = Scratch::new("scratch-panics");
            std::fs::write(scratch.join("file"), "x").expect("writable");
            let path = scratch.to_path_buf();
            assert!(path.join("file").is_file());
            std::panic::panic_any(path)
        });
        let path = kept
            .expect_err("the closure panics")
            .downcast::<std::path::PathBuf>()
            .expect("the panic carries the path");
        assert!(!path.exists(), "{} is left behind", path.display());
    }
}
