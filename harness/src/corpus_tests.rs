//! `cargo test` for a corpus: every log under a folder becomes its own named test, with no
//! code written per log. A user's `tests/corpus.rs` (with `harness = false`) is one line:
//!
//! ```no_run
//! # use rewind_harness::{CorpusTests, DomainEntry};
//! # fn shop_domains() -> Vec<&'static dyn DomainEntry> { Vec::new() }
//! fn main() {
//!     CorpusTests::new(&shop_domains()).main();
//! }
//! ```
//!
//! The tests, in the order listed:
//! - `corpus::<domain>::<file stem>`: the log replays on the rules as they are with every
//!   check after every step, and, if it names a planted bug, still breaks the recorded
//!   invariant at the recorded step with that bug planted ([`crate::regression::verify`]);
//! - `determinism::<domain>`: the same seed gives the same simulation on one thread and on
//!   two ([`crate::regression::deterministic`]).
//!
//! `cargo test` runs integration tests in the package's folder, so the default folder
//! `corpus` is the one beside the user's `Cargo.toml`, where the command line writes.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use libtest_mimic::{Arguments, Failed, Trial};

use crate::{Catalog, DomainEntry, corpus};

/// The corpus suite of a list of domains.
pub struct CorpusTests<'a> {
    catalog: Catalog<'a>,
    folder: PathBuf,
    program: String,
}

impl<'a> CorpusTests<'a> {
    /// The suite over `domains`, reading `corpus/` in the current folder.
    pub fn new(domains: &'a [&'static dyn DomainEntry]) -> Self {
        CorpusTests {
            catalog: Catalog::new(domains),
            folder: PathBuf::from("corpus"),
            program: "cargo run --".to_string(),
        }
    }

    /// Reads the logs under `folder` instead (relative to the package's folder).
    #[must_use]
    pub fn folder(mut self, folder: impl Into<PathBuf>) -> Self {
        self.folder = folder.into();
        self
    }

    /// How the failure messages tell the reader to run the command line (`cargo run --` by
    /// default, which runs the package's one binary): they end in `<program> replay <file>`.
    #[must_use]
    pub fn program(mut self, program: impl Into<String>) -> Self {
        self.program = program.into();
        self
    }

    /// Every test of the suite, for a test binary that adds its own before running them.
    pub fn trials(&self) -> Vec<Trial> {
        let mut trials = self.log_trials();
        for &entry in self.catalog.all() {
            trials.push(Trial::test(
                format!("determinism::{}", entry.name()),
                move || entry.check_determinism().map_err(Failed::from),
            ));
        }
        trials
    }

    /// Runs the suite with the arguments `cargo test` passed (filters, `--list`, ...) and
    /// exits with libtest's status.
    pub fn main(self) -> ! {
        let arguments = Arguments::from_args();
        libtest_mimic::run(&arguments, self.trials()).exit()
    }

    fn log_trials(&self) -> Vec<Trial> {
        if !self.folder.exists() {
            // A new crate has no failures stored yet: nothing to replay is no error.
            return Vec::new();
        }
        let files = match corpus::files(&self.folder) {
            Ok(files) => files,
            Err(error) => {
                let message = format!("cannot list {}: {error}", self.folder.display());
                return vec![Trial::test("corpus::listing", move || Err(message.into()))];
            }
        };
        // Each test owns the list, as libtest wants; one shared copy serves them all.
        let domains: Arc<[&'static dyn DomainEntry]> = self.catalog.all().into();
        files
            .into_iter()
            .map(|path| {
                let folder = path
                    .parent()
                    .and_then(Path::file_name)
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                let stem = path
                    .file_stem()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                let domains = Arc::clone(&domains);
                let program = self.program.clone();
                Trial::test(format!("corpus::{folder}::{stem}"), move || {
                    check(&Catalog::new(&domains), &path, &folder, &program)
                })
            })
            .collect()
    }
}

/// Replays one stored log: it must sit in its domain's folder and pass [`DomainEntry::verify`].
fn check(catalog: &Catalog, path: &Path, folder: &str, program: &str) -> Result<(), Failed> {
    let file = path.display().to_string();
    let log = corpus::read(path)?;
    if log.domain != folder {
        return Err(format!(
            "{file}: field `domain`: `{}` is stored in the folder of `{folder}`",
            log.domain
        )
        .into());
    }
    let entry = catalog.entry_of(&log, &file)?;
    entry.verify(&log, &file, program)?;
    Ok(())
}
