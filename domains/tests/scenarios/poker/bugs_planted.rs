//! The planted bugs break these very rules.

use super::*;

#[test]
fn with_the_odd_chip_bug_planted_the_chip_goes_to_the_wrong_seat() {
    let mut then = Scenario::<Poker>::new()
        .planted(bugs::ODD_CHIP_WRONG_SEAT)
        .dealt(
            &[100, 100, 100],
            &["2c 3d", "4s 5s", "2d 3c"],
            "Ah Kh Qh Jh Th",
        )
        .given_actions([Call { seat: 0 }, Fold { seat: 1 }, Check { seat: 2 }])
        .when(Check { seat: 2 });
    for seat in [0, 2, 0, 2] {
        then = then.when(Check { seat });
    }
    then.when(Check { seat: 0 }).then_events_where(|events| {
        events.contains(&PokerEvent::PotAwarded {
            pot: 0,
            seat: 0,
            amount: 3,
            tied: 2,
            odd_chip: true,
        })
    });
}

#[test]
fn with_the_heads_up_bug_planted_the_button_posts_the_big_blind() {
    Scenario::<Poker>::new()
        .planted(bugs::HEADS_UP_BLINDS_REVERSED)
        .given_actions([sit(0, 100)])
        .when(sit(1, 100))
        .then_events_where(|events| {
            events.contains(&PokerEvent::BlindPosted {
                seat: 0,
                amount: 2,
                blind: Blind::Big,
            })
        });
}
