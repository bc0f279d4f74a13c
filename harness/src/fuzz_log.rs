//! The body of a log-reader fuzz target: any bytes, read as a log file, either become a log
//! that replays or a [`LogError`] that names the file, and never a panic.
//!
//! A corpus log is input from outside (a hand edit, a merge, a file from another version), so
//! the reader is held to the rule every bad input is: a clear error, no crash.

use rewind_engine::{Log, LogError};

use crate::DomainEntry;
use crate::trace::TraceOptions;

/// The file name the fuzz input is reported under.
pub const INPUT_NAME: &str = "fuzz-input.json";

/// Reads `data` as a log file and, when it names one of `domains`, decodes it and replays it
/// as `replay` does.
///
/// # Panics
/// When an error does not name the input file: that is the bug this target hunts, besides
/// any panic in the reader itself.
pub fn read_log_bytes(data: &[u8], domains: &[&'static dyn DomainEntry]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let log = match Log::parse(INPUT_NAME, text) {
        Ok(log) => log,
        Err(error) => return names_the_file(&error),
    };
    let Some(entry) = domains.iter().find(|entry| entry.name() == log.domain) else {
        return;
    };
    if let Err(error) = entry.trace(&log, INPUT_NAME, &TraceOptions::default()) {
        names_the_file(&error);
    }
}

fn names_the_file(error: &LogError) {
    assert_eq!(error.file, INPUT_NAME, "a log error names another file");
    assert!(
        error.to_string().starts_with(INPUT_NAME),
        "a log error does not start with the file: {error}"
    );
}
