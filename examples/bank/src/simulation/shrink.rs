//! Simpler variants of a command, simplest first, so a shrunk failing run reads easily:
//! one cent rather than $417.23, check 1 rather than check 37, the first ATM.

use super::fake_bank::ATMS;
use crate::{BankAccountCommand, Cents};

pub fn simpler(command: &BankAccountCommand) -> Vec<BankAccountCommand> {
    match command {
        BankAccountCommand::OpenAccount { .. } => Vec::new(),
        BankAccountCommand::DepositMoney { amount } => smaller(*amount)
            .map(|amount| BankAccountCommand::DepositMoney { amount })
            .collect(),
        BankAccountCommand::WithdrawMoney { amount, atm_id } => {
            let mut variants: Vec<BankAccountCommand> = smaller(*amount)
                .map(|amount| BankAccountCommand::WithdrawMoney {
                    amount,
                    atm_id: atm_id.clone(),
                })
                .collect();
            if atm_id != ATMS[0] {
                variants.push(BankAccountCommand::WithdrawMoney {
                    amount: *amount,
                    atm_id: ATMS[0].to_string(),
                });
            }
            variants
        }
        BankAccountCommand::WriteCheck {
            check_number,
            amount,
        } => {
            let mut variants: Vec<BankAccountCommand> = smaller(*amount)
                .map(|amount| BankAccountCommand::WriteCheck {
                    check_number: *check_number,
                    amount,
                })
                .collect();
            if *check_number > 1 {
                variants.push(BankAccountCommand::WriteCheck {
                    check_number: 1,
                    amount: *amount,
                });
            }
            variants
        }
    }
}

/// One cent, then half the amount, for an amount above one cent (the shrinker keeps a variant
/// only when the run still fails with it). Zero and negative amounts stay as they are.
fn smaller(amount: Cents) -> impl Iterator<Item = Cents> {
    let candidates = if amount > 1 {
        [Some(1), Some(amount / 2).filter(|&half| half > 1)]
    } else {
        [None, None]
    };
    candidates.into_iter().flatten()
}
