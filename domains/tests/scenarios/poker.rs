//! Poker rules as given/when/then scenarios, written from the rulebook: seating, button and
//! blinds, betting limits, incomplete all-ins, side pots, odd chips, uncalled bets, rejects.

pub use rewind::{Draw, Scenario, Then};
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

/// Rigged deals through the dealer's own code: the step that deals is scripted to draw a
/// deck arranged by [`rigged_deck`].
pub trait Rigged {
    /// Seats `0..stacks.len()` sit down and the last one's arrival deals hand 1, with the
    /// button on seat 0 (heads-up it posts the small blind; otherwise seats 1 and 2 post),
    /// hole cards `holes[seat]`, and the board `board`.
    fn dealt(self, stacks: &[u64], holes: &[&str], board: &str) -> Self;
}

impl Rigged for Scenario<Poker> {
    fn dealt(self, stacks: &[u64], holes: &[&str], board: &str) -> Self {
        let last = stacks.len() - 1;
        self.given((0..last).map(|seat| sat(seat as u8, stacks[seat])))
            .given_action_drawing(
                sit(last as u8, stacks[last] as i64),
                [rigged_deck(holes, board)],
            )
    }
}

/// The shuffle that deals `holes[seat]` to each seat (dealing starts left of the button on
/// seat 0) and then the board, each street after a burn card; unused cards follow in order.
pub fn rigged_deck(holes: &[&str], board: &str) -> Draw {
    let dealing = (1..holes.len()).chain([0]);
    let mut order: Vec<Card> = dealing.flat_map(|seat| parse(holes[seat])).collect();
    let board = parse(board);
    let unused = |order: &Vec<Card>| {
        (0..52)
            .find(|c| !order.contains(c) && !board.contains(c))
            .expect("a card is left")
    };
    for street in [&board[..3], &board[3..4], &board[4..5]] {
        let burn = unused(&order);
        order.push(burn);
        order.extend_from_slice(street);
    }
    while order.len() < 52 {
        let next = unused(&order);
        order.push(next);
    }
    let unshuffled: Vec<Card> = (0..52).collect();
    Draw::arranging(&unshuffled, &order).expect("the rigged deck holds each card once")
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
