//! The ledger projection: money moves between customer, merchant and provider and always
//! sums to zero; the provider keeps its fee when a capture is refunded.

use rewind::{Bugs, project};
use rewind_domains::payments::{LEDGER_DROPS_FEE, Ledger, PaymentEvent};

use super::captured_1000;

fn history() -> Vec<PaymentEvent> {
    let mut events = captured_1000().to_vec();
    events.push(PaymentEvent::Refunded {
        payment: 0,
        amount: 300,
    });
    events
}

#[test]
fn a_capture_and_a_refund_move_money_between_the_three_ledgers() {
    let ledger = project(Ledger::new(Bugs::NONE), &history());
    // Captured 1000 with a fee of 59, then 300 refunded by the merchant.
    assert_eq!(ledger.customers.get(&0), Some(&-700));
    assert_eq!(ledger.merchants.get(&0), Some(&(1000 - 59 - 300)));
    assert_eq!(ledger.provider, 59);
    assert_eq!(
        ledger.customer_total() + ledger.merchant_total() + ledger.provider,
        0
    );
}

#[test]
fn a_prefix_of_the_stream_is_a_ledger_too() {
    let events = history();
    let before_refund = project(Ledger::new(Bugs::NONE), &events[..3]);
    assert_eq!(before_refund.customers.get(&0), Some(&-1000));
}

#[test]
fn planted_ledger_drops_fee_loses_money() {
    let ledger = project(Ledger::new(Bugs::NONE.with(LEDGER_DROPS_FEE)), &history());
    assert_eq!(
        ledger.customer_total() + ledger.merchant_total() + ledger.provider,
        -59
    );
}
