//! Poker rules as given/when/then scenarios, written from the rulebook: seating, button and
//! blinds, betting limits, incomplete all-ins, side pots, odd chips, uncalled bets, rejects.

pub use rewind::{Scenario, Then};
pub use rewind_domains::poker::bugs;
pub use rewind_domains::poker::cards::{self, Card};
pub use rewind_domains::poker::{
    Blind, Commit, NO_SEAT, Phase, Poker, PokerAction, PokerEvent, PokerReject, Street,
    TableConfig, view,
};

pub use PokerAction::{AddChips, Bet, Call, Check, Fold, RaiseTo, SitIn, SitOut, StandUp};

/// Assertions on the whole event list of a step, for steps whose shuffle is random.
pub trait ThenExt {
    fn then_events_where(self, check: impl FnOnce(&[PokerEvent]) -> bool) -> Self;
}

impl ThenExt for Then<Poker> {
    #[track_caller]
    fn then_events_where(self, check: impl FnOnce(&[PokerEvent]) -> bool) -> Self {
        let events: Vec<PokerEvent> = match self.outcome() {
            Ok(events) => events
                .iter()
                .filter(|e| {
                    !matches!(
                        e,
                        PokerEvent::DeckShuffled { .. } | PokerEvent::HoleCardsDealt { .. }
                    )
                })
                .cloned()
                .collect(),
            Err(refusal) => panic!("refused: {refusal}"),
        };
        assert!(check(&events), "unexpected events:\n{events:#?}");
        self
    }
}

pub fn sit(seat: u8, buy_in: i64) -> PokerAction {
    PokerAction::SitDown {
        seat,
        buy_in,
        post_big_blind: false,
    }
}

pub fn sat(seat: u8, buy_in: u64) -> PokerEvent {
    PokerEvent::SatDown {
        seat,
        buy_in,
        waits_for_big_blind: true,
    }
}

/// A table where small stacks are allowed: buy in for 2 to 1000.
pub fn small_stakes() -> TableConfig {
    TableConfig {
        min_buy_in: 2,
        max_buy_in: 1000,
        ..TableConfig::default()
    }
}

/// The events of the step without the random ones (the shuffle and the hole cards).
pub fn facts(then: &Then<Poker>) -> Vec<PokerEvent> {
    let events = then.outcome().clone().expect("the action was accepted");
    events
        .into_iter()
        .filter(|e| {
            !matches!(
                e,
                PokerEvent::DeckShuffled { .. } | PokerEvent::HoleCardsDealt { .. }
            )
        })
        .collect()
}

pub fn parse(text: &str) -> Vec<Card> {
    text.split_whitespace()
        .map(|c| cards::parse(c).expect("a card"))
        .collect()
}

/// Seats `0..stacks.len()` sit down and hand 1 is dealt with the button on seat 0 (heads-up
/// it posts the small blind; otherwise seats 1 and 2 post), hole cards `holes[seat]`, and a
/// deck arranged so the board comes out as `board` (each street after a burn card).
pub fn dealt(stacks: &[u64], holes: &[&str], board: &str) -> Vec<PokerEvent> {
    let n = stacks.len() as u8;
    let (sb, bb) = if n == 2 { (0, 1) } else { (1, 2) };
    let mut events: Vec<PokerEvent> = (0..n).map(|i| sat(i, stacks[usize::from(i)])).collect();
    events.push(PokerEvent::HandStarted {
        hand: 1,
        button: 0,
        small_blind: sb,
        big_blind: bb,
        players: (1 << n) - 1,
    });
    let dealing: Vec<u8> = (1..n).chain([0]).collect();
    let mut order: Vec<Card> = dealing
        .iter()
        .flat_map(|&s| parse(holes[usize::from(s)]))
        .collect();
    let board = parse(board);
    let unused = |order: &Vec<Card>, board: &Vec<Card>| {
        (0..52)
            .find(|c| !order.contains(c) && !board.contains(c))
            .unwrap()
    };
    for street in [&board[..3], &board[3..4], &board[4..5]] {
        let burn = unused(&order, &board);
        order.push(burn);
        order.extend_from_slice(street);
    }
    while order.len() < 52 {
        let next = unused(&order, &board);
        order.push(next);
    }
    events.push(PokerEvent::DeckShuffled {
        order: order.iter().copied().collect(),
    });
    events.push(PokerEvent::BlindPosted {
        seat: sb,
        amount: 1,
        blind: Blind::Small,
    });
    events.push(PokerEvent::BlindPosted {
        seat: bb,
        amount: 2,
        blind: Blind::Big,
    });
    for (k, &seat) in dealing.iter().enumerate() {
        events.push(PokerEvent::HoleCardsDealt {
            seat,
            cards: [order[2 * k], order[2 * k + 1]],
        });
    }
    events
}

/// Three players at a fresh table: hand 1 has the button on 0, blinds on 1 and 2, and seat 0
/// to act first before the flop.
pub fn three_handed(config: TableConfig, stacks: [u64; 3]) -> Scenario<Poker> {
    Scenario::<Poker>::new()
        .config(config)
        .given([sat(0, stacks[0]), sat(1, stacks[1])])
        .given_actions([sit(2, stacks[2] as i64)])
}

mod betting;
mod bugs_planted;
mod seating;
mod showdown;
