//! The ledger projection: customer, merchant and provider balances folded from the events.
//! Money only moves between them, so the balances always sum to zero.

use std::collections::BTreeMap;

use rewind::{Bugs, Projection};

use super::bugs::LEDGER_DROPS_FEE;
use super::event::PaymentEvent;
use super::state::MAX_PAYMENTS;

/// Balances in minor units: negative is owed out, positive is received.
#[derive(Clone, Debug, PartialEq)]
pub struct Ledger {
    drops_fee: bool,
    /// `(customer, merchant)` of each payment, by payment id.
    parties: Vec<(u32, u32)>,
    pub customers: BTreeMap<u32, i64>,
    pub merchants: BTreeMap<u32, i64>,
    pub provider: i64,
}

impl Ledger {
    pub fn new(bugs: Bugs) -> Self {
        Ledger {
            drops_fee: bugs.has(LEDGER_DROPS_FEE),
            parties: Vec::new(),
            customers: BTreeMap::new(),
            merchants: BTreeMap::new(),
            provider: 0,
        }
    }

    pub fn customer_total(&self) -> i64 {
        self.customers.values().sum()
    }

    pub fn merchant_total(&self) -> i64 {
        self.merchants.values().sum()
    }

    /// Moves `amount` from the payment's customer to its merchant (negative moves it back).
    fn transfer(&mut self, payment: u32, customer_delta: i64, merchant_delta: i64) {
        let Some(&(customer, merchant)) = self.parties.get(payment as usize) else {
            return;
        };
        *self.customers.entry(customer).or_insert(0) += customer_delta;
        *self.merchants.entry(merchant).or_insert(0) += merchant_delta;
    }
}

impl Projection<PaymentEvent> for Ledger {
    fn fold(&mut self, event: &PaymentEvent) {
        match *event {
            PaymentEvent::PaymentCreated {
                payment,
                customer,
                merchant,
                ..
            } => {
                let index = payment as usize;
                if index < MAX_PAYMENTS {
                    if self.parties.len() <= index {
                        self.parties.resize(index + 1, (0, 0));
                    }
                    self.parties[index] = (customer, merchant);
                }
            }
            PaymentEvent::Captured {
                payment,
                amount,
                fee,
            } => {
                let (amount, fee) = (amount as i64, fee as i64);
                self.transfer(payment, -amount, amount - fee);
                if !self.drops_fee {
                    self.provider += fee;
                }
            }
            PaymentEvent::Refunded { payment, amount } => {
                self.transfer(payment, amount as i64, -(amount as i64));
            }
            _ => {}
        }
    }
}
