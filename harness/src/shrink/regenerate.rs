//! Regenerating the tail: keep a prefix of the case, let the bot play a shorter ending.
//!
//! Deleting steps cannot shorten a case whose steps set the stage for the next ones: remove
//! an early poker hand and the button, the stacks and the order of play all move, so every
//! later action is out of turn. This pass keeps the first `cut` steps (the seating, say)
//! and asks the model's own bot for an ending shorter than the one it replaces, its steps
//! drawing the case's later draws first (the failing hand's deck, dealt one hand earlier);
//! when the last kept step dealt a hand, it may take a later deck instead. The bot acts on
//! the state it sees, so its actions fit the new geometry. A generated case that breaks the same invariant goes through the same thorough
//! replay as every other candidate. Each try draws from a stream keyed by the case's seed,
//! the cut and the try's number, and the pass stops at [`MAX_DISPATCHES`], so it is as
//! deterministic and bounded as the rest.
//!
//! The kept prefix must be actions only, and the endings are the bot's actions without
//! faults: for a domain with an outbox, messages they leave waiting are delivered by the
//! drain at the end of the replay. A case that needs its faults keeps them through the other
//! passes.

use rewind_engine::{Draw, Engine, Model, Projection, RandomChoices, Step, run_seed, splitmix64};

use super::Shrinker;
use crate::check::NO_PANIC;

/// Endings tried per cut and per choice of draws, after a step that drew (a hand was just
/// dealt: where a new ending most often starts) and after any other step.
const TRIES_AFTER_A_DRAW: u64 = 2048;
const TRIES: u64 = 512;
/// Dispatches the pass may spend on generated endings, over all its tries.
const MAX_DISPATCHES: usize = 4_000_000;

/// A prefix replayed and ready to continue: the engine and the projections folded so far.
struct Stage<M: Model> {
    engine: Engine<M>,
    views: M::Projections,
}

impl<M: Model> Stage<M> {
    /// Replays `steps` (all actions) with `draws`; `None` when any step breaks an invariant
    /// or panics (the prefix must be clean for an ending to be the thing that breaks).
    fn replay(
        shrinker: &Shrinker<'_, M>,
        steps: &[Step<M::Action>],
        draws: &[Vec<Draw>],
    ) -> Option<Self> {
        crate::panic::catch(|| {
            let mut engine =
                Engine::<M>::new(shrinker.config.clone(), shrinker.seed, shrinker.bugs);
            engine.record_draws();
            let mut views = M::projections(shrinker.config, shrinker.bugs);
            for (step, (taken, drew)) in steps.iter().zip(draws).enumerate() {
                let Step::Act(action) = taken else {
                    return None;
                };
                let appended = engine
                    .dispatch_scripted(action.clone(), drew)
                    .unwrap_or(0..0);
                let events = &engine.events()[appended];
                for event in events {
                    views.fold(event);
                }
                if shrinker
                    .checks
                    .proving_invariants(engine.state(), &views, step, events)
                    .is_some()
                {
                    return None;
                }
            }
            Some(Stage { engine, views })
        })
        .ok()
        .flatten()
    }
}

/// Tries shorter endings after every cut: first after the steps that drew (a hand was just
/// dealt), shortest prefix first, then after the others. Returns how many steps the first
/// ending that still breaks the invariant saved (0 when none did).
pub(super) fn tails<M: Model>(shrinker: &mut Shrinker<'_, M>) -> usize {
    let before = shrinker.len();
    let mut spent = 0usize;
    let mut cuts: Vec<usize> = (1..before.saturating_sub(1)).collect();
    // A stable sort: the cuts after a step that drew first, each group shortest first.
    cuts.sort_by_key(|&cut| shrinker.draws[cut - 1].is_empty());
    for cut in cuts {
        let tries = if shrinker.draws[cut - 1].is_empty() {
            TRIES
        } else {
            TRIES_AFTER_A_DRAW
        };
        // The ending must be shorter than the one it replaces.
        let longest = before - cut - 1;
        for (kept, pool) in draw_choices(shrinker, cut) {
            let Some(stage) = Stage::replay(shrinker, &shrinker.steps[..cut], &kept) else {
                continue;
            };
            for attempt in 0..tries {
                if spent >= MAX_DISPATCHES || shrinker.out_of_attempts() {
                    return 0;
                }
                let key = run_seed(splitmix64(shrinker.seed ^ cut as u64), attempt);
                let (ending, used) = play_ending(shrinker, &stage, &pool, key, longest);
                spent += used;
                let Some((ending, drew)) = ending else {
                    continue;
                };
                let mut steps = shrinker.steps[..cut].to_vec();
                steps.extend(ending.into_iter().map(Step::Act));
                let mut draws = kept.clone();
                draws.extend(drew);
                if shrinker.accept(steps, &draws) {
                    return before - shrinker.len();
                }
            }
        }
    }
    0
}

