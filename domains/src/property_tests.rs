//! A property test per showcase: proptest drives each bot through `rewind::proptest`, and
//! every sequence keeps every invariant and every generic check.

use proptest::prelude::*;
use rewind::proptest::{check, config, steps};

use crate::{accounts, payments, poker, poll, subscriptions};

/// One property test per domain: a line `name: Type,` each.
macro_rules! every_invariant_holds {
    ($($test:ident: $domain:ty,)*) => {$(
        proptest! {
            #![proptest_config(config(128))]
            #[test]
            fn $test(sequence in steps::<$domain>(120)) {
                check::<$domain>(&sequence)?;
            }
        }
    )*};
}

every_invariant_holds! {
    poll_keeps_every_invariant: poll::Poll,
    payments_keeps_every_invariant: payments::Payments,
    accounts_keeps_every_invariant: accounts::Accounts,
    subscriptions_keeps_every_invariant: subscriptions::Subscriptions,
    poker_keeps_every_invariant: poker::Poker,
}
