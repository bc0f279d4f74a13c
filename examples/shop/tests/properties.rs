use proptest::prelude::*;
use rewind::proptest::{check, config, steps};
use shop::Order;

proptest! {
    #![proptest_config(config(256))]
    #[test]
    fn every_order_keeps_every_invariant(sequence in steps::<Order>(60)) {
        check::<Order>(&sequence)?;
    }
}
