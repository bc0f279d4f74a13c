//! One step of a test case: an action a user took, or something the world did to the system
//! (a message delivered late, out of order or twice; a crash and restart; a concurrent client
//! deciding a command, or appending what it decided).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// One step of a test case.
///
/// A message from a domain's outbox (see [`crate::Domain::outbox`]) is itself an action, so a
/// delivery dispatches it like any other; the step only says who sent it. In a log, an action
/// is written as itself and the world's steps as `{"deliver": message}`,
/// `{"redeliver": message}`, `"restart"`, `{"begin": {"client": n, "action": action}}` and
/// `{"commit": n}`.
///
/// ```
/// use rewind_engine::Step;
/// let steps: Vec<Step<String>> = vec![
///     Step::Act("sign up".into()),
///     Step::Deliver("welcome email".into()),
///     Step::Redeliver("welcome email".into()),
///     Step::Restart,
///     Step::Begin { client: 1, action: "pay".into() },
///     Step::Commit(1),
/// ];
/// let json = serde_json::to_string(&steps).unwrap();
/// assert_eq!(
///     json,
///     r#"["sign up",{"deliver":"welcome email"},{"redeliver":"welcome email"},"restart",{"begin":{"action":"pay","client":1}},{"commit":1}]"#
/// );
/// assert_eq!(serde_json::from_str::<Vec<Step<String>>>(&json).unwrap(), steps);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Step<A> {
    /// An action a user (the bot) takes.
    Act(A),
    /// The bus delivers a message waiting in the outbox, possibly after later ones.
    Deliver(A),
    /// The bus delivers again a message it already delivered (at-least-once delivery).
    Redeliver(A),
    /// The process crashes: everything in memory is lost, and the state is rebuilt from the
    /// serialized event log (and the latest snapshot) before the run goes on.
    Restart,
    /// A concurrent client loads the state as it is and decides `action` there; nothing
    /// lands until its [`Step::Commit`].
    Begin {
        /// Which client, from 1.
        client: u32,
        /// The command it decides.
        action: A,
    },
    /// The client appends what it decided, if its version check passes (see
    /// [`crate::Domain::reads`]), or meets a conflict.
    Commit(u32),
}

/// How a restart is written in a log.
pub const RESTART: &str = "restart";
/// The key of a delivery in a log.
pub const DELIVER: &str = "deliver";
/// The key of a repeated delivery in a log.
pub const REDELIVER: &str = "redeliver";
/// The key of a concurrent client's decision in a log.
pub const BEGIN: &str = "begin";
/// The key of a concurrent client's append in a log.
pub const COMMIT: &str = "commit";

impl<A> Step<A> {
    /// The action this step dispatches (the user's, or the delivered message), or the
    /// command a client begins.
    pub fn action(&self) -> Option<&A> {
        match self {
            Step::Act(action)
            | Step::Deliver(action)
            | Step::Redeliver(action)
            | Step::Begin { action, .. } => Some(action),
            Step::Restart | Step::Commit(_) => None,
        }
    }

    /// [`Step::action`], mutably.
    pub fn action_mut(&mut self) -> Option<&mut A> {
        match self {
            Step::Act(action)
            | Step::Deliver(action)
            | Step::Redeliver(action)
            | Step::Begin { action, .. } => Some(action),
            Step::Restart | Step::Commit(_) => None,
        }
    }

    /// The concurrent client that takes this step, if one does.
    pub fn client(&self) -> Option<u32> {
        match self {
            Step::Begin { client, .. } | Step::Commit(client) => Some(*client),
            _ => None,
        }
    }

    /// Whether the world took this step rather than a user.
    pub fn is_fault(&self) -> bool {
        !matches!(self, Step::Act(_))
    }

    /// The same step with its action replaced.
    pub fn with_action(&self, action: A) -> Step<A> {
        match self {
            Step::Act(_) => Step::Act(action),
            Step::Deliver(_) => Step::Deliver(action),
            Step::Redeliver(_) => Step::Redeliver(action),
            Step::Restart => Step::Restart,
            Step::Begin { client, .. } => Step::Begin {
                client: *client,
                action,
            },
            Step::Commit(client) => Step::Commit(*client),
        }
    }
}

