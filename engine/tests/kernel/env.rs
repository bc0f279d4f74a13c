//! `Env`: reproducible draws, forks independent of the shared stream, planted bugs.

use rewind_engine::{Bug, BugId, Bugs, Choices, Draw, Draws, Engine, Env, RandomChoices};

use crate::ledger::{
    DOUBLE_DEPOSIT, Ledger, LedgerAction, LedgerConfig, LedgerEvent, WITHDRAW_IGNORED,
};
use crate::ledger_model::BUGS;

fn draws(mut rng: Draws<'_>, n: usize) -> Vec<u64> {
    (0..n).map(|_| rng.next_u64()).collect()
}

#[test]
fn the_same_seed_draws_the_same_numbers() {
    let mut a = Env::new(42, Bugs::NONE);
    let mut b = Env::new(42, Bugs::NONE);
    let mut c = Env::new(43, Bugs::NONE);
    let first = draws(a.rng(), 16);
    assert_eq!(first, draws(b.rng(), 16));
    assert_ne!(first, draws(c.rng(), 16));
    assert_eq!(a.seed(), 42);
    // A clone continues the stream where the original stands.
    let mut clone = a.clone();
    assert_eq!(draws(clone.rng(), 4), draws(a.rng(), 4));
}

#[test]
fn a_fork_ignores_the_shared_stream_and_its_position() {
    let mut env = Env::new(42, Bugs::NONE);
    let before = draws(env.fork(7), 8);
    let shared = draws(env.rng(), 100);
    assert_eq!(draws(env.fork(7), 8), before, "drawing moved the fork");
    assert_ne!(before, shared[..8], "the fork replays the shared stream");
    assert_ne!(draws(env.fork(8), 8), before, "keys 7 and 8 share a stream");
    assert_ne!(
        draws(Env::new(43, Bugs::NONE).fork(7), 8),
        before,
        "the fork ignores the seed"
    );
}

#[test]
fn a_forked_draw_is_stable_when_other_draws_change_and_a_shared_one_is_not() {
    let run = |actions: &[LedgerAction]| {
        let mut engine = Engine::<Ledger>::new(LedgerConfig::default(), 99, Bugs::NONE);
        for action in actions {
            engine.dispatch(action.clone()).unwrap();
        }
        engine.events().last().cloned().unwrap()
    };
    let lottery = LedgerAction::Lottery { account: 0 };
    let raffle = LedgerAction::Raffle { key: 3 };

    let alone = run(std::slice::from_ref(&raffle));
    let after_draws = run(&[lottery.clone(), lottery.clone(), raffle.clone()]);
    assert_eq!(alone, after_draws);

    let first = run(std::slice::from_ref(&lottery));
    let second = run(&[lottery.clone(), lottery]);
    let draw = |event: LedgerEvent| match event {
        LedgerEvent::Won { draw, .. } => draw,
        other => panic!("unexpected {other:?}"),
    };
    assert_ne!(draw(first), draw(second), "the shared stream did not move");
}

#[test]
fn the_bot_and_the_domain_draw_from_different_streams() {
    let mut bot = RandomChoices::new(42);
    let bot: &mut dyn Choices = &mut bot;
    let mut env = Env::new(42, Bugs::NONE);
    let from_bot: Vec<u32> = (0..16).map(|_| bot.below(u32::MAX)).collect();
    let from_env: Vec<u32> = (0..16).map(|_| env.rng().below(u32::MAX)).collect();
    assert_ne!(from_bot, from_env);
}

#[test]
fn planted_bugs_are_seen_by_decide_and_apply() {
    let env = Env::new(1, Bugs::NONE.with(DOUBLE_DEPOSIT));
    assert!(env.planted(DOUBLE_DEPOSIT));
    assert!(!env.planted(WITHDRAW_IGNORED));
    assert_eq!(env.bugs(), Bugs::NONE.with(DOUBLE_DEPOSIT));

    let deposit = LedgerAction::Deposit {
        account: 0,
        amount: 10,
    };
    let mut doubled = Engine::<Ledger>::new(LedgerConfig::default(), 1, env.bugs());
    doubled.dispatch(deposit.clone()).unwrap();
    assert_eq!(
        doubled.events(),
        &[LedgerEvent::Deposited {
            account: 0,
            amount: 20
        }]
    );

    let withdraw = LedgerAction::Withdraw {
        account: 0,
        amount: 4,
    };
    let mut ignored = Engine::<Ledger>::new(
        LedgerConfig::default(),
        1,
        Bugs::NONE.with(WITHDRAW_IGNORED),
    );
    ignored.dispatch(deposit.clone()).unwrap();
    ignored.dispatch(withdraw.clone()).unwrap();
    assert_eq!(ignored.state().balance(0), 10);

    let mut correct = Engine::<Ledger>::new(LedgerConfig::default(), 1, Bugs::NONE);
    correct.dispatch(deposit).unwrap();
    correct.dispatch(withdraw).unwrap();
    assert_eq!(correct.state().balance(0), 6);
}

