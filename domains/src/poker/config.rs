//! The table's settings: seats, blinds, optional ante, buy-in range.

use serde::{Deserialize, Serialize};

/// A cash-game table. `Default` is a six-seat 1/2 table buying in for 20 to 200, no ante.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
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
    /// The same table with every setting forced into a playable range (a log may carry any
    /// config): 2 to 9 seats, a big blind of at least 1, a small blind at most the big one, and
    /// a buy-in range that starts at one big blind or more.
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
