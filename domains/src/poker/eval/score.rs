//! Plain scoring used once, to build the tables: a hand's value as
//! `category << 20 | ranks as nibbles`, computed from rank counts (no flush) or from one
//! suit's rank mask (flush). Slow and obvious on purpose; the tables make it fast.

/// `category << 20 | r1 << 16 | r2 << 12 | ...`: compares like the hands it scores.
pub(super) fn pack(category: u32, ranks: &[u8]) -> u32 {
    let mut score = category << 20;
    for (i, &r) in ranks.iter().enumerate() {
        score |= u32::from(r) << (16 - 4 * i);
    }
    score
}

/// The top rank of the highest straight in a 13-bit rank mask (the wheel's top is the five).
pub(super) fn straight_top(mask: u16) -> Option<u8> {
    for top in (4..13u8).rev() {
        let run = 0x1Fu16 << (top - 4);
        if mask & run == run {
            return Some(top);
        }
    }
    let wheel = 0x100F; // A, 2, 3, 4, 5
    (mask & wheel == wheel).then_some(3)
}

/// The `n` highest ranks present in `mask` other than those in `except`.
fn highest(mask: u16, except: u16, n: usize) -> Vec<u8> {
    (0..13u8)
        .rev()
        .filter(|&r| mask & (1 << r) != 0 && except & (1 << r) == 0)
        .take(n)
        .collect()
}

/// The best non-flush five-card value among cards with these rank counts (5 to 7 cards).
pub(super) fn score_counts(counts: &[u8; 13]) -> u32 {
    let present: u16 = (0..13).filter(|&r| counts[r] > 0).map(|r| 1 << r).sum();
    let with = |n: u8| -> Vec<u8> {
        (0..13u8)
            .rev()
            .filter(|&r| counts[usize::from(r)] == n)
            .collect()
    };
    let (quads, trips, pairs) = (with(4), with(3), with(2));
    if let Some(&q) = quads.first() {
        return pack(7, &[q, highest(present, 1 << q, 1)[0]]);
    }
    if let Some(&t) = trips.first() {
        let pair = trips.iter().skip(1).chain(pairs.iter()).copied().max();
        if let Some(p) = pair {
            return pack(6, &[t, p]);
        }
    }
    if let Some(top) = straight_top(present) {
        return pack(4, &[top]);
    }
    if let Some(&t) = trips.first() {
        let mut ranks = vec![t];
        ranks.extend(highest(present, 1 << t, 2));
        return pack(3, &ranks);
    }
    if pairs.len() >= 2 {
        let (a, b) = (pairs[0], pairs[1]);
        let mut ranks = vec![a, b];
        ranks.extend(highest(present, (1 << a) | (1 << b), 1));
        return pack(2, &ranks);
    }
    if let Some(&p) = pairs.first() {
        let mut ranks = vec![p];
        ranks.extend(highest(present, 1 << p, 3));
        return pack(1, &ranks);
    }
    pack(0, &highest(present, 0, 5))
}

/// The best value of a flush whose suit holds the ranks in `mask` (five or more bits).
pub(super) fn score_flush(mask: u16) -> u32 {
    match straight_top(mask) {
        Some(top) => pack(8, &[top]),
        None => pack(5, &highest(mask, 0, 5)),
    }
}

/// Every distinct five-card value, ascending: 7462 of them.
pub(super) fn all_values() -> Vec<u32> {
    let mut values = Vec::with_capacity(8192);
    for_each_counts(5, &mut |counts| values.push(score_counts(counts)));
    for mask in 0u16..1 << 13 {
        if mask.count_ones() == 5 {
            values.push(score_flush(mask));
        }
    }
    values.sort_unstable();
    values.dedup();
    values
}

/// Calls `visit` with every way to hold `cards` cards as rank counts (at most 4 per rank).
pub(super) fn for_each_counts(cards: u8, visit: &mut dyn FnMut(&[u8; 13])) {
    fn walk(rank: usize, left: u8, counts: &mut [u8; 13], visit: &mut dyn FnMut(&[u8; 13])) {
        if rank == 13 {
            if left == 0 {
                visit(counts);
            }
            return;
        }
        for n in 0..=left.min(4) {
            counts[rank] = n;
            walk(rank + 1, left - n, counts, visit);
        }
        counts[rank] = 0;
    }
    walk(0, cards, &mut [0; 13], visit);
}
