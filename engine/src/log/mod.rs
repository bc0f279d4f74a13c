//! The JSON log of a failing run: what the corpus stores and `cargo test` replays.
//!
//! A log holds readable actions, never raw bytes or a bare seed, so it survives changes to
//! the bot. Parsing is strict and every error names the file and the field at fault.

mod draws;
mod pretty;

use pretty::Field;

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::step::{DELIVER, REDELIVER, RESTART};
use crate::{Bug, Bugs, Draw, Model, RawStep, StableHasher, Step};

pub use draws::StepDraws;

/// The `format` every log is written with; bumped when the log's own layout changes.
/// Format 2 added `draws`, the randomness each step drew; format 3 added the world's steps
/// among the actions (`{"deliver": ..}`, `{"redeliver": ..}`, `"restart"`, see [`Step`]).
pub const LOG_FORMAT: &str = "rewind-log/3";
/// The formats still read: format 1 is format 2 without `draws` (every step draws from the
/// seed, as it did when the log was written), and format 2 is format 3 with only actions, so
/// both replay unchanged.
const READ_FORMATS: [&str; 3] = ["rewind-log/1", "rewind-log/2", LOG_FORMAT];

/// What broke, as recorded when the log was written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Violation {
    /// The invariant's name, or a generic check (`no_panic`, `replay_rebuilds_state`, ...).
    pub invariant: String,
    /// The index of the action after which it broke.
    pub step: usize,
    pub message: String,
}

/// A log as stored: actions still JSON, so it can be routed to its domain by name first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Log {
    pub format: String,
    pub domain: String,
    pub schema: u32,
    pub seed: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bug: Option<String>,
    /// The exact command or fuzz artifact that found it.
    pub found_by: String,
    pub actions: Vec<Value>,
    /// What the steps that drew randomness drew, in step order (steps that drew none are
    /// left out).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub draws: Vec<StepDraws>,
    pub violation: Violation,
}

/// A log decoded for domain `D`.
pub struct TypedLog<D: Model> {
    pub seed: u64,
    pub config: D::Config,
    pub bug: Option<&'static Bug>,
    pub found_by: String,
    /// The actions, and the world's steps among them (stored under `actions`).
    pub steps: Vec<Step<D::Action>>,
    /// `draws[i]`: what step `i` drew (empty when it drew nothing, or drew from the seed).
    /// Either empty or as long as `steps`.
    pub draws: Vec<Vec<Draw>>,
    pub violation: Violation,
}

// Written out rather than derived: a derive would demand `D: Clone + Debug` of the domain's
// marker type (usually a bare unit struct), though only its associated types are stored.
impl<D: Model> Clone for TypedLog<D> {
    fn clone(&self) -> Self {
        TypedLog {
            seed: self.seed,
            config: self.config.clone(),
            bug: self.bug,
            found_by: self.found_by.clone(),
            steps: self.steps.clone(),
            draws: self.draws.clone(),
            violation: self.violation.clone(),
        }
    }
}

impl<D: Model> fmt::Debug for TypedLog<D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TypedLog")
            .field("seed", &self.seed)
            .field("config", &self.config)
            .field("bug", &self.bug)
            .field("found_by", &self.found_by)
            .field("steps", &self.steps)
            .field("draws", &self.draws)
            .field("violation", &self.violation)
            .finish()
    }
}

impl<D: Model> TypedLog<D> {
    /// The planted bugs this log was recorded against.
    pub fn bugs(&self) -> Bugs {
        self.bug.map_or(Bugs::NONE, |bug| Bugs::NONE.with(bug.id))
    }

    /// What step `step` drew, as recorded (empty when nothing was).
    pub fn step_draws(&self, step: usize) -> &[Draw] {
        self.draws.get(step).map_or(&[], Vec::as_slice)
    }
}

/// Why a log could not be read: the file, the field (when one is at fault) and the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogError {
    pub file: String,
    pub field: Option<String>,
    pub problem: String,
}

impl fmt::Display for LogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{}: field `{field}`: {}", self.file, self.problem),
            None => write!(f, "{}: {}", self.file, self.problem),
        }
    }
}

impl std::error::Error for LogError {}

const FIELDS: [&str; 10] = [
    "format",
    "domain",
    "schema",
    "seed",
    "config",
    "bug",
    "found_by",
    "actions",
    "draws",
    "violation",
];

