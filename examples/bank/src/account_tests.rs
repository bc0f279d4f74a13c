//! The account's example-based tests, as a cqrs-es user writes them with `TestFramework`.
//! They pin single rules; `simulation` plays thousands of commands against all of them.

use cqrs_es::test::TestFramework;

use crate::services::{AtmError, BankAccountApi, BankAccountServices, CheckingError};
use crate::{BankAccount, BankAccountCommand, BankAccountEvent, Cents};

/// A bank whose ATM network and clearing house accept everything.
struct Accepting;

#[async_trait::async_trait]
impl BankAccountApi for Accepting {
    async fn atm_withdrawal(&self, _atm_id: &str, _amount: Cents) -> Result<(), AtmError> {
        Ok(())
    }

    async fn validate_check(&self, _account_id: &str, _number: u32) -> Result<(), CheckingError> {
        Ok(())
    }
}

fn account() -> TestFramework<BankAccount> {
    TestFramework::with(BankAccountServices::new(Box::new(Accepting)))
}

fn opened_with(balance: Cents) -> Vec<BankAccountEvent> {
    vec![
        BankAccountEvent::AccountOpened {
            account_id: "acct-1".to_string(),
        },
        BankAccountEvent::CustomerDepositedMoney {
            amount: balance,
            balance,
        },
    ]
}

#[test]
fn a_deposit_raises_the_balance() {
    account()
        .given(opened_with(1_000))
        .when(BankAccountCommand::DepositMoney { amount: 250 })
        .then_expect_events(vec![BankAccountEvent::CustomerDepositedMoney {
            amount: 250,
            balance: 1_250,
        }]);
}

#[test]
fn a_withdrawal_beyond_the_balance_is_refused() {
    account()
        .given(opened_with(1_000))
        .when(BankAccountCommand::WithdrawMoney {
            amount: 1_001,
            atm_id: "atm-1".to_string(),
        })
        .then_expect_error_message("funds not available: 1001 cents asked, 1000 cents held");
}

#[test]
fn a_check_number_is_paid_once() {
    let mut given = opened_with(1_000);
    given.push(BankAccountEvent::CustomerWroteCheck {
        check_number: 7,
        amount: 100,
        balance: 900,
    });
    account()
        .given(given)
        .when(BankAccountCommand::WriteCheck {
            check_number: 7,
            amount: 100,
        })
        .then_expect_error_message("check 7 was already paid");
}
