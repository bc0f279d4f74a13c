//! Unit checks beside the code: the bot under the engine keeps every invariant, replay
//! rebuilds state, and each planted bug trips the invariant it is meant to.

use rewind::{Bugs, Engine, Model, RandomChoices};

use super::*;

#[test]
fn the_bot_keeps_every_invariant() {
    crate::self_check::assert_clean_and_covering::<Accounts>(300, 200, &[]);
}

#[test]
fn every_planted_bug_is_caught_by_its_invariant() {
    let expected = [
        Some("lock_only_after_max_failures_in_window"),
        Some("locked_account_issues_nothing"),
        Some("lives_equal_grants_minus_spends"),
        Some("lives_never_negative"),
        Some("stream_versions_increase"),
        None, // bonus_granted_twice: only a redelivery reveals it
        None, // bonus_record_in_memory: only a restart, then a redelivery
        None, // death_expects_nothing: only concurrent clients
        None, // login_retry_resends: only concurrent clients
    ];
    crate::self_check::assert_each_bug_caught_by::<Accounts>(&expected, 300, 200);
}

#[test]
fn passwords_hash_per_user_and_never_equal_their_text() {
    assert_eq!(hash_password(1, "hunter22"), hash_password(1, "hunter22"));
    assert_ne!(hash_password(1, "hunter22"), hash_password(2, "hunter22"));
    assert_ne!(hash_password(1, "hunter22"), hash_password(1, "hunter23"));
}

#[test]
fn shrinking_offers_only_simpler_different_actions() {
    let action = AccountAction::PayForLives {
        user: 2,
        lives: 7,
        expected_version: Some(3),
    };
    let simpler = Accounts::shrink_action(&action);
    assert!(!simpler.is_empty());
    assert!(!simpler.contains(&action));
    assert_eq!(
        Accounts::shrink_action(&AccountAction::Tick { by: 1 }),
        vec![]
    );
}

#[test]
fn literal_passwords_are_truncated_to_capacity() {
    assert_eq!(AccountAction::password("hunter22").as_str(), "hunter22");
    let long = AccountAction::password("averyveryverylongpassword");
    assert_eq!(long.len(), PASSWORD_CAPACITY);
    assert!("averyveryverylongpassword".starts_with(long.as_str()));
}

/// A fixed seed's event log hash, pinned: a silent change of the rules or the bot fails here.
/// If a change is intended, update the constant and say why in the commit.
#[test]
fn golden_event_log_hash() {
    let mut engine = Engine::<Accounts>::new(AccountsConfig::default(), 2024, Bugs::NONE);
    let mut choices = RandomChoices::new(2024);
    for _ in 0..2_000 {
        let action = Accounts::next_action(engine.state(), &mut choices);
        let _ = engine.dispatch(action);
    }
    assert_eq!(
        format!("{:#018x}", rewind::hash_events(engine.events())),
        "0x065fa3b83edf4ad9"
    );
}
