//! Named checks run after every dispatch. Each is one pass over the payments: O(state).

use rewind::Invariant;

use super::Payments;
use super::ledger::Ledger;
use super::lifecycle::is_terminal;
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

/// The archiver files every terminal payment within the step that made it terminal, and
/// only those: archived if and only if terminal.
fn archived_iff_terminal(state: &PaymentsState, _: &Ledger) -> Checked {
    for payment in &state.payments {
        if payment.archived != is_terminal(payment.status) {
            return Err(format!(
                "payment {} is {:?} but archived is {}",
                payment.id, payment.status, payment.archived
            ));
        }
    }
    Ok(())
}

/// No merchant is paid out more than was captured, however often a report arrives.
fn settled_le_captured(state: &PaymentsState, _: &Ledger) -> Result<(), String> {
    for payment in &state.payments {
        if payment.settled > payment.captured {
            return Err(format!(
                "payment {} paid out {} of {} captured",
                payment.id, payment.settled, payment.captured
            ));
        }
    }
    Ok(())
}

/// Once the bus has drained, every capture was paid out, exactly.
fn every_capture_settled(state: &PaymentsState, _: &Ledger) -> Result<(), String> {
    if let Some(waiting) = state.settlements.first() {
        return Err(format!(
            "the settlement of capture {} of payment {} is still waiting",
            waiting.part, waiting.payment
        ));
    }
    for payment in &state.payments {
        if payment.settled != payment.captured {
            return Err(format!(
                "payment {} captured {} but paid out {}",
                payment.id, payment.captured, payment.settled
            ));
        }
    }
    Ok(())
}

/// Checked once the bus has drained.
pub static EVENTUALLY: &[Invariant<Payments>] = &[Invariant {
    name: "every_capture_settled",
    check: every_capture_settled,
}];

/// The order matters only for which name a failure is filed under: the more specific first.
pub static INVARIANTS: &[Invariant<Payments>] = &[
    Invariant {
        name: "settled_le_captured",
        check: settled_le_captured,
    },
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
    Invariant {
        name: "archived_iff_terminal",
        check: archived_iff_terminal,
    },
];

#[cfg(test)]
mod tests {
    use rewind::{Bugs, Projection};

    use super::super::apply::apply;
    use super::super::bugs::LEDGER_DROPS_FEE;
    use super::super::event::PaymentEvent::{self, *};
    use super::super::state::PaymentsConfig;
    use super::*;

    /// The state and ledger after `events`, and the first invariant each breaks.
    fn broken_by(events: &[PaymentEvent], bugs: Bugs) -> Option<(&'static str, String)> {
        let mut state = PaymentsState::new(PaymentsConfig::default(), bugs);
        let mut ledger = Ledger::new(bugs);
        for event in events {
            apply(&mut state, event);
            ledger.fold(event);
        }
        INVARIANTS.iter().find_map(|invariant| {
            (invariant.check)(&state, &ledger)
                .err()
                .map(|message| (invariant.name, message))
        })
    }

    const CREATED: PaymentEvent = PaymentCreated {
        payment: 3,
        customer: 1,
        merchant: 1,
        amount: 1000,
    };
    const APPROVED: PaymentEvent = AuthApproved {
        payment: 3,
        amount: 1000,
    };

    fn captured(amount: u64) -> PaymentEvent {
        Captured {
            payment: 3,
            amount,
            fee: 10,
        }
    }

    #[test]
    fn a_correct_history_breaks_nothing() {
        let refunded = Refunded {
            payment: 3,
            amount: 400,
        };
        let events = [CREATED, APPROVED, captured(600), refunded];
        assert_eq!(broken_by(&events, Bugs::NONE), None);
    }

    #[test]
    fn each_invariant_names_what_broke_with_numbers() {
        let in_review = FraudCheckPending { payment: 3 };
        let cases: [(&[PaymentEvent], &str, &str); 6] = [
            (
                &[CREATED, in_review, captured(500)],
                "no_capture_without_auth",
                "payment 3: captured 500 in 1 captures while its auth is FraudPending",
            ),
            (
                &[CREATED, APPROVED, captured(1200)],
                "captured_le_authorized",
                "payment 3: captured 1200 exceeds authorized 1000",
            ),
            (
                &[
                    CREATED,
                    APPROVED,
                    captured(100),
                    Refunded {
                        payment: 3,
                        amount: 150,
                    },
                ],
                "refunded_le_captured",
                "payment 3: refunded 150 exceeds captured 100",
            ),
            (
                &[CREATED, APPROVED, FraudDeclined { payment: 3 }],
                "webhook_for_settled_changes_nothing",
                "payment 3: 1 fraud verdicts applied after 0 fraud checks",
            ),
            (
                &[CREATED, AuthDeclined { payment: 3 }, APPROVED],
                "status_transition_allowed",
                "payment 3 went from Declined to Authorized, which the lifecycle does not allow",
            ),
            (
                &[CREATED, AuthDeclined { payment: 3 }],
                "archived_iff_terminal",
                "payment 3 is Declined but archived is false",
            ),
        ];
        for (events, invariant, message) in cases {
            assert_eq!(
                broken_by(events, Bugs::NONE),
                Some((invariant, message.to_string()))
            );
        }
    }

    #[test]
    fn a_ledger_that_loses_the_fee_does_not_balance() {
        let events = [CREATED, APPROVED, captured(600)];
        assert_eq!(
            broken_by(&events, Bugs::NONE.with(LEDGER_DROPS_FEE)),
            Some((
                "money_conserved",
                "ledger does not balance: customers -600 + merchants 590 + provider 0 = -10"
                    .to_string()
            ))
        );
    }
}
