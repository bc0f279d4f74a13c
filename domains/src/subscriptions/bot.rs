//! The bot: a creator writing, publishing, retitling and pinning posts while fans subscribe,
//! activate and cancel; repeats of the current value (to exercise no-ops) come naturally from
//! small pools; and a few percent of hostile or malformed commands.

use arrayvec::ArrayString;
use rewind::Choices;

use super::action::{Currency, PostId, SubscriberId, SubscriptionAction as Action, text};
use super::state::{MAX_POSTS, MAX_SUBS, PostStatus, SubStatus, SubscriptionsState};
use super::validate::{MAX_PLAN_CENTS, MIN_PLAN_CENTS};

/// Titles the bot writes; the first is the simplest for shrinking.
pub const TITLES: [&str; 4] = ["Hello", "Behind the scenes", "Q and A", "New video"];
/// Well-formed provider keys.
pub const KEYS: [&str; 3] = ["pk_live0001", "pk_test1234", "pk_abcdef99"];
/// Plans, in cents.
pub const PLANS: [i64; 3] = [500, 1000, 2500];
/// Currencies, the default first.
pub const CURRENCIES: [Currency; 3] = [Currency::Usd, Currency::Eur, Currency::Gbp];

const HOSTILE_PERCENT: u32 = 3;
const BAD_KEYS: [&str; 5] = ["", "pk_", "sk_live0001", "pk_LIVE0001", "pk_live 001"];
const BAD_TITLES: [&str; 4] = ["", "   ", "tab\there", "\u{7}bell"];

pub fn next_action(state: &SubscriptionsState, choices: &mut dyn Choices) -> Action {
    if choices.chance(HOSTILE_PERCENT, 100) {
        return hostile(choices);
    }
    let subs = &state.subs;
    let posts = &state.posts;
    // Posts are never deleted: once every id is taken, creating mostly turns into retitling.
    let table_full = posts.iter().all(|p| p.status != PostStatus::Absent);
    let create = if table_full { 1 } else { 10 };
    match choices.weighted(&[12, 12, 4, create, 10, 14, 14, 4]) {
        0 => Action::Subscribe {
            sub: aim(choices, MAX_SUBS, |i| {
                matches!(subs[i].status, SubStatus::None | SubStatus::Cancelled)
            }),
            plan_cents: *choices.pick(&PLANS),
            currency: *choices.pick(&CURRENCIES),
        },
        1 => Action::Activate {
            sub: aim(choices, MAX_SUBS, |i| subs[i].status == SubStatus::Pending),
            provider_key: pick_text(choices, &KEYS),
        },
        2 => Action::Cancel {
            sub: aim(choices, MAX_SUBS, |i| {
                matches!(subs[i].status, SubStatus::Pending | SubStatus::Active)
            }),
        },
        3 => Action::CreatePost {
            post: aim(choices, MAX_POSTS, |i| {
                posts[i].status == PostStatus::Absent
            }),
            title: pick_text(choices, &TITLES),
        },
        4 => Action::PublishPost {
            post: aim(choices, MAX_POSTS, |i| posts[i].status == PostStatus::Draft),
        },
        5 => Action::UpdatePost {
            post: aim(choices, MAX_POSTS, |i| {
                posts[i].status != PostStatus::Absent
            }),
            title: pick_text(choices, &TITLES),
        },
        6 => Action::PinPost {
            post: aim(choices, MAX_POSTS, |i| {
                posts[i].status == PostStatus::Published
            }),
        },
        _ => Action::UnpinPost {
            post: aim(choices, MAX_POSTS, |i| posts[i].pinned),
        },
    }
}