impl Log {
    /// Builds the log of a run of `D`.
    pub fn new<D: Model>(typed: &TypedLog<D>) -> Log {
        let config = (typed.config != D::Config::default())
            .then(|| serde_json::to_value(&typed.config).expect("configs serialize to JSON"));
        Log {
            format: LOG_FORMAT.to_string(),
            domain: D::NAME.to_string(),
            schema: D::SCHEMA,
            seed: typed.seed,
            config,
            bug: typed.bug.map(|bug| bug.name.to_string()),
            found_by: typed.found_by.clone(),
            actions: typed
                .steps
                .iter()
                .map(|step| serde_json::to_value(step).expect("actions serialize to JSON"))
                .collect(),
            draws: draws::by_step(&typed.draws),
            violation: typed.violation.clone(),
        }
    }

    /// Parses the text of `file`, checking every field's presence and type.
    pub fn parse(file: &str, text: &str) -> Result<Log, LogError> {
        let error = |field: Option<&str>, problem: String| LogError {
            file: file.to_string(),
            field: field.map(str::to_string),
            problem,
        };
        let value: Value =
            serde_json::from_str(text).map_err(|e| error(None, format!("not valid JSON: {e}")))?;
        let Value::Object(object) = value else {
            return Err(error(None, "a log is a JSON object".to_string()));
        };
        if let Some(unknown) = object.keys().find(|key| !FIELDS.contains(&key.as_str())) {
            return Err(error(
                Some(unknown),
                format!("unknown field; a log has {}", FIELDS.join(", ")),
            ));
        }
        let format = string_field(&object, "format").map_err(|p| error(Some("format"), p))?;
        if !READ_FORMATS.contains(&format.as_str()) {
            return Err(error(
                Some("format"),
                format!("`{format}` is not one of {}", READ_FORMATS.join(", ")),
            ));
        }
        let schema = u64_field(&object, "schema").map_err(|p| error(Some("schema"), p))?;
        let schema = u32::try_from(schema)
            .map_err(|_| error(Some("schema"), format!("{schema} is out of range")))?;
        let violation = object
            .get("violation")
            .ok_or_else(|| error(Some("violation"), "missing".into()))?;
        let violation: Violation = serde_json::from_value(violation.clone())
            .map_err(|e| error(Some("violation"), e.to_string()))?;
        let actions = match object.get("actions") {
            Some(Value::Array(actions)) => actions.clone(),
            Some(_) => return Err(error(Some("actions"), "must be an array of actions".into())),
            None => return Err(error(Some("actions"), "missing".into())),
        };
        let draws = draws::parse(object.get("draws"), &format, actions.len())
            .map_err(|(field, problem)| error(Some(&field), problem))?;
        let bug = match object.get("bug") {
            None | Some(Value::Null) => None,
            Some(Value::String(bug)) => Some(bug.clone()),
            Some(_) => {
                return Err(error(
                    Some("bug"),
                    "must be the name of a planted bug".into(),
                ));
            }
        };
        Ok(Log {
            format,
            domain: string_field(&object, "domain").map_err(|p| error(Some("domain"), p))?,
            schema,
            seed: u64_field(&object, "seed").map_err(|p| error(Some("seed"), p))?,
            config: object
                .get("config")
                .filter(|config| !config.is_null())
                .cloned(),
            bug,
            found_by: string_field(&object, "found_by").map_err(|p| error(Some("found_by"), p))?,
            actions,
            draws,
            violation,
        })
    }

