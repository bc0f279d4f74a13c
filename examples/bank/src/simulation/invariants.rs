//! What must hold of an account after every command. Each check reads the account once:
//! O(check register) at most, never O(history).

use rewind::cqrs_es::AggregateInvariant;

use crate::BankAccount;

pub const INVARIANTS: &[AggregateInvariant<BankAccount>] = &[
    AggregateInvariant {
        name: "balance_never_negative",
        check: balance_never_negative,
    },
    AggregateInvariant {
        name: "balance_matches_totals",
        check: balance_matches_totals,
    },
    AggregateInvariant {
        name: "each_check_paid_once",
        check: each_check_paid_once,
    },
    AggregateInvariant {
        name: "unopened_account_is_empty",
        check: unopened_account_is_empty,
    },
];

/// No overdraft: an account never pays out more than it holds.
fn balance_never_negative(account: &BankAccount) -> Result<(), String> {
    if account.balance >= 0 {
        Ok(())
    } else {
        Err(format!("the balance is {} cents", account.balance))
    }
}

/// The balance the events reported is what was paid in less what was paid out: no money
/// appears or vanishes between the two.
fn balance_matches_totals(account: &BankAccount) -> Result<(), String> {
    let expected = i128::from(account.deposited) - i128::from(account.paid_out);
    if i128::from(account.balance) == expected {
        Ok(())
    } else {
        Err(format!(
            "the balance is {} cents, but {} were paid in and {} paid out",
            account.balance, account.deposited, account.paid_out
        ))
    }
}

/// A check number is paid at most once: the register holds no number twice.
fn each_check_paid_once(account: &BankAccount) -> Result<(), String> {
    let mut numbers = account.checks.clone();
    numbers.sort_unstable();
    match numbers.windows(2).find(|pair| pair[0] == pair[1]) {
        None => Ok(()),
        Some(pair) => Err(format!("check {} was paid twice", pair[0])),
    }
}

/// Before it is opened an account holds nothing and has paid nothing.
fn unopened_account_is_empty(account: &BankAccount) -> Result<(), String> {
    if account.opened || *account == BankAccount::default() {
        Ok(())
    } else {
        Err(format!("an account not yet opened holds {account:?}"))
    }
}
