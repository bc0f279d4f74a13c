//! Renumbering: the ids a model declares ([`Model::rename_ids`]) mapped down consistently
//! across the whole case, so a log names seats 0 and 1 rather than 7 and 5.

use std::collections::BTreeMap;

use rewind_engine::Model;

use super::Shrinker;

/// The distinct ids of each kind, in order of first appearance.
fn ids_by_kind<M: Model>(actions: &[M::Action]) -> BTreeMap<&'static str, Vec<u64>> {
    let mut found: BTreeMap<&'static str, Vec<u64>> = BTreeMap::new();
    for action in actions {
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

/// The case's actions with every id of `kind` renamed through `map`.
fn renamed<M: Model>(
    actions: &[M::Action],
    kind: &str,
    map: &BTreeMap<u64, u64>,
) -> Vec<M::Action> {
    actions
        .iter()
        .map(|action| {
            let mut action = action.clone();
            M::rename_ids(&mut action, &mut |of, id| {
                if of == kind {
                    map.get(&id).copied().unwrap_or(id)
                } else {
                    id
                }
            });
            action
        })
        .collect()
}

/// For each kind of id, tries mapping its ids onto 0, 1, 2, ...: first keeping their order
/// (the relative positions of seats can matter), then in order of first appearance; then
/// both again from 1, for domains whose ids start there. Returns how many kinds it
/// renumbered.
pub(super) fn ids<M: Model>(shrinker: &mut Shrinker<'_, M>) -> usize {
    let mut renumbered = 0;
    for (kind, appearing) in ids_by_kind::<M>(&shrinker.actions) {
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
            let actions = renamed::<M>(&shrinker.actions, kind, &map);
            let draws = shrinker.draws.clone();
            if shrinker.accept(actions, &draws) {
                renumbered += 1;
                break;
            }
        }
    }
    renumbered
}
