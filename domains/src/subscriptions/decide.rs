//! The commands: validate attributes, then the current state; emit nothing when nothing
//! would change (a no-op is accepted with zero events, not refused).

use rewind::Env;

use super::action::SubscriptionAction;
use super::bugs::{ACTIVATE_WITHOUT_KEY, UPDATE_SAME_TITLE_EMITS_EVENT};
use super::event::SubscriptionEvent as Event;
use super::reject::SubscriptionReject as Reject;
use super::state::{Post, PostStatus, SubStatus, Subscription, SubscriptionsState};
use super::validate::{self, MAX_PLAN_CENTS, MIN_PLAN_CENTS};

pub fn decide(
    state: &SubscriptionsState,
    action: &SubscriptionAction,
    env: &mut Env,
    out: &mut Vec<Event>,
) -> Result<(), Reject> {
    match *action {
        SubscriptionAction::Subscribe {
            sub,
            plan_cents,
            currency,
        } => {
            if !(MIN_PLAN_CENTS..=MAX_PLAN_CENTS).contains(&plan_cents) {
                return Err(Reject::PlanOutOfRange {
                    plan_cents,
                    minimum: MIN_PLAN_CENTS,
                    maximum: MAX_PLAN_CENTS,
                });
            }
            let current = subscription(state, sub)?;
            let plan_cents = plan_cents as u64;
            match current.status {
                SubStatus::None | SubStatus::Cancelled => out.push(Event::Subscribed {
                    sub,
                    plan_cents,
                    currency,
                }),
                SubStatus::Pending | SubStatus::Active
                    if current.plan_cents == plan_cents && current.currency == currency => {}
                SubStatus::Pending | SubStatus::Active => {
                    return Err(Reject::AlreadySubscribed {
                        sub,
                        plan_cents: current.plan_cents,
                        currency: current.currency,
                    });
                }
            }
        }
        SubscriptionAction::Activate { sub, provider_key } => {
            if !env.planted(ACTIVATE_WITHOUT_KEY) {
                validate::provider_key(&provider_key)
                    .map_err(|problem| Reject::InvalidProviderKey { problem })?;
            }
            let current = subscription(state, sub)?;
            match current.status {
                SubStatus::None => return Err(Reject::NotSubscribed { sub }),
                SubStatus::Cancelled => return Err(Reject::SubscriptionCancelled { sub }),
                SubStatus::Pending => out.push(Event::Activated {
                    sub,
                    provider_key,
                    at: env.now(),
                }),
                SubStatus::Active if current.provider_key == Some(provider_key) => {}
                SubStatus::Active => return Err(Reject::AlreadyActive { sub }),
            }
        }
        SubscriptionAction::Cancel { sub } => match subscription(state, sub)?.status {
            SubStatus::None => return Err(Reject::NotSubscribed { sub }),
            SubStatus::Cancelled => {}
            SubStatus::Pending | SubStatus::Active => out.push(Event::Cancelled { sub }),
        },
        SubscriptionAction::CreatePost { post, title } => {
            validate::title(&title).map_err(|problem| Reject::InvalidTitle { problem })?;
            if usize::from(post) >= state.posts.len() {
                return Err(Reject::UnknownPost { post });
            }
            if state.post(post).is_some() {
                return Err(Reject::PostExists { post });
            }
            out.push(Event::PostCreated { post, title });
        }
        SubscriptionAction::PublishPost { post } => {
            if existing(state, post)?.status == PostStatus::Draft {
                out.push(Event::PostPublished { post });
            }
        }
        SubscriptionAction::UpdatePost { post, title } => {
            validate::title(&title).map_err(|problem| Reject::InvalidTitle { problem })?;
            let current = existing(state, post)?;
            if current.title != title || env.planted(UPDATE_SAME_TITLE_EMITS_EVENT) {
                out.push(Event::PostUpdated { post, title });
            }
        }
        SubscriptionAction::PinPost { post } => {
            let current = existing(state, post)?;
            if current.status != PostStatus::Published {
                return Err(Reject::NotPublished { post });
            }
            if !current.pinned {
                out.push(Event::PostPinned { post });
            }
        }
        SubscriptionAction::UnpinPost { post } => {
            if existing(state, post)?.pinned {
                out.push(Event::PostUnpinned { post });
            }
        }
        SubscriptionAction::SendWelcome { sub, activation } => {
            super::mailer::send_welcome(state, sub, activation, env, out)?;
        }
    }
    Ok(())
}

fn subscription(state: &SubscriptionsState, sub: u8) -> Result<&Subscription, Reject> {
    state.sub(sub).ok_or(Reject::UnknownSubscriber { sub })
}

fn existing(state: &SubscriptionsState, post: u8) -> Result<&Post, Reject> {
    state.post(post).ok_or(Reject::UnknownPost { post })
}
