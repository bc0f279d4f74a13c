//! The poker hand evaluator: 7-card evaluations per second over a million random hands drawn
//! beforehand, so only evaluation is timed.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rewind_domains::poker::eval::{evaluate7, warm_up};
use rewind_engine::SeededRng;

const HANDS: usize = 1_000_000;

/// `HANDS` random 7-card hands of distinct cards.
fn random_hands() -> Vec<[u8; 7]> {
    let mut rng = SeededRng::new(11, 0);
    let mut deck: Vec<u8> = (0..52).collect();
    (0..HANDS)
        .map(|_| {
            for i in 0..7 {
                let j = i + rng.below((52 - i) as u32) as usize;
                deck.swap(i, j);
            }
            let mut hand = [0; 7];
            hand.copy_from_slice(&deck[..7]);
            hand
        })
        .collect()
}

fn evaluator(c: &mut Criterion) {
    warm_up();
    let hands = random_hands();
    let mut group = c.benchmark_group("evaluator");
    group.throughput(Throughput::Elements(HANDS as u64));
    group.bench_function("evaluate7, random hands", |b| {
        b.iter(|| {
            black_box(&hands)
                .iter()
                .map(|hand| u32::from(evaluate7(hand).0))
                .sum::<u32>()
        })
    });
    group.finish();
}

criterion_group!(benches, evaluator);
criterion_main!(benches);