/// What the prefix keeps and what the ending draws first, in the order tried: the case's
/// later draws, from each later step that drew (the failing step's own first), so the new
/// ending is dealt the cards that broke the rule; and, when the last kept step drew (dealt
/// a hand), that step taking a later step's draws instead. The ending draws fresh from the
/// seed once its pool runs out.
fn draw_choices<M: Model>(
    shrinker: &Shrinker<'_, M>,
    cut: usize,
) -> Vec<(Vec<Vec<Draw>>, Vec<Draw>)> {
    let kept = shrinker.draws[..cut].to_vec();
    let later: Vec<usize> = (cut..shrinker.len())
        .rev()
        .filter(|&step| !shrinker.draws[step].is_empty())
        .collect();
    let from = |step: usize| -> Vec<Draw> { shrinker.draws[step..].concat() };
    let mut choices: Vec<(Vec<Vec<Draw>>, Vec<Draw>)> = vec![(kept.clone(), Vec::new())];
    for &step in &later {
        choices.push((kept.clone(), from(step)));
        if !kept[cut - 1].is_empty() && shrinker.draws[step] != kept[cut - 1] {
            let mut moved = kept.clone();
            moved[cut - 1].clone_from(&shrinker.draws[step]);
            choices.push((moved, from(step + 1)));
        }
    }
    choices.dedup();
    choices
}

/// Plays up to `longest` bot actions on a copy of `stage`, its steps drawing from `pool`
/// first; the actions and what each drew when the target invariant broke at the last of
/// them, and the dispatches spent either way.
#[allow(clippy::type_complexity)]
fn play_ending<M: Model>(
    shrinker: &Shrinker<'_, M>,
    stage: &Stage<M>,
    pool: &[Draw],
    key: u64,
    longest: usize,
) -> (Option<(Vec<M::Action>, Vec<Vec<Draw>>)>, usize) {
    let mut engine = stage.engine.clone();
    let mut views = stage.views.clone();
    let mut choices = RandomChoices::new(key);
    // Every other try in swarm mode: some action kinds off, so that the few kinds an
    // ending needs come up more often.
    let mask = crate::run::swarm_mask::<M>(key, key % 2 == 1);
    let mut ending = Vec::new();
    let mut left = pool;
    let outcome = crate::panic::catch(|| {
        for _ in 0..longest {
            let action = crate::run::next_action::<M>(engine.state(), &mut choices, mask);
            ending.push(action.clone());
            let appended = engine.dispatch_scripted(action, left).unwrap_or(0..0);
            let events = &engine.events()[appended];
            for event in events {
                views.fold(event);
            }
            let step = engine.steps() - 1;
            left = &left[engine.step_draws(step).len().min(left.len())..];
            let found = shrinker
                .checks
                .proving_invariants(engine.state(), &views, step, events);
            if let Some(violation) = found {
                return violation.invariant == shrinker.invariant;
            }
        }
        false
    });
    let used = ending.len();
    let broke = match outcome {
        Ok(broke) => broke,
        Err(_) => shrinker.invariant == NO_PANIC,
    };
    let start = engine.steps() - used;
    let drew = (start..engine.steps())
        .map(|step| engine.step_draws(step).to_vec())
        .collect();
    (broke.then_some((ending, drew)), used)
}
