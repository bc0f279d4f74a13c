//! Panics inside domain code are failures of the run, not crashes of the harness.
//!
//! [`catch`] runs a closure under `catch_unwind` and turns a panic into its message with the
//! place it happened. While a closure runs under [`catch`], the panic hook stays quiet for
//! that thread, so a million-run simulation does not print a backtrace per failing run.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

static INSTALL: Once = Once::new();

fn install_hook() {
    INSTALL.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.with(Cell::get) {
                let place = info
                    .location()
                    .map(|l| format!(" at {}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                LAST.with(|last| {
                    *last.borrow_mut() = Some(format!("{}{place}", payload_text(info.payload())))
                });
            } else {
                default(info);
            }
        }));
    });
}

fn payload_text(payload: &dyn std::any::Any) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic with a non-text payload".to_string()
    }
}

/// Runs `body`; a panic inside it comes back as `Err(message at file:line)`.
pub fn catch<T>(body: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    let was = CATCHING.with(|c| c.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(body));
    CATCHING.with(|c| c.set(was));
    result.map_err(|payload| {
        LAST.with(|last| last.borrow_mut().take())
            .unwrap_or_else(|| payload_text(payload.as_ref()))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_panic_becomes_its_message_and_place() {
        let message = super::catch(|| panic!("boom {}", 7)).unwrap_err();
        assert!(message.starts_with("boom 7 at "), "{message}");
        assert!(message.contains("panic.rs"), "{message}");
        assert_eq!(super::catch(|| 5), Ok(5));
    }
}