fn hostile(choices: &mut dyn Choices) -> Action {
    let sub = choices.below(MAX_SUBS as u32) as SubscriberId;
    let post = choices.below(MAX_POSTS as u32) as PostId;
    match choices.below(6) {
        0 => Action::Subscribe {
            sub,
            plan_cents: *choices.pick(&[
                0,
                -1,
                MIN_PLAN_CENTS - 1,
                MAX_PLAN_CENTS + 1,
                i64::MIN,
                i64::MAX,
            ]),
            currency: Currency::Usd,
        },
        1 => Action::Activate {
            sub,
            provider_key: pick_text(choices, &BAD_KEYS),
        },
        2 => Action::Cancel {
            sub: *choices.pick(&[MAX_SUBS as SubscriberId, 200, u8::MAX]),
        },
        3 => Action::CreatePost {
            post,
            title: pick_text(choices, &BAD_TITLES),
        },
        4 => Action::UpdatePost {
            post: *choices.pick(&[MAX_POSTS as PostId, 99]),
            title: text(TITLES[0]),
        },
        _ => Action::PinPost {
            post: *choices.pick(&[MAX_POSTS as PostId, u8::MAX]),
        },
    }
}

/// Aims an action: four times in five an id below `len` for which `fits` holds (when there
/// is one), otherwise any id, so refusals and no-ops on the wrong target still happen.
fn aim(choices: &mut dyn Choices, len: usize, fits: impl Fn(usize) -> bool) -> u8 {
    let any = choices.below(len as u32) as usize;
    if !choices.chance(4, 5) {
        return any as u8;
    }
    let count = (0..len).filter(|&i| fits(i)).count();
    if count == 0 {
        return any as u8;
    }
    let nth = choices.below(count as u32) as usize;
    (0..len).filter(|&i| fits(i)).nth(nth).unwrap_or(any) as u8
}

/// One of `items` as inline text.
fn pick_text<const N: usize>(choices: &mut dyn Choices, items: &[&str]) -> ArrayString<N> {
    text(items[choices.below(items.len() as u32) as usize])
}

/// Simpler variants of one action, simplest first: lower ids, the first title, key and plan.
/// Subscriber and post ids, each kind renumbered on its own.
pub fn rename_ids(action: &mut Action, rename: &mut dyn FnMut(&'static str, u64) -> u64) {
    match action {
        Action::Subscribe { sub, .. }
        | Action::Activate { sub, .. }
        | Action::Cancel { sub }
        | Action::SendWelcome { sub, .. } => {
            rewind::rename_id(sub, "subscriber", rename);
        }
        Action::CreatePost { post, .. }
        | Action::PublishPost { post }
        | Action::UpdatePost { post, .. }
        | Action::PinPost { post }
        | Action::UnpinPost { post } => rewind::rename_id(post, "post", rename),
    }
}

pub fn shrink_action(action: &Action) -> Vec<Action> {
    let mut out = Vec::new();
    let mut push = |candidate: Action| {
        if candidate != *action && !out.contains(&candidate) {
            out.push(candidate);
        }
    };
    match *action {
        Action::Subscribe {
            sub,
            plan_cents,
            currency,
        } => {
            push(Action::Subscribe {
                sub,
                plan_cents: PLANS[0],
                currency: Currency::Usd,
            });
            push(Action::Subscribe {
                sub,
                plan_cents,
                currency: Currency::Usd,
            });
            for lower in 0..sub.min(MAX_SUBS as u8) {
                push(Action::Subscribe {
                    sub: lower,
                    plan_cents,
                    currency,
                });
            }
        }
        Action::Activate { sub, .. } => push(Action::Activate {
            sub,
            provider_key: text(KEYS[0]),
        }),
        Action::CreatePost { post, .. } => push(Action::CreatePost {
            post,
            title: text(TITLES[0]),
        }),
        Action::UpdatePost { post, .. } => push(Action::UpdatePost {
            post,
            title: text(TITLES[0]),
        }),
        Action::Cancel { .. }
        | Action::PublishPost { .. }
        | Action::PinPost { .. }
        | Action::UnpinPost { .. }
        | Action::SendWelcome { .. } => {}
    }
    out
}
