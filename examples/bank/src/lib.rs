//! A bank account written with [cqrs-es](https://docs.rs/cqrs-es), and tested with rewind
//! without changing it.
//!
//! [`BankAccount`] is an ordinary cqrs-es aggregate: commands to open an account, deposit,
//! withdraw cash at an ATM and write checks; events that carry the balance; an async
//! `handle` that calls the ATM network and the check clearing house through its
//! [`BankAccountServices`]. Its read models are cqrs-es views in [`views`]: the list of
//! accounts, the ledger, and a statement per account. Its example-based tests use cqrs-es's
//! own `TestFramework`.
//!
//! [`simulation`] is the rewind side, and the only code written for it: a bot that sends
//! mostly sensible commands to a few accounts and a few hostile ones, the invariants a bank
//! keeps (over the accounts and the views), fake services that answer at once, and three
//! planted bugs the invariants must catch. rewind's cqrs-es adapter turns it into a domain,
//! [`simulation::Bank`].

mod account;
mod commands;
mod error;
mod events;
pub mod services;
pub mod simulation;
pub mod views;

#[cfg(test)]
mod account_tests;

pub use account::{BankAccount, MAX_AMOUNT};
pub use commands::{BankAccountCommand, Cents};
pub use error::BankAccountError;
pub use events::BankAccountEvent;
pub use services::BankAccountServices;
pub use simulation::Bank;
