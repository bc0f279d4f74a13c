//! Renumbering: the ids a model declares ([`Model::rename_ids`]) mapped down consistently
//! across the whole case, so a log names seats 0 and 1 rather than 7 and 5. Delivered
//! messages are renamed with the actions that sent them, so they still match. Concurrent
//! clients are renumbered too, from 1 in order of first appearance.

use std::collections::BTreeMap;

use rewind_engine::{Model, Step};

use super::Shrinker;

/// The distinct ids of each kind, in order of first appearance.
fn ids_by_kind<M: Model>(steps: &[Step<M::Action>]) -> BTreeMap<&'static str, Vec<u64>> {
    let mut found: BTreeMap<&'static str, Vec<u64>> = BTreeMap::new();
    for action in steps.iter().filter_map(Step::action) {
        let mut action = action.clone();
        M::rename_ids(&mut action, &mut |kind, id| {
            let ids = found.entry(kind).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
            id
        });
    }
    found
}

/// The case's steps with every id of `kind` renamed through `map`.
fn renamed<M: Model>(
    steps: &[Step<M::Action>],
    kind: &str,
    map: &BTreeMap<u64, u64>,
) -> Vec<Step<M::Action>> {
    let mut steps = steps.to_vec();
    for action in steps.iter_mut().filter_map(Step::action_mut) {
        M::rename_ids(action, &mut |of, id| {
            if of == kind {
                map.get(&id).copied().unwrap_or(id)
            } else {
                id
            }
        });
    }
    steps
}

/// For each kind of id, tries mapping its ids onto 0, 1, 2, ...: first keeping their order
/// (the relative positions of seats can matter), then in order of first appearance; then
/// both again from 1, for domains whose ids start there. Returns how many kinds it
/// renumbered.
pub(super) fn ids<M: Model>(shrinker: &mut Shrinker<'_, M>) -> usize {
    let mut renumbered = 0;
    for (kind, appearing) in ids_by_kind::<M>(&shrinker.steps) {
        let mut sorted = appearing.clone();
        sorted.sort_unstable();
        let orders = [&sorted, &appearing];
        for (first, order) in [0, 1]
            .into_iter()
            .flat_map(|first| orders.map(|o| (first, o)))
        {
            let map: BTreeMap<u64, u64> = order.iter().copied().zip(first..).collect();
            // Only ever downwards (the ids in order of appearance compare lower), so two
            // mappings cannot undo each other round after round.
            let renamed_order: Vec<u64> = appearing.iter().map(|id| map[id]).collect();
            if renamed_order >= appearing || shrinker.out_of_attempts() {
                continue;
            }
            let steps = renamed::<M>(&shrinker.steps, kind, &map);
            let draws = shrinker.draws.clone();
            if shrinker.accept(steps, &draws) {
                renumbered += 1;
                break;
            }
        }
    }
    renumbered
}

/// Renumbers the concurrent clients from 1 in order of first appearance, when they are not
/// already; clients are alike, so this only fails to hold for a case that names a client
/// past the bound. Returns 1 when it renumbered them.
pub(super) fn clients<M: Model>(shrinker: &mut Shrinker<'_, M>) -> usize {
    let mut appearing: Vec<u32> = Vec::new();
    for client in shrinker.steps.iter().filter_map(Step::client) {
        if !appearing.contains(&client) {
            appearing.push(client);
        }
    }
    let renumbered: Vec<u32> = (1..).take(appearing.len()).collect();
    if appearing == renumbered || shrinker.out_of_attempts() {
        return 0;
    }
    let new = |client: u32| {
        appearing
            .iter()
            .position(|&c| c == client)
            .map_or(client, |at| at as u32 + 1)
    };
    let steps = shrinker
        .steps
        .iter()
        .map(|step| match step {
            Step::Begin { client, action } => Step::Begin {
                client: new(*client),
                action: action.clone(),
            },
            Step::Commit(client) => Step::Commit(new(*client)),
            other => other.clone(),
        })
        .collect();
    let draws = shrinker.draws.clone();
    usize::from(shrinker.accept(steps, &draws))
}
