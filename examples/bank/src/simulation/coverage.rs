//! Which situations a run reached, for the coverage report.

use rewind::Coverage;

use crate::{BankAccount, BankAccountEvent};

pub const LABELS: &[&str] = &[
    "opened",
    "deposited",
    "withdrew_cash",
    "wrote_check",
    "emptied_the_account",
];

const OPENED: usize = 0;
const DEPOSITED: usize = 1;
const WITHDREW_CASH: usize = 2;
const WROTE_CHECK: usize = 3;
const EMPTIED: usize = 4;

pub fn cover(_account: &BankAccount, event: &BankAccountEvent, coverage: &mut Coverage) {
    match event {
        BankAccountEvent::AccountOpened { .. } => coverage.hit(OPENED),
        BankAccountEvent::CustomerDepositedMoney { .. } => coverage.hit(DEPOSITED),
        BankAccountEvent::CustomerWithdrewCash { balance, .. } => {
            coverage.hit(WITHDREW_CASH);
            if *balance == 0 {
                coverage.hit(EMPTIED);
            }
        }
        BankAccountEvent::CustomerWroteCheck { balance, .. } => {
            coverage.hit(WROTE_CHECK);
            if *balance == 0 {
                coverage.hit(EMPTIED);
            }
        }
    }
}
