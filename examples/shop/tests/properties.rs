use proptest::prelude::*;
use rewind::proptest::{actions, check, config};
use shop::Order;

proptest! {
    #![proptest_config(config(256))]
    #[test]
    fn every_order_keeps_every_invariant(actions in actions::<Order>(60)) {
        check::<Order>(&actions)?;
    }
}
