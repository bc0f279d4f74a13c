//! Where the command line writes what it prints: stdout, or, in the harness's own tests, a
//! buffer of the thread's, so a test can read what a command said without printing it.

use std::cell::RefCell;
use std::fmt;
use std::io::{self, Write};

thread_local! {
    /// What this thread's commands printed, while a test captures it.
    static CAPTURED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Writes `text` to stdout, or to the capture when one is on; an error (a closed pipe)
/// comes back to the caller instead of the panic `print!` would raise.
pub(crate) fn write(text: fmt::Arguments<'_>) -> io::Result<()> {
    let captured = CAPTURED.with(|captured| {
        let mut captured = captured.borrow_mut();
        let buffer = captured.as_mut()?;
        let _ = fmt::Write::write_fmt(buffer, text);
        Some(())
    });
    match captured {
        Some(()) => Ok(()),
        None => io::stdout().lock().write_fmt(text),
    }
}

/// Runs `command` with what it prints captured, and returns both.
#[cfg(test)]
pub(crate) fn capture<R>(command: impl FnOnce() -> R) -> (R, String) {
    CAPTURED.with(|captured| *captured.borrow_mut() = Some(String::new()));
    let result = command();
    let printed = CAPTURED.with(|captured| captured.borrow_mut().take().unwrap_or_default());
    (result, printed)
}
