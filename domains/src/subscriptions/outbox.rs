//! The outbox: asynchronous reactors modelled as a projection. Each fold queues the emails an
//! event calls for (a welcome on activation, a goodbye on cancellation, an announcement to
//! every active subscriber when a post is published). Nothing is sent; a mailer would drain
//! it. Kept as counts per recipient plus the last few emails, so it stays O(state).

use arrayvec::ArrayVec;
use rewind::{Bugs, Projection};

use super::bugs::OUTBOX_ANNOUNCES_DRAFTS;
use super::event::SubscriptionEvent as Event;
use super::state::{MAX_POSTS, MAX_SUBS};

/// How many of the most recent emails the outbox keeps for display.
pub const RECENT_EMAILS: usize = 8;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Email {
    Welcome { sub: u8, activated_at: u64 },
    Goodbye { sub: u8 },
    NewPost { sub: u8, post: u8 },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outbox {
    bugs: Bugs,
    /// The outbox's own view of who is active (it may not read the domain's state).
    active: [bool; MAX_SUBS],
    pub welcomes: [u32; MAX_SUBS],
    /// The activation time the last welcome email quoted, per subscriber.
    pub welcomed_at: [Option<u64>; MAX_SUBS],
    pub goodbyes: [u32; MAX_SUBS],
    /// How many times each post was announced (one batch per announcement).
    pub announcements: [u32; MAX_POSTS],
    pub queued: u64,
    pub recent: ArrayVec<Email, RECENT_EMAILS>,
}

impl Outbox {
    pub fn new(bugs: Bugs) -> Self {
        Outbox {
            bugs,
            active: [false; MAX_SUBS],
            welcomes: [0; MAX_SUBS],
            welcomed_at: [None; MAX_SUBS],
            goodbyes: [0; MAX_SUBS],
            announcements: [0; MAX_POSTS],
            queued: 0,
            recent: ArrayVec::new(),
        }
    }

    fn queue(&mut self, email: Email) {
        self.queued += 1;
        if self.recent.is_full() {
            self.recent.remove(0);
        }
        self.recent.push(email);
    }

    fn announce(&mut self, post: u8) {
        let Some(count) = self.announcements.get_mut(usize::from(post)) else {
            return;
        };
        *count += 1;
        for sub in 0..MAX_SUBS {
            if self.active[sub] {
                self.queue(Email::NewPost {
                    sub: sub as u8,
                    post,
                });
            }
        }
    }
}

impl Projection<Event> for Outbox {
    fn fold(&mut self, event: &Event) {
        match *event {
            Event::Activated { sub, at, .. } => {
                let index = usize::from(sub);
                if index < MAX_SUBS {
                    self.active[index] = true;
                    self.welcomes[index] += 1;
                    self.welcomed_at[index] = Some(at);
                    self.queue(Email::Welcome {
                        sub,
                        activated_at: at,
                    });
                }
            }
            Event::Cancelled { sub } => {
                let index = usize::from(sub);
                if index < MAX_SUBS {
                    self.active[index] = false;
                    self.goodbyes[index] += 1;
                    self.queue(Email::Goodbye { sub });
                }
            }
            Event::Subscribed { sub, .. } => {
                if let Some(active) = self.active.get_mut(usize::from(sub)) {
                    *active = false;
                }
            }
            Event::PostPublished { post } => self.announce(post),
            Event::PostCreated { post, .. } if self.bugs.has(OUTBOX_ANNOUNCES_DRAFTS) => {
                self.announce(post)
            }
            _ => {}
        }
    }
}
