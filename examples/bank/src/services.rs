//! The outside world an account talks to while it handles a command: the ATM network, the
//! check clearing house, and the bank's feature flags.

use std::fmt;

use async_trait::async_trait;

use crate::commands::Cents;

/// What `handle` is given besides the command. Production wires real clients in; a test or
/// a simulation wires fakes.
pub struct BankAccountServices {
    pub api: Box<dyn BankAccountApi>,
    pub flags: FeatureFlags,
}

impl BankAccountServices {
    /// The services with every feature flag off.
    pub fn new(api: Box<dyn BankAccountApi>) -> Self {
        BankAccountServices {
            api,
            flags: FeatureFlags::default(),
        }
    }
}

/// Calls to other systems; each may take a network round trip, hence async.
#[async_trait]
pub trait BankAccountApi: Send + Sync {
    /// Asks ATM `atm_id` to hand out `amount` cents.
    async fn atm_withdrawal(&self, atm_id: &str, amount: Cents) -> Result<(), AtmError>;
    /// Asks the clearing house whether check `check_number` drawn on `account_id` is good.
    async fn validate_check(
        &self,
        account_id: &str,
        check_number: u32,
    ) -> Result<(), CheckingError>;
}

/// Switches for new code paths, off until a rollout turns them on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FeatureFlags {
    /// Express ATMs hand out the cash first and settle with the account afterwards.
    pub express_withdrawals: bool,
    /// Checks arrive from the clearing house in batches rather than one by one.
    pub batch_check_clearing: bool,
    /// Customers open accounts from the app, without a branch visit.
    pub self_service_opening: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AtmError(pub String);

impl fmt::Display for AtmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckingError(pub String);

impl fmt::Display for CheckingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
