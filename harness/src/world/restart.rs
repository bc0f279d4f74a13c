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
///
/// The first `read_back` events came back from an earlier restart: they are what the store
/// handed back then, and are not sent through JSON again. (An event that reads back
/// differently was caught, or kept as it was, the first time.) Returns how many events have
/// now been read back: all of them.
pub(super) fn restart<M: Model>(
    engine: &mut Engine<M>,
    snapshot: Option<&(usize, M::State)>,
    read_back: usize,
    check: bool,
) -> Result<usize, Violation> {
    let events = engine.events();
    let read_back = read_back.min(events.len());
    let mut fresh = Vec::with_capacity(events.len() - read_back);
    // One buffer for every event: a store's round trip, without an allocation per event.
    let mut stored = Vec::new();
    for (index, event) in events.iter().enumerate().skip(read_back) {
        stored.clear();
        if let Err(e) = serde_json::to_writer(&mut stored, event) {
            if check {
                return Err(finding(format!("event {index} cannot be serialized: {e}")));
            }
            fresh.push(event.clone());
            continue;
        }
        // serde_json writes UTF-8; reading it as a `str` checks that once, not per string.
        let Ok(text) = std::str::from_utf8(&stored) else {
            fresh.push(event.clone());
            continue;
        };
        match serde_json::from_str::<M::Event>(text) {
            Ok(read) => fresh.push(read),
            Err(e) if check => {
                return Err(finding(format!(
                    "event {index} cannot be read back from `{text}`: {e}"
                )));
            }
            Err(_) => fresh.push(event.clone()),
        }
    }
    let (from, mut state) = match snapshot {
        Some((at, state)) => (*at, state.clone()),
        None => (0, M::initial(engine.config(), engine.bugs())),
    };
    let kept = &events[from.min(read_back)..read_back];
    let new = &fresh[from.saturating_sub(read_back).min(fresh.len())..];
    for event in kept.iter().chain(new) {
        M::apply(&mut state, event);
    }
    M::forget_volatile(&mut state);
    if check && !same_durable_state::<M>(&state, engine.state()) {
        let changed = events[read_back..]
            .iter()
            .zip(&fresh)
            .position(|(before, after)| before != after)
            .map(|index| index + read_back);
        let source = match (changed, snapshot) {
            (Some(index), _) => format!("event {index} reads back differently"),
            (None, Some((at, _))) => format!("rebuilt from the snapshot at event {at}"),
            (None, None) => "every event reads back the same".into(),
        };
        return Err(finding(format!(
            "the state rebuilt from the serialized log differs from the state before the crash ({source})"
        )));
    }
    let total = events.len();
    engine.recover_from(read_back, fresh, state);
    Ok(total)
}
