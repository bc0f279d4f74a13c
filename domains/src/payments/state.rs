//! The state of the payments domain: every payment with its auth, captures and refunds.

use arrayvec::ArrayVec;
use rewind::Bugs;
use serde::{Deserialize, Serialize};

use super::lifecycle::{PaymentStatus, status_of};

/// Payments a run may hold, and the bound on their ids (`0..MAX_PAYMENTS`): payments live in a
/// fixed array, so cloning the state for an atomic cascade never allocates.
pub const MAX_PAYMENTS: usize = 64;
/// Captures (or refunds) one payment may attempt, failed ones included.
pub const MAX_PARTS: u16 = 32;
/// Auth attempts per payment: the first request plus retries after timeouts.
pub const MAX_AUTH_ATTEMPTS: u8 = 3;
/// The largest amount one action may carry, in minor units (ten million in major units), so
/// no sum over a run's payments can overflow.
pub const MAX_AMOUNT: u64 = 1_000_000_000;

/// A payment id, chosen by the client (any unused id below [`MAX_PAYMENTS`]). Ids need not be
/// consecutive, so the shrinker can drop a payment without renumbering the others.
pub type PaymentId = u32;

/// Who may pay and be paid: customers `0..customers`, merchants `0..merchants`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentsConfig {
    pub customers: u32,
    pub merchants: u32,
}

impl Default for PaymentsConfig {
    fn default() -> Self {
        PaymentsConfig {
            customers: 3,
            merchants: 2,
        }
    }
}

/// Where the authorisation stands with the upstream provider.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthState {
    /// Asked for and not answered yet (only ever seen inside one atomic cascade).
    Requested,
    /// The provider answered "pending fraud check"; a webhook settles it.
    FraudPending,
    Approved,
    Declined,
    /// The provider did not answer in time; the auth may be retried.
    TimedOut,
    /// Approved, then released before anything was captured.
    Voided,
}

/// One payment: an auth, captured and refunded totals, and counts of its parts.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Payment {
    pub id: PaymentId,
    pub customer: u32,
    pub merchant: u32,
    /// The amount asked for when the payment was created.
    pub amount: u64,
    pub auth: AuthState,
    pub auth_attempts: u8,
    /// What the provider approved (0 until it does).
    pub authorized: u64,
    pub captured: u64,
    pub refunded: u64,
    /// Fees the provider kept on this payment's captures.
    pub fees: u64,
    pub captures: u16,
    pub failed_captures: u16,
    pub refunds: u16,
    pub failed_refunds: u16,
    /// Times the auth went into a fraud check, and times a fraud decision was applied.
    pub fraud_checks: u8,
    pub fraud_decisions: u8,
    /// The overall status, following the parts; kept so each change can be checked.
    pub status: PaymentStatus,
    /// Set by the archiver once the payment is terminal; an archived payment is frozen.
    pub archived: bool,
    /// Paid out to the merchant by settlement reports so far.
    pub settled: u64,
    /// Bit `k`: the settlement of capture `k` was handled (paid out or skipped).
    pub settled_parts: u32,
}

impl Payment {
    pub fn new(id: PaymentId, customer: u32, merchant: u32, amount: u64) -> Self {
        let mut payment = Payment {
            id,
            customer,
            merchant,
            amount,
            auth: AuthState::Requested,
            auth_attempts: 1,
            authorized: 0,
            captured: 0,
            refunded: 0,
            fees: 0,
            captures: 0,
            failed_captures: 0,
            refunds: 0,
            failed_refunds: 0,
            fraud_checks: 0,
            fraud_decisions: 0,
            status: PaymentStatus::Pending,
            archived: false,
            settled: 0,
            settled_parts: 0,
        };
        payment.status = status_of(&payment);
        payment
    }

    /// What may still be captured: the approved amount not captured yet.
    pub fn capturable(&self) -> u64 {
        self.authorized.saturating_sub(self.captured)
    }

    /// What may still be refunded: the captured amount not refunded yet.
    pub fn refundable(&self) -> u64 {
        self.captured.saturating_sub(self.refunded)
    }
}

/// A status change the lifecycle does not allow, recorded by `apply` when it happens.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct IllegalTransition {
    pub payment: PaymentId,
    pub from: PaymentStatus,
    pub to: PaymentStatus,
}