/// What a step of a log is, before its action is decoded: the decoding (and upcasting) of
/// the action is left to the caller, which knows the domain.
pub enum RawStep<'a> {
    /// An action, still JSON.
    Act(&'a Value),
    /// `{"deliver": message}`: the message, still JSON.
    Deliver(&'a Value),
    /// `{"redeliver": message}`: the message, still JSON.
    Redeliver(&'a Value),
    /// `"restart"`.
    Restart,
    /// `{"begin": {"client": n, "action": action}}`: the client, and the action still JSON.
    Begin(u32, &'a Value),
    /// `{"commit": n}`.
    Commit(u32),
}

impl<'a> RawStep<'a> {
    /// Reads one entry of a log's `actions`: `"restart"`, an object whose only key is
    /// `deliver`, `redeliver`, `begin` (holding a `client` number and an `action`) or
    /// `commit` (holding a client number), or else an action.
    pub fn read(value: &'a Value) -> RawStep<'a> {
        let client = |number: &Value| number.as_u64().and_then(|n| u32::try_from(n).ok());
        match value {
            Value::String(text) if text == RESTART => RawStep::Restart,
            Value::Object(object) if object.len() == 1 => match object.iter().next() {
                Some((key, message)) if key == DELIVER => RawStep::Deliver(message),
                Some((key, message)) if key == REDELIVER => RawStep::Redeliver(message),
                Some((key, Value::Object(begun))) if key == BEGIN && begun.len() == 2 => {
                    match (begun.get("client").and_then(client), begun.get("action")) {
                        (Some(client), Some(action)) => RawStep::Begin(client, action),
                        _ => RawStep::Act(value),
                    }
                }
                Some((key, number)) if key == COMMIT => match client(number) {
                    Some(client) => RawStep::Commit(client),
                    None => RawStep::Act(value),
                },
                _ => RawStep::Act(value),
            },
            _ => RawStep::Act(value),
        }
    }

    /// Whether this is a concurrent client's step, which only logs of the current format
    /// hold.
    pub fn is_client(&self) -> bool {
        matches!(self, RawStep::Begin(..) | RawStep::Commit(_))
    }

    /// The step, its action decoded by `decode` (a restart has none to decode).
    pub fn decode<A, E>(
        self,
        decode: impl FnOnce(&'a Value) -> Result<A, E>,
    ) -> Result<Step<A>, E> {
        Ok(match self {
            RawStep::Act(json) => Step::Act(decode(json)?),
            RawStep::Deliver(json) => Step::Deliver(decode(json)?),
            RawStep::Redeliver(json) => Step::Redeliver(decode(json)?),
            RawStep::Restart => Step::Restart,
            RawStep::Begin(client, json) => Step::Begin {
                client,
                action: decode(json)?,
            },
            RawStep::Commit(client) => Step::Commit(client),
        })
    }
}

impl<A: Serialize> Serialize for Step<A> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let wrapped = |key: &str, message: &A| -> Result<Value, S::Error> {
            let message = serde_json::to_value(message).map_err(serde::ser::Error::custom)?;
            let mut object = Map::new();
            object.insert(key.to_string(), message);
            Ok(Value::Object(object))
        };
        match self {
            Step::Act(action) => action.serialize(serializer),
            Step::Deliver(message) => wrapped(DELIVER, message)?.serialize(serializer),
            Step::Redeliver(message) => wrapped(REDELIVER, message)?.serialize(serializer),
            Step::Restart => serializer.serialize_str(RESTART),
            Step::Begin { client, action } => {
                let action = serde_json::to_value(action).map_err(serde::ser::Error::custom)?;
                let mut begun = Map::new();
                begun.insert("client".to_string(), Value::from(*client));
                begun.insert("action".to_string(), action);
                let mut object = Map::new();
                object.insert(BEGIN.to_string(), Value::Object(begun));
                Value::Object(object).serialize(serializer)
            }
            Step::Commit(client) => {
                let mut object = Map::new();
                object.insert(COMMIT.to_string(), Value::from(*client));
                Value::Object(object).serialize(serializer)
            }
        }
    }
}

impl<'de, A: serde::de::DeserializeOwned> Deserialize<'de> for Step<A> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        RawStep::read(&value)
            .decode(|json| A::deserialize(json.clone()).map_err(serde::de::Error::custom))
    }
}
