//! The scheduler: at each step, the bot's next action or something the world does.
//!
//! One draw of `below(100)` per step picks the kind of step, then a second picks which
//! message when there is a choice. The low numbers mean the bot acts, so a driver that gives
//! zeros (an exhausted fuzz input, a shrunk proptest vector) plays the simplest schedule.
//! A domain with concurrent clients draws one more `below(100)` first: its high numbers
//! begin a client's command or commit one.

use rewind_engine::{Choices, Model, Step};

use super::{MAX_DELIVERIES, MAX_RESTARTS, World};

/// Out of 100: below `ACT` the bot acts (when a message may wait), below `DELIVER` the bus
/// delivers, below `REDELIVER` it delivers a message again, and the rest restarts.
const ACT: u32 = 50;
const DELIVER: u32 = 90;
const REDELIVER: u32 = 98;
/// Of the deliveries, those below this are of the oldest message; the rest of any message.
const IN_ORDER: u32 = 70;
/// Out of 100, for a domain with concurrent clients: from `BEGIN` an idle client begins the
/// bot's next action, from `COMMIT` a busy client commits.
const BEGIN: u32 = 76;
const COMMIT: u32 = 88;

/// The next step; the world has just looked at the outbox.
pub(super) fn next_step<M: Model>(
    world: &mut World<M>,
    choices: &mut dyn Choices,
    bot: impl FnOnce(&mut dyn Choices) -> M::Action,
) -> Step<M::Action> {
    if world.schedule_clients {
        let roll = choices.below(100);
        if roll >= COMMIT {
            let pick = match world.busy_clients().count() {
                0 => None,
                1 => world.busy_clients().next(),
                n => world.busy_clients().nth(choices.below(n as u32) as usize),
            };
            if let Some(client) = pick {
                return Step::Commit(client);
            }
        } else if roll >= BEGIN
            && let Some(client) = world.idle_client()
        {
            return Step::Begin {
                client,
                action: bot(choices),
            };
        }
    }
    let faults = world.faults;
    // Messages the bus has given up on (delivered too often) wait for ever.
    let waits =
        |world: &World<M>, message: &M::Action| world.times_delivered(message) < MAX_DELIVERIES;
    if !faults.any() {
        // The oldest that waits, found without listing the others.
        return match world.outbox.iter().find(|message| waits(world, message)) {
            Some(oldest) => Step::Deliver(oldest.clone()),
            None => Step::Act(bot(choices)),
        };
    }
    let deliverable: Vec<usize> = (0..world.outbox.len())
        .filter(|&index| waits(world, &world.outbox[index]))
        .collect();
    let roll = choices.below(100);
    if roll >= REDELIVER && faults.restart && world.restarts < MAX_RESTARTS {
        return Step::Restart;
    }
    if (DELIVER..REDELIVER).contains(&roll) && faults.duplicate {
        let again: Vec<usize> = (0..world.delivered.len())
            .filter(|&index| world.delivered[index].times < MAX_DELIVERIES)
            .collect();
        if !again.is_empty() {
            let index = again[choices.below(again.len() as u32) as usize];
            return Step::Redeliver(world.delivered[index].message.clone());
        }
    }
    if !deliverable.is_empty() && (roll >= ACT || !faults.delay) {
        let pick = if faults.reorder && roll >= IN_ORDER && deliverable.len() > 1 {
            choices.below(deliverable.len() as u32) as usize
        } else {
            0
        };
        return Step::Deliver(world.outbox[deliverable[pick]].clone());
    }
    Step::Act(bot(choices))
}
