//! What a client (or the provider's webhook) asks the payments domain to do.

use serde::{Deserialize, Serialize};

use super::state::PaymentId;

/// One request. Amounts are signed and wide so a hostile client can send a negative, zero or
/// huge amount, which `decide` refuses with a reason.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum PaymentAction {
    /// Opens payment `payment` (the next free id) of `amount` from a customer to a merchant.
    CreatePayment {
        payment: PaymentId,
        customer: u32,
        merchant: u32,
        amount: i64,
    },
    /// Sends the auth to the provider. The authoriser reactor asks for it; a client sending
    /// it itself is refused unless the auth is waiting for the provider.
    RequestAuth {
        payment: PaymentId,
    },
    /// Asks for a timed-out auth again.
    RetryAuth {
        payment: PaymentId,
    },
    /// The provider's fraud-check verdict, as its webhook delivers it.
    FraudWebhook {
        payment: PaymentId,
        approved: bool,
    },
    Capture {
        payment: PaymentId,
        amount: i64,
    },
    Refund {
        payment: PaymentId,
        amount: i64,
    },
    /// Releases an approved auth before anything is captured.
    Void {
        payment: PaymentId,
    },
    /// Files a terminal payment away. The archiver reactor asks for it.
    Archive {
        payment: PaymentId,
    },
    /// The provider's settlement report for capture `part` (0-based, successful captures
    /// only) of `payment`: `amount` is paid out to the merchant. Only the outbox sends it
    /// (see [`super::settlement`]), late, out of order or more than once.
    Settle {
        payment: PaymentId,
        part: u16,
        amount: u64,
    },
}

/// The action kinds, in the order of [`action_kind`].
pub const ACTION_KINDS: &[&str] = &[
    "create_payment",
    "request_auth",
    "retry_auth",
    "fraud_webhook",
    "capture",
    "refund",
    "void",
    "archive",
    "settle",
];

/// The index of `action`'s kind in [`ACTION_KINDS`].
pub fn action_kind(action: &PaymentAction) -> usize {
    match action {
        PaymentAction::CreatePayment { .. } => 0,
        PaymentAction::RequestAuth { .. } => 1,
        PaymentAction::RetryAuth { .. } => 2,
        PaymentAction::FraudWebhook { .. } => 3,
        PaymentAction::Capture { .. } => 4,
        PaymentAction::Refund { .. } => 5,
        PaymentAction::Void { .. } => 6,
        PaymentAction::Archive { .. } => 7,
        PaymentAction::Settle { .. } => 8,
    }
}

/// Simpler values of one field, simplest first: 0, then half way, then one less.
fn smaller_ids(id: u32) -> impl Iterator<Item = u32> {
    [0, id / 2, id.saturating_sub(1)]
        .into_iter()
        .filter(move |&smaller| smaller < id)
}

/// Simpler amounts, simplest first: 1, then half, then the positive version of a negative.
fn smaller_amounts(amount: i64) -> impl Iterator<Item = i64> {
    let candidates = [1, amount / 2, amount.saturating_abs()];
    candidates
        .into_iter()
        .enumerate()
        .filter(move |&(index, smaller)| {
            smaller != amount
                && smaller.unsigned_abs() <= amount.unsigned_abs()
                && !candidates[..index].contains(&smaller)
        })
        .map(|(_, smaller)| smaller)
}

/// Simpler variants of one action for the shrinker: lower ids, smaller amounts, an approving
/// webhook rather than a declining one.
/// The ids a caller picks: the payment (named when it is created), its customer and
/// merchant, each renumbered on its own.
pub fn rename_ids(action: &mut PaymentAction, rename: &mut dyn FnMut(&'static str, u64) -> u64) {
    match action {
        PaymentAction::CreatePayment {
            payment,
            customer,
            merchant,
            ..
        } => {
            rewind::rename_id(payment, "payment", rename);
            rewind::rename_id(customer, "customer", rename);
            rewind::rename_id(merchant, "merchant", rename);
        }
        PaymentAction::RequestAuth { payment }
        | PaymentAction::RetryAuth { payment }
        | PaymentAction::FraudWebhook { payment, .. }
        | PaymentAction::Capture { payment, .. }
        | PaymentAction::Refund { payment, .. }
        | PaymentAction::Void { payment }
        | PaymentAction::Archive { payment }
        | PaymentAction::Settle { payment, .. } => rewind::rename_id(payment, "payment", rename),
    }
}

pub fn shrink_action(action: &PaymentAction) -> Vec<PaymentAction> {
    use PaymentAction::*;
    let mut out = Vec::new();
    match *action {
        CreatePayment {
            payment,
            customer,
            merchant,
            amount,
        } => {
            out.extend(smaller_amounts(amount).map(|amount| CreatePayment {
                payment,
                customer,
                merchant,
                amount,
            }));
            out.extend(smaller_ids(customer).map(|customer| CreatePayment {
                payment,
                customer,
                merchant,
                amount,
            }));
            out.extend(smaller_ids(merchant).map(|merchant| CreatePayment {
                payment,
                customer,
                merchant,
                amount,
            }));
        }
        Capture { payment, amount } => {
            out.extend(smaller_amounts(amount).map(|amount| Capture { payment, amount }));
            out.extend(smaller_ids(payment).map(|payment| Capture { payment, amount }));
        }
        Refund { payment, amount } => {
            out.extend(smaller_amounts(amount).map(|amount| Refund { payment, amount }));
            out.extend(smaller_ids(payment).map(|payment| Refund { payment, amount }));
        }
        FraudWebhook { payment, approved } => {
            if !approved {
                out.push(FraudWebhook {
                    payment,
                    approved: true,
                });
            }
            out.extend(smaller_ids(payment).map(|payment| FraudWebhook { payment, approved }));
        }
        RequestAuth { payment } => {
            out.extend(smaller_ids(payment).map(|payment| RequestAuth { payment }))
        }
        RetryAuth { payment } => {
            out.extend(smaller_ids(payment).map(|payment| RetryAuth { payment }))
        }
        Void { payment } => out.extend(smaller_ids(payment).map(|payment| Void { payment })),
        Archive { payment } => out.extend(smaller_ids(payment).map(|payment| Archive { payment })),
        Settle { .. } => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shrinking_offers_only_simpler_actions() {
        let shrunk = shrink_action(&PaymentAction::Capture {
            payment: 4,
            amount: 900,
        });
        assert_eq!(
            shrunk.first(),
            Some(&PaymentAction::Capture {
                payment: 4,
                amount: 1
            })
        );
        assert!(shrunk.contains(&PaymentAction::Capture {
            payment: 0,
            amount: 900
        }));
        assert!(shrink_action(&PaymentAction::Void { payment: 0 }).is_empty());
        let negative = shrink_action(&PaymentAction::Refund {
            payment: 0,
            amount: -8,
        });
        assert!(negative.contains(&PaymentAction::Refund {
            payment: 0,
            amount: 8
        }));
        assert!(!negative.contains(&PaymentAction::Refund {
            payment: 0,
            amount: -8
        }));
    }

    #[test]
    fn every_kind_has_a_name() {
        let archive = PaymentAction::Archive { payment: 0 };
        assert_eq!(ACTION_KINDS[action_kind(&archive)], "archive");
    }
}
