//! Aggregate ids under simulation: `<TYPE>-<n>`, chosen by the bot and renumbered by the
//! shrinker.

use cqrs_es::Aggregate;

use super::Aggregates;
use crate::{Choices, StableHasher, Stream};

/// The id of the `index`-th instance of `A` a run addresses: `account-0`, `account-1`, ...
/// after the aggregate's `TYPE`. Readable, and renumbered by the shrinker so a shrunk log
/// starts from `-0`. The module's example shows one.
pub fn aggregate_id<A: Aggregate>(index: u64) -> String {
    format!("{}-{index}", A::TYPE)
}

/// The index of an id made by [`aggregate_id`]; `None` for any other string.
fn index_of<A: Aggregate>(id: &str) -> Option<u64> {
    let digits = id.strip_prefix(A::TYPE)?.strip_prefix('-')?;
    // Only the digits `aggregate_id` writes: no sign, and no leading zero (`account-07` is
    // not one of its ids, so it is left as written). Checked without formatting the id
    // again: the version check asks this of every event since a client's decision.
    let canonical =
        digits.bytes().all(|b| b.is_ascii_digit()) && (digits == "0" || !digits.starts_with('0'));
    if !canonical {
        return None;
    }
    digits.parse::<u64>().ok()
}

/// The stream of the instance `id`: the one cqrs-es's sequence check covers. Named by the
/// aggregate's `TYPE` and the id's index (`account-3`), or by a hash of any other id.
pub(super) fn stream_of<A: Aggregate>(id: &str) -> Stream {
    let index = index_of::<A>(id).unwrap_or_else(|| {
        let mut hasher = StableHasher::default();
        hasher.write(id.as_bytes());
        hasher.finish()
    });
    Stream::new(A::TYPE, index)
}

/// Passes an aggregate id through a shrinker's renumbering (`Model::rename_ids`), under the
/// kind `"aggregate"`. For an id stored in a command too (`OpenAccount { account_id }`), call
/// it from [`AggregateModel::rename_ids`](super::AggregateModel::rename_ids), so both stay
/// the same. An id not made by [`aggregate_id`] is left alone.
pub fn rename_aggregate_id<A: Aggregate>(
    id: &mut String,
    rename: &mut dyn FnMut(&'static str, u64) -> u64,
) {
    if let Some(index) = index_of::<A>(id) {
        *id = aggregate_id::<A>(rename("aggregate", index));
    }
}

/// While there are fewer than `AGGREGATES` instances, one command in this many goes to an id
/// with no events yet.
const NEW_ID_ONE_IN: u32 = 16;
/// Once there are `AGGREGATES`, one command in this many still goes to an id with no events:
/// a deposit into an account nobody opened.
const UNKNOWN_ID_ONE_IN: u32 = 32;

/// The id the bot's next command goes to: mostly an instance that has events (any of them,
/// evenly), and now and then an id with none, which loads as a new aggregate: one time in
/// [`NEW_ID_ONE_IN`] while there are fewer than `most` instances, one in
/// [`UNKNOWN_ID_ONE_IN`] after. A command may open that one too, so a run has at most
/// `most + 1` instances. The simplest choice (every draw 0) is the first instance.
pub(super) fn choose_id<A: Aggregate>(
    aggregates: &Aggregates<A>,
    most: usize,
    choices: &mut dyn Choices,
) -> String {
    let known = aggregates.len();
    let fresh = match known {
        0 => true,
        _ if known < most => choices.weighted(&[NEW_ID_ONE_IN - 1, 1]) == 1,
        _ if known == most => choices.weighted(&[UNKNOWN_ID_ONE_IN - 1, 1]) == 1,
        _ => false,
    };
    if fresh {
        return aggregate_id::<A>(known as u64);
    }
    let pick = choices.below(u32::try_from(known).unwrap_or(u32::MAX)) as usize;
    aggregates
        .iter()
        .nth(pick)
        .map_or_else(|| aggregate_id::<A>(0), |(id, _)| id.to_string())
}
