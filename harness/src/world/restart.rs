//! A simulated crash: everything in memory is lost, and the process comes back from what it
//! persisted, the latest snapshot and the event log as a store hands it back, serialized.

use rewind_engine::{Engine, Model, Violation};

/// The generic check a restart makes: the state rebuilt from the serialized log equals the
/// state before the crash, apart from the parts the domain declares volatile.
pub const RESTART_REBUILDS_STATE: &str = "restart_rebuilds_state";

/// Whether two states agree on everything durable: equal, or equal once
/// [`rewind_engine::Domain::forget_volatile`] cleared both. The clones are only made when they differ.
pub fn same_durable_state<M: Model>(a: &M::State, b: &M::State) -> bool {
    a == b || durable_copy::<M>(a) == durable_copy::<M>(b)
}

/// `state` with its volatile parts cleared, as a snapshot store keeps it.
pub(super) fn durable_copy<M: Model>(state: &M::State) -> M::State {
    let mut copy = state.clone();
    M::forget_volatile(&mut copy);
    copy
}

fn finding(message: String) -> Violation {
    Violation {
        invariant: RESTART_REBUILDS_STATE.into(),
        step: 0,
        message,
    }
}

/// Crashes and restarts `engine`: every event goes through a JSON round trip, as a store
/// would hand it back; the state is rebuilt from `snapshot` (or the initial state) and the
/// events after it, and must equal the state before the crash on everything durable (when
/// `check`; with the check set aside the engine goes on from the rebuilt state, and an event
/// that does not read back is kept as it was). The engine goes on from what was read back,
/// its volatile parts lost.
pub(super) fn restart<M: Model>(
    engine: &mut Engine<M>,
    snapshot: Option<&(usize, M::State)>,
    check: bool,
) -> Result<(), Violation> {
    let mut read_back = Vec::with_capacity(engine.events().len());
    for (index, event) in engine.events().iter().enumerate() {
        let stored = match serde_json::to_string(event) {
            Ok(stored) => stored,
            Err(e) if check => {
                return Err(finding(format!("event {index} cannot be serialized: {e}")));
            }
            Err(_) => {
                read_back.push(event.clone());
                continue;
            }
        };
        match serde_json::from_str::<M::Event>(&stored) {
            Ok(read) => read_back.push(read),
            Err(e) if check => {
                return Err(finding(format!(
                    "event {index} cannot be read back from `{stored}`: {e}"
                )));
            }
            Err(_) => read_back.push(event.clone()),
        }
    }
    let (from, mut state) = match snapshot {
        Some((at, state)) => (*at, state.clone()),
        None => (0, M::initial(engine.config(), engine.bugs())),
    };
    for event in &read_back[from..] {
        M::apply(&mut state, event);
    }
    M::forget_volatile(&mut state);
    if check && !same_durable_state::<M>(&state, engine.state()) {
        let changed = engine
            .events()
            .iter()
            .zip(&read_back)
            .position(|(before, after)| before != after);
        let source = match (changed, snapshot) {
            (Some(index), _) => format!("event {index} reads back differently"),
            (None, Some((at, _))) => format!("rebuilt from the snapshot at event {at}"),
            (None, None) => "every event reads back the same".into(),
        };
        return Err(finding(format!(
            "the state rebuilt from the serialized log differs from the state before the crash ({source})"
        )));
    }
    engine.recover(read_back, state);
    Ok(())
}
