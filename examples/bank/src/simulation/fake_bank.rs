//! The ATM network and clearing house a simulation hands to the account: deterministic, and
//! answering at once, since the adapter refuses a `handle` that waits for real I/O.

use async_trait::async_trait;

use crate::Cents;
use crate::services::{AtmError, BankAccountApi, CheckingError};

/// The ATMs on the simulated network; any other id is refused.
pub(crate) const ATMS: [&str; 3] = ["atm-1", "atm-2", "atm-3"];

/// A network that knows three ATMs and a clearing house that refuses check number 0.
pub struct SimulatedBank;

#[async_trait]
impl BankAccountApi for SimulatedBank {
    async fn atm_withdrawal(&self, atm_id: &str, _amount: Cents) -> Result<(), AtmError> {
        if ATMS.contains(&atm_id) {
            Ok(())
        } else {
            Err(AtmError(format!("no ATM `{atm_id}` on the network")))
        }
    }

    async fn validate_check(
        &self,
        _account_id: &str,
        check_number: u32,
    ) -> Result<(), CheckingError> {
        if check_number == 0 {
            Err(CheckingError("check numbers start at 1".to_string()))
        } else {
            Ok(())
        }
    }
}
