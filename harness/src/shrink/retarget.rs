//! Retargeting deliveries: after a removal, a delivered message may no longer exist in the
//! form the case names. Remove the first of two captures and the second one's settlement
//! report is now report 0, not 1; the case's `deliver` of report 1 names a message the bus
//! never held, and the world refuses it. This pass walks the candidate once and points each
//! refused delivery at the waiting message of the same kind, oldest first (and a later
//! redelivery of it at the same message), so a removal that only renumbered a message is
//! still tried. The rewritten candidate goes through the thorough replay like any other.

use rewind_engine::{Coverage, Draw, Engine, Model, Step};

use super::Shrinker;
use crate::world::{Outcome, World};

/// `steps` with each delivery the world would refuse pointed at a waiting message of the
/// same kind; `None` when nothing needed it (or the domain has no outbox).
pub(super) fn retargeted<M: Model>(
    shrinker: &Shrinker<'_, M>,
    steps: &[Step<M::Action>],
    draws: &[Vec<Draw>],
) -> Option<Vec<Step<M::Action>>> {
    if !M::ASYNC || !steps.iter().any(Step::is_fault) {
        return None;
    }
    let mut engine = Engine::<M>::new(shrinker.config.clone(), shrinker.seed, shrinker.bugs);
    let mut world = World::<M>::new(true);
    let mut coverage = Coverage::new(0);
    let mut renamed: Vec<(M::Action, M::Action)> = Vec::new();
    let mut out = Vec::with_capacity(steps.len());
    let walked = crate::panic::catch(|| {
        for (index, step) in steps.iter().enumerate() {
            let drew = draws.get(index).map_or(&[][..], Vec::as_slice);
            let mut step = step.clone();
            if let (true, Some(message)) = (step.is_fault(), step.action())
                && let Some((_, to)) = renamed.iter().find(|(from, _)| from == message)
            {
                step = step.with_action(to.clone());
            }
            let outcome = world.take(&mut engine, &step, drew, &mut coverage);
            if let (Ok(Outcome::NotTaken(_)), Step::Deliver(message)) = (&outcome, &step) {
                let kind = M::action_kind(message);
                let same_kind = world
                    .waiting(engine.state())
                    .iter()
                    .find(|waiting| M::action_kind(waiting) == kind)
                    .cloned();
                if let Some(waiting) = same_kind {
                    renamed.push((message.clone(), waiting.clone()));
                    step = Step::Deliver(waiting);
                    let _ = world.take(&mut engine, &step, drew, &mut coverage);
                }
            }
            out.push(step);
            if outcome.is_err() {
                out.extend_from_slice(&steps[index + 1..]);
                return;
            }
        }
    });
    (walked.is_ok() && !renamed.is_empty()).then_some(out)
}
