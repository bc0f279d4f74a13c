//! The independent oracle: the best of the 21 five-card subsets, each scored by sorting,
//! written plainly and sharing nothing with the evaluator or its table builder.

use super::super::cards::{Card, rank, suit};

/// A five-card hand's value as (category 0..=8, tie-break ranks high to low), packed so that
/// comparing the numbers compares the hands.
pub fn score5(cards: [Card; 5]) -> u64 {
    let mut ranks: Vec<u8> = cards.iter().map(|&c| rank(c)).collect();
    ranks.sort_unstable_by(|a, b| b.cmp(a));
    let flush = cards.iter().all(|&c| suit(c) == suit(cards[0]));
    let distinct = {
        let mut d = ranks.clone();
        d.dedup();
        d.len() == 5
    };
    let straight_top = if distinct && ranks[0] - ranks[4] == 4 {
        Some(ranks[0])
    } else if ranks == [12, 3, 2, 1, 0] {
        Some(3)
    } else {
        None
    };
    // Groups of equal ranks, biggest group first, then higher rank first.
    let mut groups: Vec<(usize, u8)> = Vec::new();
    for &r in &ranks {
        match groups.iter_mut().find(|g| g.1 == r) {
            Some(g) => g.0 += 1,
            None => groups.push((1, r)),
        }
    }
    groups.sort_unstable_by(|a, b| b.cmp(a));
    let shape: Vec<usize> = groups.iter().map(|g| g.0).collect();
    let category = match (flush, straight_top, shape.as_slice()) {
        (true, Some(_), _) => 8,
        (_, _, [4, 1]) => 7,
        (_, _, [3, 2]) => 6,
        (true, None, _) => 5,
        (false, Some(_), _) => 4,
        (_, _, [3, 1, 1]) => 3,
        (_, _, [2, 2, 1]) => 2,
        (_, _, [2, 1, 1, 1]) => 1,
        _ => 0,
    };
    let tie_break: Vec<u8> = match straight_top {
        Some(top) if category == 8 || category == 4 => vec![top],
        _ => groups.iter().map(|g| g.1).collect(),
    };
    tie_break
        .iter()
        .fold(category as u64, |acc, &r| acc * 16 + u64::from(r))
        << (4 * (5 - tie_break.len()))
}

/// The category (0..=8) of a score from [`score5`].
pub fn category_of(score: u64) -> usize {
    (score >> 20) as usize
}

/// The best five-card score among seven cards: all 21 subsets.
pub fn best_of_7(cards: &[Card; 7]) -> u64 {
    let mut best = 0;
    for skip_a in 0..7 {
        for skip_b in skip_a + 1..7 {
            let mut five = [0; 5];
            let mut n = 0;
            for (i, &c) in cards.iter().enumerate() {
                if i != skip_a && i != skip_b {
                    five[n] = c;
                    n += 1;
                }
            }
            best = best.max(score5(five));
        }
    }
    best
}
