//! `Coverage`: counts per label, merged across runs.

use rewind_engine::Coverage;

#[test]
fn hits_are_counted_per_label_and_out_of_range_ones_ignored() {
    let mut coverage = Coverage::new(3);
    coverage.hit(0);
    coverage.hit(2);
    coverage.hit(2);
    coverage.hit(3);
    assert_eq!(coverage.counts(), &[1, 0, 2]);
}

#[test]
fn merging_adds_counts_and_grows_to_the_longer_list() {
    let mut short = Coverage::new(1);
    short.hit(0);
    let mut long = Coverage::new(3);
    long.hit(0);
    long.hit(2);
    short.merge(&long);
    assert_eq!(short.counts(), &[2, 0, 1]);
    long.merge(&Coverage::default());
    assert_eq!(long.counts(), &[1, 0, 1]);
}
