//! No-Limit Hold'em cash-game table.

pub mod cards;
pub mod eval;
