//! The table's settings: seats, blinds, optional ante, buy-in range.

use serde::{Deserialize, Serialize};

/// A cash-game table. `Default` is a six-seat 1/2 table buying in for 20 to 200, no ante.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TableConfig {
    /// Seats at the table, 2 to 9.
    pub seats: u8,
    pub small_blind: u64,
    pub big_blind: u64,
    /// Posted by every player dealt in, before the blinds; 0 for none.
    pub ante: u64,
    pub min_buy_in: u64,
    pub max_buy_in: u64,
}

impl Default for TableConfig {
    fn default() -> Self {
        TableConfig {
            seats: 6,
            small_blind: 1,
            big_blind: 2,
            ante: 0,
            min_buy_in: 20,
            max_buy_in: 200,
        }
    }
}

impl TableConfig {
    /// What is out of range, if anything: 2 to 9 seats, a big blind of at least 1 and at most
    /// 2^40, a small blind and an ante of at most the big blind, a minimum buy-in of at least
    /// one big blind, and a maximum buy-in of at least the minimum and at most 2^50.
    pub fn check(&self) -> Result<(), String> {
        let rules = [
            ((2..=9).contains(&self.seats), "seats must be 2 to 9"),
            (
                (1..=1 << 40).contains(&self.big_blind),
                "big_blind must be 1 to 2^40",
            ),
            (
                self.small_blind <= self.big_blind,
                "small_blind must be at most big_blind",
            ),
            (
                self.ante <= self.big_blind,
                "ante must be at most big_blind",
            ),
            (
                self.min_buy_in >= self.big_blind,
                "min_buy_in must be at least big_blind",
            ),
            (
                (self.min_buy_in..=1 << 50).contains(&self.max_buy_in),
                "max_buy_in must be at least min_buy_in and at most 2^50",
            ),
        ];
        match rules.iter().find(|(holds, _)| !holds) {
            Some((_, rule)) => Err(format!("{rule} (the table is {self:?})")),
            None => Ok(()),
        }
    }

    /// The same table with every setting forced into the ranges [`TableConfig::check`]
    /// states. Logs and `--config` are checked and refused when out of range; this keeps a
    /// table built from an unchecked config in code (a test, a fuzz target) playable too.
    pub fn sanitized(self) -> TableConfig {
        let big_blind = self.big_blind.clamp(1, 1 << 40);
        let min_buy_in = self.min_buy_in.clamp(big_blind, 1 << 50);
        TableConfig {
            seats: self.seats.clamp(2, 9),
            small_blind: self.small_blind.min(big_blind),
            big_blind,
            ante: self.ante.min(big_blind),
            min_buy_in,
            max_buy_in: self.max_buy_in.clamp(min_buy_in, 1 << 50),
        }
    }
}