#[test]
fn bugs_are_found_by_name_and_listed_by_id() {
    for (index, bug) in BUGS.iter().enumerate() {
        assert_eq!(bug.id, BugId(index as u8));
    }
    let found: Option<&Bug> = Bugs::find(BUGS, "withdraw_ignored");
    assert_eq!(found.map(|bug| bug.id), Some(WITHDRAW_IGNORED));
    assert!(Bugs::find(BUGS, "withdraw").is_none());
    let both = Bugs::NONE.with(DOUBLE_DEPOSIT).with(WITHDRAW_IGNORED);
    assert!(both.has(DOUBLE_DEPOSIT) && both.has(WITHDRAW_IGNORED));
    assert!(!both.has(BugId(2)));
    assert!(Bugs::NONE.is_empty() && !both.is_empty());
}

fn raffled(engine: &Engine<Ledger>) -> u64 {
    match engine.events().last() {
        Some(LedgerEvent::Raffled { draw, .. }) => *draw,
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_scripted_step_draws_what_was_scripted_and_the_engine_keeps_it() {
    let mut engine = Engine::<Ledger>::new(LedgerConfig::default(), 99, Bugs::NONE);
    engine
        .dispatch_scripted(LedgerAction::Raffle { key: 3 }, &[Draw::Number(5)])
        .unwrap();
    assert_eq!(raffled(&engine), 5);
    assert_eq!(engine.step_draws(0), [Draw::Number(5)]);
    // Unscripted steps after it draw from the seed, and are kept too.
    engine.dispatch(LedgerAction::Raffle { key: 3 }).unwrap();
    let fresh = raffled(&engine);
    assert_eq!(engine.step_draws(1), [Draw::Number(fresh)]);
    // Re-dispatching replays what each step drew.
    assert_eq!(engine.redispatch().events(), engine.events());
}

#[test]
fn recording_writes_down_the_seed_s_draws_without_changing_them() {
    let plain = {
        let mut engine = Engine::<Ledger>::new(LedgerConfig::default(), 99, Bugs::NONE);
        engine.dispatch(LedgerAction::Raffle { key: 3 }).unwrap();
        assert_eq!(engine.draws(), None, "a plain engine keeps no draws");
        raffled(&engine)
    };
    let mut engine = Engine::<Ledger>::new(LedgerConfig::default(), 99, Bugs::NONE);
    engine.record_draws();
    engine.dispatch(LedgerAction::Raffle { key: 3 }).unwrap();
    engine.dispatch(LedgerAction::Stamp).unwrap();
    assert_eq!(raffled_at(&engine, 0), plain);
    assert_eq!(
        engine.draws(),
        Some(&[vec![Draw::Number(plain)], vec![]][..])
    );
}

fn raffled_at(engine: &Engine<Ledger>, step: usize) -> u64 {
    match engine.step_events(step) {
        [LedgerEvent::Raffled { draw, .. }] => *draw,
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_draw_that_does_not_fit_falls_back_to_the_seed() {
    let mut plain = Engine::<Ledger>::new(LedgerConfig::default(), 99, Bugs::NONE);
    plain.dispatch(LedgerAction::Raffle { key: 3 }).unwrap();
    let mut scripted = Engine::<Ledger>::new(LedgerConfig::default(), 99, Bugs::NONE);
    scripted
        .dispatch_scripted(LedgerAction::Raffle { key: 3 }, &[Draw::Order(vec![1, 0])])
        .unwrap();
    assert_eq!(raffled(&scripted), raffled(&plain));
}

#[test]
fn a_fork_shuffles_from_the_seed_as_seeded_rng_does_so_old_logs_replay() {
    let mut deck = ['a', 'b', 'c', 'd', 'e', 'f'];
    Env::new(1, Bugs::NONE).fork(0).shuffle(&mut deck);
    let mut again = deck;
    again.sort_unstable();
    rewind_engine::SeededRng::new(1 ^ rewind_engine::splitmix64(0), 2).shuffle(&mut again);
    assert_eq!(deck, again);
}
