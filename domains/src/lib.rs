//! rewind-domains: worked systems built on rewind-engine, one folder each.

pub mod payments;
pub mod poll;
pub mod short_name;

pub use short_name::ShortName;
