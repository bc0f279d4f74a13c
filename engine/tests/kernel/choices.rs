//! `Choices`: the helpers a bot draws through, under the simulation and proptest drivers.

use rewind_engine::{Choices, RandomChoices, ReplayedChoices};

#[test]
fn the_same_seed_makes_the_same_choices() {
    let draw = |seed| {
        let mut driver = RandomChoices::new(seed);
        let choices: &mut dyn Choices = &mut driver;
        (0..32).map(|_| choices.below(1000)).collect::<Vec<_>>()
    };
    assert_eq!(draw(1), draw(1));
    assert_ne!(draw(1), draw(2));
}

#[test]
fn between_reaches_both_ends_of_a_narrow_span() {
    let mut driver = RandomChoices::new(5);
    let choices: &mut dyn Choices = &mut driver;
    let drawn: Vec<u64> = (0..500).map(|_| choices.between(10, 13)).collect();
    for value in 10..=13 {
        assert!(drawn.contains(&value), "{value} never drawn");
    }
    assert!(drawn.iter().all(|value| (10..=13).contains(value)));
}

#[test]
fn between_reaches_both_ends_of_a_wide_span() {
    // `between` promises `low..=high`. A replayed driver answering every question with its
    // largest value must give `high`, and one out of answers gives `low`.
    let all_high = [u32::MAX; 8];
    for (low, high) in [
        (0, u64::MAX),
        (1, u64::MAX),
        (0, i64::MAX as u64),
        (5, u64::from(u32::MAX) + 5),
        (0, u64::from(u32::MAX)),
    ] {
        let mut driver = ReplayedChoices::new(&all_high);
        let choices: &mut dyn Choices = &mut driver;
        assert_eq!(choices.between(low, high), high, "between({low}, {high})");
        let mut empty = ReplayedChoices::new(&[]);
        let choices: &mut dyn Choices = &mut empty;
        assert_eq!(choices.between(low, high), low, "between({low}, {high})");
    }
}

#[test]
fn between_of_a_wide_span_stays_inside_it() {
    let mut driver = RandomChoices::new(6);
    let choices: &mut dyn Choices = &mut driver;
    for _ in 0..1000 {
        let value = choices.between(1 << 40, 1 << 41);
        assert!(((1 << 40)..=(1 << 41)).contains(&value));
    }
}

#[test]
fn replayed_choices_take_each_value_modulo_the_bound() {
    let values = [7, 10, 3];
    let mut driver = ReplayedChoices::new(&values);
    let choices: &mut dyn Choices = &mut driver;
    assert_eq!(choices.below(4), 3);
    assert_eq!(*choices.pick(&["a", "b", "c"]), "b");
    assert!(!choices.exhausted());
    assert_eq!(choices.weighted(&[1, 0, 1, 5]), 3);
    assert!(choices.exhausted());
    assert_eq!(
        choices.below(9),
        0,
        "an exhausted driver gives the first option"
    );
}
