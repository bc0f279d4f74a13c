//! The bot: customers who mostly bank sensibly (deposits, cash, checks within the balance)
//! and now and then send what an account must refuse: bad amounts, more than the balance, a
//! check number already used, an unknown ATM, anything before the account opens, a second
//! opening. The adapter picks which account (by aggregate id) each command goes to.

use rewind::Choices;

use super::fake_bank::ATMS;
use crate::{BankAccount, BankAccountCommand, Cents, MAX_AMOUNT};

pub const KINDS: &[&str] = &[
    "open_account",
    "deposit_money",
    "withdraw_money",
    "write_check",
];

/// An ATM the network does not know.
const UNKNOWN_ATM: &str = "atm-404";
/// Amounts no account accepts: nothing, negative, beyond the limit, the extremes of `i64`.
const BAD_AMOUNTS: [Cents; 6] = [0, -1, -5_000, Cents::MIN, MAX_AMOUNT + 1, Cents::MAX];
/// An everyday amount is up to $500.
const EVERYDAY: Cents = 50_000;

pub fn next_action(
    aggregate_id: &str,
    account: &BankAccount,
    choices: &mut dyn Choices,
) -> BankAccountCommand {
    if !account.opened {
        return match choices.weighted(&[90, 4, 3, 3]) {
            0 => open(aggregate_id),
            1 => deposit(everyday(choices)),
            2 => withdraw(everyday(choices), atm(choices)),
            _ => open(""),
        };
    }
    // Sensible (87 in 100), then hostile.
    match choices.weighted(&[37, 22, 20, 7, 3, 2, 3, 3, 1, 2]) {
        0 => deposit(everyday(choices)),
        1 => withdraw(within_balance(account, choices), atm(choices)),
        2 => write_check(next_check(account), within_balance(account, choices)),
        3 => withdraw(account.balance.max(1), atm(choices)),
        4 => withdraw(beyond_balance(account, choices), atm(choices)),
        5 => write_check(next_check(account), beyond_balance(account, choices)),
        6 => bad_amount(account, choices),
        7 => write_check(
            used_check(account, choices),
            within_balance(account, choices),
        ),
        8 => match choices.below(2) {
            0 => withdraw(within_balance(account, choices), UNKNOWN_ATM.to_string()),
            _ => write_check(0, within_balance(account, choices)),
        },
        _ => open(aggregate_id),
    }
}

pub fn kind(command: &BankAccountCommand) -> usize {
    match command {
        BankAccountCommand::OpenAccount { .. } => 0,
        BankAccountCommand::DepositMoney { .. } => 1,
        BankAccountCommand::WithdrawMoney { .. } => 2,
        BankAccountCommand::WriteCheck { .. } => 3,
    }
}

fn open(account_id: &str) -> BankAccountCommand {
    BankAccountCommand::OpenAccount {
        account_id: account_id.to_string(),
    }
}

fn deposit(amount: Cents) -> BankAccountCommand {
    BankAccountCommand::DepositMoney { amount }
}

fn withdraw(amount: Cents, atm_id: String) -> BankAccountCommand {
    BankAccountCommand::WithdrawMoney { amount, atm_id }
}

fn write_check(check_number: u32, amount: Cents) -> BankAccountCommand {
    BankAccountCommand::WriteCheck {
        check_number,
        amount,
    }
}

fn atm(choices: &mut dyn Choices) -> String {
    choices.pick(&ATMS).to_string()
}

fn everyday(choices: &mut dyn Choices) -> Cents {
    cents(choices.between(1, EVERYDAY as u64))
}

/// Up to the balance (capped at twice an everyday amount); an everyday amount when the
/// account is empty, which it then refuses.
fn within_balance(account: &BankAccount, choices: &mut dyn Choices) -> Cents {
    match u64::try_from(account.balance.min(2 * EVERYDAY)) {
        Ok(most) if most > 0 => cents(choices.between(1, most)),
        _ => everyday(choices),
    }
}

fn beyond_balance(account: &BankAccount, choices: &mut dyn Choices) -> Cents {
    account.balance.max(0) + everyday(choices)
}

/// The next number in the checkbook: one past the highest paid.
fn next_check(account: &BankAccount) -> u32 {
    account
        .checks
        .last()
        .map_or(1, |highest| highest.saturating_add(1))
}

/// A number already paid (the next one if none was).
fn used_check(account: &BankAccount, choices: &mut dyn Choices) -> u32 {
    let paid = account.checks.len();
    if paid == 0 {
        return next_check(account);
    }
    let index = choices.below(u32::try_from(paid).unwrap_or(u32::MAX)) as usize;
    account
        .checks
        .iter()
        .nth(index)
        .copied()
        .unwrap_or_else(|| next_check(account))
}

/// One of the amounts no account accepts, in a deposit, a withdrawal or a check.
fn bad_amount(account: &BankAccount, choices: &mut dyn Choices) -> BankAccountCommand {
    let amount = *choices.pick(&BAD_AMOUNTS);
    match choices.below(3) {
        0 => deposit(amount),
        1 => withdraw(amount, atm(choices)),
        _ => write_check(next_check(account), amount),
    }
}

/// Bot amounts are at most a few times [`EVERYDAY`], far inside `Cents`.
fn cents(amount: u64) -> Cents {
    Cents::try_from(amount).unwrap_or(Cents::MAX)
}