#[derive(Debug, PartialEq)]
pub struct PaymentsState {
    pub config: PaymentsConfig,
    pub bugs: Bugs,
    /// Payments in the order they were created.
    pub payments: ArrayVec<Payment, MAX_PAYMENTS>,
    /// `slots[id]`: 1 + the position of payment `id` in `payments`, or 0 for an unused id.
    slots: [u8; MAX_PAYMENTS],
    /// Webhooks acknowledged and ignored (unknown payment, or an auth not in fraud review).
    pub webhooks_ignored: u32,
    /// The first status change that broke the lifecycle, if any.
    pub illegal_transition: Option<IllegalTransition>,
    /// The outbox: settlement reports the provider owes for successful captures, oldest
    /// first (see [`super::settlement`]).
    pub settlements: ArrayVec<Settlement, MAX_SETTLEMENTS>,
}

/// Settlement reports that may wait at once; a capture is refused while the outbox is full.
pub const MAX_SETTLEMENTS: usize = 16;

/// One settlement report waiting in the outbox.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Settlement {
    pub payment: PaymentId,
    pub part: u16,
    pub amount: u64,
}

/// Written out for `clone_from`, which copies only the payments in use. The engine refreshes
/// its cascade scratch with it before every dispatch, and a derived one would copy all
/// [`MAX_PAYMENTS`] slots (whole-state copies were a quarter of payments' instructions).
impl Clone for PaymentsState {
    fn clone(&self) -> Self {
        PaymentsState {
            config: self.config,
            bugs: self.bugs,
            payments: self.payments.clone(),
            slots: self.slots,
            webhooks_ignored: self.webhooks_ignored,
            illegal_transition: self.illegal_transition,
            settlements: self.settlements.clone(),
        }
    }

    fn clone_from(&mut self, source: &Self) {
        self.config = source.config;
        self.bugs = source.bugs;
        self.payments.clone_from(&source.payments);
        self.slots = source.slots;
        self.webhooks_ignored = source.webhooks_ignored;
        self.illegal_transition = source.illegal_transition;
        self.settlements.clone_from(&source.settlements);
    }
}

impl PaymentsState {
    pub fn new(config: PaymentsConfig, bugs: Bugs) -> Self {
        PaymentsState {
            config,
            bugs,
            payments: ArrayVec::new(),
            slots: [0; MAX_PAYMENTS],
            webhooks_ignored: 0,
            illegal_transition: None,
            settlements: ArrayVec::new(),
        }
    }

    fn position(&self, id: PaymentId) -> Option<usize> {
        let slot = *self.slots.get(id as usize)?;
        (slot > 0).then(|| usize::from(slot) - 1)
    }

    pub fn payment(&self, id: PaymentId) -> Option<&Payment> {
        self.payments.get(self.position(id)?)
    }

    pub fn payment_mut(&mut self, id: PaymentId) -> Option<&mut Payment> {
        let position = self.position(id)?;
        self.payments.get_mut(position)
    }

    /// Adds `payment` under its id; false (and nothing changes) when the id is out of range
    /// or taken.
    pub fn insert(&mut self, payment: Payment) -> bool {
        let id = payment.id as usize;
        if id >= MAX_PAYMENTS || self.slots[id] != 0 {
            return false;
        }
        self.payments.push(payment);
        self.slots[id] = self.payments.len() as u8;
        true
    }

    /// The lowest id no payment has, if any is left.
    pub fn free_id(&self) -> Option<PaymentId> {
        self.slots
            .iter()
            .position(|&slot| slot == 0)
            .map(|id| id as PaymentId)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_payments(ids: &[PaymentId]) -> PaymentsState {
        let mut state = PaymentsState::new(PaymentsConfig::default(), Bugs::NONE);
        for &id in ids {
            assert!(state.insert(Payment::new(id, 0, 0, 100 + u64::from(id))));
        }
        state.webhooks_ignored = ids.len() as u32;
        state
    }

    /// `clone_from` is written out field by field; into a state with more payments, with
    /// fewer, or with other ids, it must give exactly what `clone` gives.
    #[test]
    fn clone_from_equals_clone_whatever_it_overwrites() {
        let source = with_payments(&[3, 7, 1]);
        for before in [&[][..], &[9][..], &[3, 7, 1, 12, 40][..], &[5, 6, 8][..]] {
            let mut target = with_payments(before);
            target.clone_from(&source);
            assert_eq!(target, source.clone(), "over {before:?}");
            assert_eq!(target.payment(12), None, "over {before:?}");
        }
    }
}
