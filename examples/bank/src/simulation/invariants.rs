//! What must hold of the accounts and the bank's views after every command. Each check reads
//! them once: O(accounts + checks paid), never O(history), which the views have folded.

use rewind::cqrs_es::{AggregateInvariant, Aggregates, Views};

use super::BankModel;
use crate::BankAccount;

pub const INVARIANTS: &[AggregateInvariant<BankModel>] = &[
    AggregateInvariant {
        name: "balance_never_negative",
        check: balance_never_negative,
    },
    AggregateInvariant {
        name: "balances_match_the_ledger",
        check: balances_match_the_ledger,
    },
    AggregateInvariant {
        name: "each_check_paid_once",
        check: each_check_paid_once,
    },
    AggregateInvariant {
        name: "opened_once",
        check: opened_once,
    },
    AggregateInvariant {
        name: "no_money_before_opening",
        check: no_money_before_opening,
    },
];

type Accounts = Aggregates<BankAccount>;
type BankViews = Views<BankModel>;

/// No overdraft: an account never pays out more than it holds.
fn balance_never_negative(accounts: &Accounts, _: &BankViews) -> Result<(), String> {
    match accounts.iter().find(|(_, account)| account.balance < 0) {
        None => Ok(()),
        Some((id, account)) => Err(format!("{id}'s balance is {} cents", account.balance)),
    }
}

/// Each balance the events reported is what the ledger has paid in less what it paid out: no
/// money appears or vanishes between the account and the books.
fn balances_match_the_ledger(accounts: &Accounts, views: &BankViews) -> Result<(), String> {
    for (id, account) in accounts.iter() {
        let movements = views.ledger.accounts.get(id).copied().unwrap_or_default();
        if i128::from(account.balance) != movements.net() {
            return Err(format!(
                "{id}'s balance is {} cents, but the ledger has {} paid in and {} paid out",
                account.balance, movements.paid_in, movements.paid_out
            ));
        }
    }
    Ok(())
}

/// A check number is paid at most once per account: no statement lists one twice. (A
/// statement holds a few dozen checks; comparing each with those before it allocates
/// nothing, which sorting a copy after every command would.)
fn each_check_paid_once(_: &Accounts, views: &BankViews) -> Result<(), String> {
    for (id, statement) in views.statements.iter() {
        let paid = &statement.checks_paid;
        let twice = (1..paid.len()).find(|&i| paid[..i].contains(&paid[i]));
        if let Some(i) = twice {
            return Err(format!("{id} paid check {} twice", paid[i]));
        }
    }
    Ok(())
}

/// An account is opened once: its stream holds one `AccountOpened`.
fn opened_once(_: &Accounts, views: &BankViews) -> Result<(), String> {
    let listed = views.accounts.accounts.iter();
    match listed.into_iter().find(|(_, listed)| listed.openings > 1) {
        None => Ok(()),
        Some((id, listed)) => Err(format!("{id} was opened {} times", listed.openings)),
    }
}

/// Money moves only through an account on the list: the ledger has nothing for an account
/// that was never opened.
fn no_money_before_opening(_: &Accounts, views: &BankViews) -> Result<(), String> {
    let accounts = &views.accounts.accounts;
    match views
        .ledger
        .accounts
        .keys()
        .find(|id| !accounts.contains_key(*id))
    {
        None => Ok(()),
        Some(id) => Err(format!("money moved through {id}, which was never opened")),
    }
}
