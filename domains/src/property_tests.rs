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

/// For a domain with an outbox, proptest's vector and libFuzzer's bytes drive the scheduler
/// as they drive the bot: the cases they make hold the world's steps too.
#[test]
fn proptest_and_fuzz_inputs_drive_the_scheduler() {
    use rewind::proptest::{Setup, bot_steps};
    use rewind::{Bugs, Step};
    let values: Vec<u32> = (0..480u32).map(|i| i.wrapping_mul(2_654_435_761)).collect();
    let case = bot_steps::<payments::Payments>(&Setup::default(), &values, 120);
    assert!(case.iter().any(Step::is_fault), "{case:?}");
    let bytes: Vec<u8> = values.iter().map(|&v| (v >> 24) as u8).collect();
    let fuzzed =
        rewind::harness::fuzz::play_bytes::<subscriptions::Subscriptions>(&bytes, Bugs::NONE);
    let steps = fuzzed.steps();
    assert!(steps.iter().any(Step::is_fault), "{steps:?}");
}
