//! The delivery faults a domain claims to survive, and so the ones the harness injects.

/// Which faults the simulated bus may inject. A domain declares the guarantee it handles as
/// [`crate::Model::FAULTS`]; `rewind sim --faults off` turns them all off for a run.
///
/// ```
/// use rewind_engine::Faults;
/// // A webhook consumer that survives any order and duplicates, but not a crash:
/// const WEBHOOKS: Faults = Faults { restart: false, ..Faults::AT_LEAST_ONCE };
/// assert!(WEBHOOKS.any() && WEBHOOKS.duplicate && !WEBHOOKS.restart);
/// assert!(!Faults::NONE.any());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Faults {
    /// Users may act while a message waits: it is delivered after later actions.
    pub delay: bool,
    /// A message may be delivered before one sent earlier.
    pub reorder: bool,
    /// A delivered message may be delivered again (at-least-once delivery).
    pub duplicate: bool,
    /// The process may crash between steps and restart from its serialized event log.
    pub restart: bool,
}

impl Faults {
    /// Every message delivered at once, in order, exactly once, and no crash.
    pub const NONE: Faults = Faults {
        delay: false,
        reorder: false,
        duplicate: false,
        restart: false,
    };

    /// What an at-least-once bus and a process that can crash do: every fault.
    pub const AT_LEAST_ONCE: Faults = Faults {
        delay: true,
        reorder: true,
        duplicate: true,
        restart: true,
    };

    /// Whether any fault is on.
    pub fn any(&self) -> bool {
        self.delay || self.reorder || self.duplicate || self.restart
    }
}
