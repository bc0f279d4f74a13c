//! Planted bugs: known mistakes the harness must catch, each switchable by name.

use rewind::{Bug, BugId};

pub const INCOMPLETE_ALL_IN_REOPENS: BugId = BugId(0);
pub const ODD_CHIP_WRONG_SEAT: BugId = BugId(1);
pub const SIDE_POT_INCLUDES_NON_CONTRIBUTOR: BugId = BugId(2);
pub const UNCALLED_BET_NOT_RETURNED: BugId = BugId(3);
pub const HEADS_UP_BLINDS_REVERSED: BugId = BugId(4);
pub const STAND_UP_LOSES_CHIPS: BugId = BugId(5);
pub const BIG_BLIND_TWICE_IN_A_ROW: BugId = BugId(6);
pub const BURN_CARD_LEFT_IN_DECK: BugId = BugId(7);
pub const VIEW_LEAKS_HOLE_CARDS: BugId = BugId(8);
pub const MIN_RAISE_IS_BIG_BLIND: BugId = BugId(9);
pub const WORST_HAND_WINS: BugId = BugId(10);

pub const BUGS: &[Bug] = &[
    Bug {
        id: INCOMPLETE_ALL_IN_REOPENS,
        name: "incomplete_all_in_reopens",
        effect: "a player who already acted may re-raise after an all-in for less than a full raise",
    },
    Bug {
        id: ODD_CHIP_WRONG_SEAT,
        name: "odd_chip_wrong_seat",
        effect: "odd chips of a split pot go to tied winners from seat 0 rather than left of the button",
    },
    Bug {
        id: SIDE_POT_INCLUDES_NON_CONTRIBUTOR,
        name: "side_pot_includes_non_contributor",
        effect: "every player still in the hand is eligible for every side pot, all-in or not",
    },
    Bug {
        id: UNCALLED_BET_NOT_RETURNED,
        name: "uncalled_bet_not_returned",
        effect: "the unmatched part of the largest bet stays in the pot instead of going back",
    },
    Bug {
        id: HEADS_UP_BLINDS_REVERSED,
        name: "heads_up_blinds_reversed",
        effect: "heads-up, the button posts the big blind and the other player the small one",
    },
    Bug {
        id: STAND_UP_LOSES_CHIPS,
        name: "stand_up_loses_chips",
        effect: "a player leaving mid-hand takes their committed chips out of the pot, and they vanish",
    },
    Bug {
        id: BIG_BLIND_TWICE_IN_A_ROW,
        name: "big_blind_twice_in_a_row",
        effect: "when players leave, the button is not moved on, so one player posts the big blind twice",
    },
    Bug {
        id: BURN_CARD_LEFT_IN_DECK,
        name: "burn_card_left_in_deck",
        effect: "the burned card goes to the muck but stays on top of the deck",
    },
    Bug {
        id: VIEW_LEAKS_HOLE_CARDS,
        name: "view_leaks_hole_cards",
        effect: "a player's view of the table shows the next seat's hole cards",
    },
    Bug {
        id: MIN_RAISE_IS_BIG_BLIND,
        name: "min_raise_is_big_blind",
        effect: "a raise of one big blind is accepted even after a larger raise on the street",
    },
    Bug {
        id: WORST_HAND_WINS,
        name: "worst_hand_wins",
        effect: "at showdown the pot goes to the weakest eligible hand",
    },
];
