//! Named checks run after every dispatch. Each is one pass over the payments: O(state).

use rewind_engine::Invariant;

use super::Payments;
use super::ledger::Ledger;
use super::state::{AuthState, PaymentsState};

type Checked = Result<(), String>;

/// A fraud verdict is applied only to an auth that was in fraud review: a webhook for an
/// unknown or already settled auth changes nothing.
fn webhook_for_settled_changes_nothing(state: &PaymentsState, _: &Ledger) -> Checked {
    for payment in &state.payments {
        let id = payment.id;
        if payment.fraud_decisions > payment.fraud_checks {
            return Err(format!(
                "payment {id}: {} fraud verdicts applied after {} fraud checks",
                payment.fraud_decisions, payment.fraud_checks
            ));
        }
    }
    Ok(())
}

/// Money is captured only under an approved auth.
fn no_capture_without_auth(state: &PaymentsState, _: &Ledger) -> Checked {
    for payment in &state.payments {
        let id = payment.id;
        if (payment.captured > 0 || payment.captures > 0) && payment.auth != AuthState::Approved {
            return Err(format!(
                "payment {id}: captured {} in {} captures while its auth is {:?}",
                payment.captured, payment.captures, payment.auth
            ));
        }
    }
    Ok(())
}

fn captured_le_authorized(state: &PaymentsState, _: &Ledger) -> Checked {
    for payment in &state.payments {
        let id = payment.id;
        if payment.captured > payment.authorized {
            return Err(format!(
                "payment {id}: captured {} exceeds authorized {}",
                payment.captured, payment.authorized
            ));
        }
    }
    Ok(())
}

fn refunded_le_captured(state: &PaymentsState, _: &Ledger) -> Checked {
    for payment in &state.payments {
        let id = payment.id;
        if payment.refunded > payment.captured {
            return Err(format!(
                "payment {id}: refunded {} exceeds captured {}",
                payment.refunded, payment.captured
            ));
        }
    }
    Ok(())
}

/// Every status change `apply` made is in the lifecycle's table (apply records the first
/// that was not).
fn status_transition_allowed(state: &PaymentsState, _: &Ledger) -> Checked {
    match state.illegal_transition {
        None => Ok(()),
        Some(bad) => Err(format!(
            "payment {} went from {:?} to {:?}, which the lifecycle does not allow",
            bad.payment, bad.from, bad.to
        )),
    }
}

/// The ledger balances to zero, the customers paid exactly what was captured and not
/// refunded, and the provider holds exactly the fees.
fn money_conserved(state: &PaymentsState, ledger: &Ledger) -> Checked {
    let (mut net, mut fees) = (0i64, 0i64);
    for payment in &state.payments {
        net += payment.captured as i64 - payment.refunded as i64;
        fees += payment.fees as i64;
    }
    let customers = ledger.customer_total();
    let merchants = ledger.merchant_total();
    let total = customers + merchants + ledger.provider;
    if total != 0 {
        return Err(format!(
            "ledger does not balance: customers {customers} + merchants {merchants} + provider {} = {total}",
            ledger.provider
        ));
    }
    if -customers != net {
        return Err(format!(
            "customers paid {} but payments captured net of refunds {net}",
            -customers
        ));
    }
    if ledger.provider != fees {
        return Err(format!(
            "provider holds {} but the captures' fees sum to {fees}",
            ledger.provider
        ));
    }
    Ok(())
}

/// The order matters only for which name a failure is filed under: the more specific first.
pub static INVARIANTS: &[Invariant<Payments>] = &[
    Invariant {
        name: "webhook_for_settled_changes_nothing",
        check: webhook_for_settled_changes_nothing,
    },
    Invariant {
        name: "no_capture_without_auth",
        check: no_capture_without_auth,
    },
    Invariant {
        name: "captured_le_authorized",
        check: captured_le_authorized,
    },
    Invariant {
        name: "refunded_le_captured",
        check: refunded_le_captured,
    },
    Invariant {
        name: "status_transition_allowed",
        check: status_transition_allowed,
    },
    Invariant {
        name: "money_conserved",
        check: money_conserved,
    },
];
