//! The evaluator against the brute-force oracle and against the exact category counts.

use std::cmp::Ordering;

use rewind::SeededRng;

use super::oracle::{best_of_7, category_of};
use super::{Category, Hand, Strength, evaluate, evaluate7};
use crate::poker::cards::{Card, parse};

fn random_hand(rng: &mut SeededRng) -> [Card; 7] {
    let mut deck: [Card; 52] = std::array::from_fn(|i| i as Card);
    // A partial Fisher-Yates: the first seven cards of a shuffled deck.
    for i in 0..7 {
        let j = i + rng.below((52 - i) as u32) as usize;
        deck.swap(i, j);
    }
    [
        deck[0], deck[1], deck[2], deck[3], deck[4], deck[5], deck[6],
    ]
}

#[test]
fn agrees_with_the_oracle_on_a_million_random_hands() {
    let mut rng = SeededRng::new(2026, 0);
    let mut previous: Option<(Strength, u64)> = None;
    for _ in 0..1_000_000 {
        let hand = random_hand(&mut rng);
        let mine = evaluate7(&hand);
        let oracle = best_of_7(&hand);
        assert_eq!(mine.category() as usize, category_of(oracle), "{hand:?}");
        if let Some((prev_mine, prev_oracle)) = previous {
            let a: Ordering = mine.cmp(&prev_mine);
            assert_eq!(
                a,
                oracle.cmp(&prev_oracle),
                "{hand:?} against the hand before"
            );
        }
        previous = Some((mine, oracle));
    }
}

#[test]
fn counts_every_category_over_all_133_784_560_hands() {
    let mut counts = [0u64; 9];
    for a in 0..46u8 {
        let ha = Hand::EMPTY.with(a);
        for b in a + 1..47 {
            let hb = ha.with(b);
            for c in b + 1..48 {
                let hc = hb.with(c);
                for d in c + 1..49 {
                    let hd = hc.with(d);
                    for e in d + 1..50 {
                        let he = hd.with(e);
                        for f in e + 1..51 {
                            let hf = he.with(f);
                            for g in f + 1..52 {
                                counts[hf.with(g).strength().category() as usize] += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(
        counts,
        [
            23_294_460, 58_627_800, 31_433_400, 6_461_620, 6_180_020, 4_047_644, 3_473_184,
            224_848, 41_584
        ]
    );
}

fn cards(text: &str) -> Vec<Card> {
    text.split_whitespace().map(|c| parse(c).unwrap()).collect()
}

#[test]
fn known_hands_rank_as_the_rulebook_says() {
    let royal = evaluate(&cards("As Ks Qs Js Ts 2c 3d"));
    assert_eq!(royal, Strength(7462));
    assert_eq!(royal.category(), Category::StraightFlush);
    let wheel = evaluate(&cards("Ah 2c 3d 4s 5h Kc Kd"));
    assert_eq!(wheel.category(), Category::Straight);
    let six_high = evaluate(&cards("6h 2c 3d 4s 5h Kc Kd"));
    assert!(six_high > wheel);
    let worst = evaluate(&cards("2c 3d 4h 5s 7c"));
    assert_eq!(worst, Strength(1));
    assert_eq!(worst.category(), Category::HighCard);
    // Two pair on a paired board plays the best kicker.
    let a = evaluate(&cards("Ac 2d Kh Ks 9c 9d 3h"));
    let b = evaluate(&cards("Qc 2d Kh Ks 9c 9d 3h"));
    assert!(a > b);
    // The best five of seven: a split when both play the board.
    let board = "Ah Kh Qh Jh Th";
    assert_eq!(
        evaluate(&cards(&format!("{board} 2c 3c"))),
        evaluate(&cards(&format!("{board} 4d 5d")))
    );
    // Full house from two trips takes the higher trips.
    let fh = evaluate(&cards("9c 9d 9h 4c 4d 4h 2s"));
    assert_eq!(fh, evaluate(&cards("9c 9d 9h 4c 4d")));
    assert_eq!(fh.category(), Category::FullHouse);
    // Six-card and five-card hands use the same tables.
    assert_eq!(
        evaluate(&cards("2c 2d 2h 2s 3c 4c")).category(),
        Category::Quads
    );
}
