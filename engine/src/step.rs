//! One step of a test case: an action a user took, or something the world did to the system
//! (a message delivered late, out of order or twice; a crash and restart).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// One step of a test case.
///
/// A message from a domain's outbox (see [`crate::Domain::outbox`]) is itself an action, so a
/// delivery dispatches it like any other; the step only says who sent it. In a log, an action
/// is written as itself and the world's steps as `{"deliver": message}`,
/// `{"redeliver": message}` and `"restart"`.
///
/// ```
/// use rewind_engine::Step;
/// let steps: Vec<Step<String>> = vec![
///     Step::Act("sign up".into()),
///     Step::Deliver("welcome email".into()),
///     Step::Redeliver("welcome email".into()),
///     Step::Restart,
/// ];
/// let json = serde_json::to_string(&steps).unwrap();
/// assert_eq!(
///     json,
///     r#"["sign up",{"deliver":"welcome email"},{"redeliver":"welcome email"},"restart"]"#
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
}

/// How a restart is written in a log.
pub const RESTART: &str = "restart";
/// The key of a delivery in a log.
pub const DELIVER: &str = "deliver";
/// The key of a repeated delivery in a log.
pub const REDELIVER: &str = "redeliver";

impl<A> Step<A> {
    /// The action this step dispatches: the user's, or the delivered message.
    pub fn action(&self) -> Option<&A> {
        match self {
            Step::Act(action) | Step::Deliver(action) | Step::Redeliver(action) => Some(action),
            Step::Restart => None,
        }
    }

    /// [`Step::action`], mutably.
    pub fn action_mut(&mut self) -> Option<&mut A> {
        match self {
            Step::Act(action) | Step::Deliver(action) | Step::Redeliver(action) => Some(action),
            Step::Restart => None,
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
}

impl<'a> RawStep<'a> {
    /// Reads one entry of a log's `actions`: `"restart"`, an object whose only key is
    /// `deliver` or `redeliver`, or else an action.
    pub fn read(value: &'a Value) -> RawStep<'a> {
        match value {
            Value::String(text) if text == RESTART => RawStep::Restart,
            Value::Object(object) if object.len() == 1 => match object.iter().next() {
                Some((key, message)) if key == DELIVER => RawStep::Deliver(message),
                Some((key, message)) if key == REDELIVER => RawStep::Redeliver(message),
                _ => RawStep::Act(value),
            },
            _ => RawStep::Act(value),
        }
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
