//! `rewind graph payments` (through `Model::graph`): the flow as a Graphviz DOT digraph, drawn from [`super::flow`].
//!
//! Render with `rewind graph payments | dot -Tsvg > payments.svg`.

use std::fmt::Write;

use super::flow::{EMITS, REACTORS};

/// Actions are boxes, events ellipses, reactors diamonds: action -> event -> reactor ->
/// follow-up action (dashed).
pub fn dot() -> String {
    let mut out = String::from("digraph payments {\n");
    out.push_str("  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=11];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for &(action, _) in EMITS {
        let _ = writeln!(
            out,
            "  \"action:{action}\" [label=\"{action}\", shape=box, style=rounded];"
        );
    }
    let mut events: Vec<&str> = EMITS
        .iter()
        .flat_map(|(_, events)| events.iter().copied())
        .collect();
    events.sort_unstable();
    events.dedup();
    for event in &events {
        let _ = writeln!(
            out,
            "  \"event:{event}\" [label=\"{event}\", shape=ellipse, style=filled, fillcolor=\"#eef3fb\"];"
        );
    }
    for reactor in REACTORS {
        let _ = writeln!(
            out,
            "  \"reactor:{0}\" [label=\"{0}\\n({1})\", shape=diamond, style=filled, fillcolor=\"#fdf2d0\"];",
            reactor.name, reactor.when
        );
    }
    for &(action, emitted) in EMITS {
        for event in emitted {
            let _ = writeln!(out, "  \"action:{action}\" -> \"event:{event}\";");
        }
    }
    for reactor in REACTORS {
        for event in reactor.on {
            let _ = writeln!(out, "  \"event:{event}\" -> \"reactor:{}\";", reactor.name);
        }
        for action in reactor.asks {
            let _ = writeln!(
                out,
                "  \"reactor:{}\" -> \"action:{action}\" [style=dashed];",
                reactor.name
            );
        }
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, VecDeque};

    use rewind::{Bugs, Engine, Env, RandomChoices};

    use super::super::action::{ACTION_KINDS, PaymentAction, action_kind};
    use super::super::event::{EVENT_KINDS, event_kind};
    use super::super::flow::{declares_emit, declares_reaction};
    use super::super::state::PaymentsState;
    use super::super::{Payments, apply, bot, decide, react};
    use super::*;

    type Edges = BTreeSet<(&'static str, &'static str)>;

    /// Re-runs one step outside the engine, recording which action emitted which event and
    /// which event asked for which follow-up; returns the state it reached (or `pre` when the
    /// step was refused). Provider answers are keyed forks of the seed, so a fresh `Env`
    /// reproduces the engine's decisions.
    fn traced_step(
        pre: &PaymentsState,
        action: PaymentAction,
        seed: u64,
        emits: &mut Edges,
        reactions: &mut Edges,
    ) -> PaymentsState {
        let mut env = Env::new(seed, Bugs::NONE);
        let mut state = pre.clone();
        let (mut step_emits, mut step_reactions) = (Edges::new(), Edges::new());
        let mut queue = VecDeque::from([action]);
        while let Some(current) = queue.pop_front() {
            let mut events = Vec::new();
            if decide::decide(&state, &current, &mut env, &mut events).is_err() {
                return pre.clone();
            }
            let from = ACTION_KINDS[action_kind(&current)];
            for event in &events {
                let kind = EVENT_KINDS[event_kind(event)];
                step_emits.insert((from, kind));
                apply::apply(&mut state, event);
                let mut follow_ups = Vec::new();
                react::react(&state, event, &mut follow_ups);
                for follow_up in follow_ups {
                    step_reactions.insert((kind, ACTION_KINDS[action_kind(&follow_up)]));
                    queue.push_back(follow_up);
                }
            }
        }
        emits.append(&mut step_emits);
        reactions.append(&mut step_reactions);
        state
    }

    #[test]
    fn the_graph_is_true_to_the_code() {
        let (mut emits, mut reactions) = (Edges::new(), Edges::new());
        for seed in 0..150 {
            let mut engine: Engine<Payments> = Engine::new(Default::default(), seed, Bugs::NONE);
            let mut choices = RandomChoices::new(seed);
            for _ in 0..300 {
                let mut next = Some(bot::next_action(engine.state(), &mut choices));
                // The bot's action, then the settlement it queued, delivered at once.
                while let Some(action) = next.take() {
                    let pre = engine.state().clone();
                    let traced = traced_step(&pre, action, seed, &mut emits, &mut reactions);
                    let _ = engine.dispatch(action);
                    assert_eq!(
                        &traced,
                        engine.state(),
                        "the trace diverged from the engine"
                    );
                    let mut waiting = Vec::new();
                    crate::payments::settlement::outbox(engine.state(), &mut waiting);
                    next = waiting.first().copied();
                }
            }
        }
        for &(action, event) in &emits {
            assert!(
                declares_emit(action, event),
                "undeclared {action} -> {event}"
            );
        }
        for &(event, action) in &reactions {
            assert!(
                declares_reaction(event, action),
                "undeclared {event} -> {action}"
            );
        }
        for &(action, events) in EMITS {
            for event in events {
                assert!(
                    emits.contains(&(action, *event)),
                    "{action} -> {event} never seen"
                );
            }
        }
        for reactor in REACTORS {
            for event in reactor.on {
                for action in reactor.asks {
                    assert!(
                        reactions.contains(&(*event, *action)),
                        "{event} -> {action} never seen"
                    );
                }
            }
        }
    }

    #[test]
    fn dot_names_every_declared_edge() {
        let dot = dot();
        assert!(dot.starts_with("digraph payments {") && dot.ends_with("}\n"));
        assert!(dot.contains("\"action:capture\" -> \"event:capture_failed\";"));
        assert!(dot.contains("\"event:payment_created\" -> \"reactor:authoriser\";"));
        assert!(dot.contains("\"reactor:archiver\" -> \"action:archive\" [style=dashed];"));
    }
}
