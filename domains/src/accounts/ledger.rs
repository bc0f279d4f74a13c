//! The lives ledger: a read model of every grant and spend, folded from the same events as
//! the player's state but by separate code, so the two can be checked against each other.

use rewind::Projection;

use super::event::AccountEvent;
use super::state::MAX_USERS;

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct LivesLedger {
    /// Lives granted by payments, per identity.
    pub granted: [u64; MAX_USERS],
    /// Lives spent by deaths, per identity (one per death).
    pub spent: [u64; MAX_USERS],
}

impl LivesLedger {
    /// What the ledger says the player should have.
    pub fn balance(&self, user: usize) -> i64 {
        self.granted[user] as i64 - self.spent[user] as i64
    }
}

impl Projection<AccountEvent> for LivesLedger {
    fn fold(&mut self, event: &AccountEvent) {
        match *event {
            AccountEvent::LivesGranted { user, lives, .. } => {
                if let Some(granted) = self.granted.get_mut(usize::from(user)) {
                    *granted += u64::from(lives);
                }
            }
            AccountEvent::BonusGranted { user, .. } => {
                if let Some(granted) = self.granted.get_mut(usize::from(user)) {
                    *granted += 1;
                }
            }
            AccountEvent::PlayerDied { user, .. } => {
                if let Some(spent) = self.spent.get_mut(usize::from(user)) {
                    *spent += 1;
                }
            }
            _ => {}
        }
    }
}
