//! The read models the bank serves, as cqrs-es views: each is updated with every committed
//! event by a query, and rebuilt from the event streams when its table is dropped.
//!
//! - [`AccountList`]: every account opened, for the branch staff's search.
//! - [`Ledger`]: money in and out of each account, for the bank's books.
//! - [`Statement`]: one account's statement, kept per account id as `GenericQuery` keeps it.

mod account_list;
mod ledger;
mod statement;

pub use account_list::{AccountList, ListedAccount};
pub use ledger::{Ledger, Movements};
pub use statement::Statement;