    /// Decodes the actions and config for domain `D`, upcasting actions written under an
    /// older schema and refusing a newer one.
    pub fn decode<D: Model>(&self, file: &str) -> Result<TypedLog<D>, LogError> {
        let error = |field: &str, problem: String| LogError {
            file: file.to_string(),
            field: Some(field.to_string()),
            problem,
        };
        if self.domain != D::NAME {
            return Err(error(
                "domain",
                format!("`{}` is not `{}`", self.domain, D::NAME),
            ));
        }
        if self.schema > D::SCHEMA {
            return Err(error(
                "schema",
                format!(
                    "written under {} schema {}, newer than this build's schema {}; update rewind to replay it",
                    D::NAME,
                    self.schema,
                    D::SCHEMA
                ),
            ));
        }
        let config = match &self.config {
            None => D::Config::default(),
            Some(config) => serde_json::from_value(config.clone())
                .map_err(|e| error("config", e.to_string()))?,
        };
        D::check_config(&config).map_err(|reason| error("config", reason))?;
        let bug = match &self.bug {
            None => None,
            Some(name) => Some(Bugs::find(D::BUGS, name).ok_or_else(|| {
                let known: Vec<&str> = D::BUGS.iter().map(|bug| bug.name).collect();
                error(
                    "bug",
                    format!(
                        "`{name}` is not a planted bug of {}; it has: {}",
                        D::NAME,
                        known.join(", ")
                    ),
                )
            })?),
        };
        let world_steps = self.format == LOG_FORMAT;
        let mut steps = Vec::with_capacity(self.actions.len());
        for (index, raw) in self.actions.iter().enumerate() {
            let field = format!("actions[{index}]");
            let step = if world_steps {
                RawStep::read(raw)
            } else {
                RawStep::Act(raw)
            };
            let is_action = matches!(step, RawStep::Act(_));
            steps.push(step.decode(|json| {
                let mut json = json.clone();
                if self.schema < D::SCHEMA {
                    json = D::upcast_action(self.schema, json)
                        .map_err(|problem| error(&field, problem))?;
                }
                serde_json::from_value(json).map_err(|e| {
                    // serde lists the action variants; an entry that is none of them may be
                    // meant as one of the world's steps, which serde does not know of.
                    let mut problem = e.to_string();
                    if is_action && problem.starts_with("unknown variant") {
                        let kinds = format!(
                            "{{\"{DELIVER}\": message}}, {{\"{REDELIVER}\": message}} or \"{RESTART}\""
                        );
                        problem.push_str(&match world_steps {
                            true => format!("; a step may also be {kinds}"),
                            false => format!(
                                "; a step may also be {kinds} in a {LOG_FORMAT} log, but this log is {}",
                                self.format
                            ),
                        });
                    }
                    error(&field, problem)
                })
            })?);
        }
        Ok(TypedLog {
            seed: self.seed,
            config,
            bug,
            found_by: self.found_by.clone(),
            draws: draws::per_step(&self.draws, steps.len()),
            steps,
            violation: self.violation.clone(),
        })
    }

    /// Pretty-printed JSON with a trailing newline; keys in a fixed order, and lists of plain
    /// numbers (a recorded deck) on one line.
    pub fn to_json(&self) -> String {
        let value = serde_json::to_value(self).expect("logs serialize to JSON");
        let Value::Object(mut object) = value else {
            unreachable!("a log serializes to an object")
        };
        let mut violation = vec![
            ("invariant", Value::from(self.violation.invariant.as_str())),
            ("step", Value::from(self.violation.step)),
            ("message", Value::from(self.violation.message.as_str())),
        ];
        object.remove("violation");
        let mut draws: Vec<Vec<(&str, Value)>> = self
            .draws
            .iter()
            .map(|entry| {
                let drew = serde_json::to_value(&entry.drew).expect("draws serialize to JSON");
                vec![("step", Value::from(entry.step)), ("drew", drew)]
            })
            .collect();
        let mut fields: Vec<(&str, Field<'_>)> = Vec::new();
        for name in FIELDS {
            match name {
                "draws" if !draws.is_empty() => {
                    fields.push((name, Field::OrderedList(std::mem::take(&mut draws))));
                }
                "violation" => {
                    fields.push((name, Field::Ordered(std::mem::take(&mut violation))));
                }
                _ => {
                    if let Some(value) = object.remove(name) {
                        fields.push((name, Field::Json(value)));
                    }
                }
            }
        }
        pretty::object_in_order(&fields)
    }

    /// A hash of what the log means (domain, schema, seed, config, bug, actions, draws and
    /// the invariant), not of how it was found: two commands finding the same failure agree.
    /// A log without draws hashes as it did before format 2, so its file name stays.
    pub fn content_hash(&self) -> u64 {
        let meaning = (
            &self.domain,
            self.schema,
            self.seed,
            &self.config,
            &self.bug,
            &self.actions,
            &self.violation.invariant,
        );
        let mut bytes = serde_json::to_vec(&meaning).expect("logs serialize to JSON");
        if !self.draws.is_empty() {
            bytes.extend(serde_json::to_vec(&self.draws).expect("draws serialize to JSON"));
        }
        let mut hasher = StableHasher::default();
        hasher.write(&bytes);
        hasher.finish()
    }

    /// `<invariant>-<8 hex digits of the content hash>.json`.
    pub fn file_name(&self) -> String {
        format!(
            "{}-{:08x}.json",
            self.violation.invariant,
            self.content_hash() >> 32
        )
    }
}

fn string_field(object: &Map<String, Value>, name: &str) -> Result<String, String> {
    match object.get(name) {
        Some(Value::String(text)) => Ok(text.clone()),
        Some(other) => Err(format!("must be a string, found {other}")),
        None => Err("missing".to_string()),
    }
}

fn u64_field(object: &Map<String, Value>, name: &str) -> Result<u64, String> {
    match object.get(name) {
        Some(value) => value
            .as_u64()
            .ok_or_else(|| format!("must be a whole number ≥ 0, found {value}")),
        None => Err("missing".to_string()),
    }
}
