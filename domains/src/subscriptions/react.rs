//! The synchronous reactor: "only one pinned post". Pinning a post asks to unpin every other
//! pinned post, and the engine runs those follow-ups inside the same atomic dispatch, so no
//! observer ever sees two pins.

use super::action::SubscriptionAction;
use super::bugs::PIN_KEEPS_OLD_PIN;
use super::event::SubscriptionEvent;
use super::state::SubscriptionsState;

pub fn react(
    state: &SubscriptionsState,
    event: &SubscriptionEvent,
    out: &mut Vec<SubscriptionAction>,
) {
    let SubscriptionEvent::PostPinned { post } = *event else {
        return;
    };
    if state.bugs.has(PIN_KEEPS_OLD_PIN) {
        return;
    }
    for (other, current) in state.posts.iter().enumerate() {
        if current.pinned && other != usize::from(post) {
            out.push(SubscriptionAction::UnpinPost { post: other as u8 });
        }
    }
}
