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

use crate::step::{BEGIN, COMMIT, DELIVER, REDELIVER, RESTART};
use crate::{Bug, Bugs, Draw, Model, RawStep, StableHasher, Step};

pub use draws::StepDraws;

/// The `format` every log is written with; bumped when the log's own layout changes.
/// Format 2 added `draws`, the randomness each step drew; format 3 added the world's steps
/// among the actions (`{"deliver": ..}`, `{"redeliver": ..}`, `"restart"`, see [`Step`]);
/// format 4 added concurrent clients (`{"begin": ..}`, `{"commit": ..}`).
pub const LOG_FORMAT: &str = "rewind-log/4";
/// The formats still read: format 1 is format 2 without `draws` (every step draws from the
/// seed, as it did when the log was written), format 2 is format 3 with only actions, and
/// format 3 is format 4 without concurrent clients (an entry shaped like a `begin` or a
/// `commit` is an action there), so all three replay unchanged.
const READ_FORMATS: [&str; 4] = ["rewind-log/1", "rewind-log/2", WORLD_FORMAT, LOG_FORMAT];
/// The first format with the world's steps (deliveries and restarts).
const WORLD_FORMAT: &str = "rewind-log/3";

/// The generic check that every action and event survives a JSON round trip (written, read
/// back, equal): a value a log or an event store cannot carry is a finding at the step where
/// it appears. Named here because a log of such a finding may end in a step that does not
/// read back (see [`TypedLog::unreadable`]).
pub const JSON_ROUND_TRIP: &str = "json_round_trip";

/// The key under which a log stores an action that could not be written as JSON at all, as
/// its `{:?}`: the step stays visible, and the log stays readable.
const UNSERIALIZABLE: &str = "unserializable";

/// What broke, as recorded when the log was written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Violation {
    /// The invariant's name, or a generic check (`no_panic`, `replay_rebuilds_state`, ...).
    pub invariant: String,
    /// The index of the step after which it broke.
    pub step: usize,
    /// What the check said was wrong.
    pub message: String,
}

/// A log as stored: actions still JSON, so it can be routed to its domain by name first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Log {
    /// The layout it was written in ([`LOG_FORMAT`] for a new log).
    pub format: String,
    /// The [`crate::Domain::NAME`] of its domain.
    pub domain: String,
    /// The [`crate::Domain::SCHEMA`] its actions were written under.
    pub schema: u32,
    /// The seed of the run's [`crate::Env`].
    pub seed: u64,
    /// The domain's config as JSON; left out when it is the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config: Option<Value>,
    /// The name of the planted bug it was found against, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bug: Option<String>,
    /// Why this log records a known defect that is not fixed yet (an issue link, a sentence),
    /// when it is marked as one: its test then passes while the failure still reproduces as
    /// recorded, and fails once it does not (a strict expected failure).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub known: Option<String>,
    /// Checks set aside when this failure was found (`sim --skip`), because another known
    /// failure breaks first on these steps; the replay sets them aside too.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skip: Vec<String>,
    /// The exact command or fuzz artifact that found it.
    pub found_by: String,
    /// The steps, each an action as JSON or a step of the world (see [`Step`]).
    pub actions: Vec<Value>,
    /// What the steps that drew randomness drew, in step order (steps that drew none are
    /// left out).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub draws: Vec<StepDraws>,
    /// What broke, and at which step.
    pub violation: Violation,
}

/// A log decoded for domain `D`.
pub struct TypedLog<D: Model> {
    /// The seed of the run's [`crate::Env`].
    pub seed: u64,
    /// The config it plays on (the default when the log names none).
    pub config: D::Config,
    /// The planted bug it was found against, looked up in [`Model::BUGS`].
    pub bug: Option<&'static Bug>,
    /// Why this is a known defect not fixed yet, when it is marked as one (see [`Log::known`]).
    pub known: Option<String>,
    /// The checks its replay sets aside (see [`Log::skip`]).
    pub skip: Vec<String>,
    /// The exact command or fuzz artifact that found it.
    pub found_by: String,
    /// The actions, and the world's steps among them (stored under `actions`).
    pub steps: Vec<Step<D::Action>>,
    /// The step after `steps` when it does not read back: only in the log of a
    /// [`JSON_ROUND_TRIP`] finding, whose last step is the action JSON could not carry.
    pub unreadable: Option<Unreadable>,
    /// `draws[i]`: what step `i` drew (empty when it drew nothing, or drew from the seed).
    /// Either empty or as long as `steps`.
    pub draws: Vec<Vec<Draw>>,
    /// What broke, as recorded.
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
            known: self.known.clone(),
            skip: self.skip.clone(),
            found_by: self.found_by.clone(),
            steps: self.steps.clone(),
            unreadable: self.unreadable.clone(),
            draws: self.draws.clone(),
            violation: self.violation.clone(),
        }
    }
}

/// A stored step that does not read back as an action: what the log holds, and why it does
/// not read.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// The step as the log stores it.
    pub json: Value,
    /// Why it does not decode, naming the field.
    pub problem: String,
}

impl<D: Model> fmt::Debug for TypedLog<D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TypedLog")
            .field("seed", &self.seed)
            .field("config", &self.config)
            .field("bug", &self.bug)
            .field("known", &self.known)
            .field("skip", &self.skip)
            .field("found_by", &self.found_by)
            .field("steps", &self.steps)
            .field("unreadable", &self.unreadable)
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
    /// The file the log was read from, as the caller named it.
    pub file: String,
    /// The field at fault (`actions[3]`, `violation.step`), when one is.
    pub field: Option<String>,
    /// What is wrong, in words.
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

const FIELDS: [&str; 12] = [
    "format",
    "domain",
    "schema",
    "seed",
    "config",
    "bug",
    "known",
    "skip",
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
            known: typed.known.clone(),
            skip: typed.skip.clone(),
            found_by: typed.found_by.clone(),
            actions: typed
                .steps
                .iter()
                .map(stored_step)
                .chain(typed.unreadable.iter().map(|step| step.json.clone()))
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
        let known = match object.get("known") {
            None | Some(Value::Null) => None,
            Some(Value::String(reason)) if !reason.trim().is_empty() => Some(reason.clone()),
            Some(_) => {
                return Err(error(
                    Some("known"),
                    "must say why the defect is known (an issue link, a sentence)".into(),
                ));
            }
        };
        let skip = match object.get("skip") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(names)) => names
                .iter()
                .map(|name| name.as_str().map(str::to_string))
                .collect::<Option<Vec<String>>>()
                .ok_or_else(|| error(Some("skip"), "must be a list of check names".into()))?,
            Some(_) => {
                return Err(error(Some("skip"), "must be a list of check names".into()));
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
            known,
            skip,
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
        let world_steps = self.format == LOG_FORMAT || self.format == WORLD_FORMAT;
        let client_steps = self.format == LOG_FORMAT;
        let mut steps = Vec::with_capacity(self.actions.len());
        let mut unreadable = None;
        for (index, raw) in self.actions.iter().enumerate() {
            let field = format!("actions[{index}]");
            let step = match RawStep::read(raw) {
                step if world_steps && (client_steps || !step.is_client()) => step,
                _ => RawStep::Act(raw),
            };
            let is_action = matches!(step, RawStep::Act(_));
            let decoded = step.decode(|json| {
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
                        problem.push_str(&self.other_steps(world_steps, client_steps));
                    }
                    error(&field, problem)
                })
            });
            match decoded {
                Ok(step) => steps.push(step),
                Err(problem) if self.records_unreadable(index) => {
                    unreadable = Some(Unreadable {
                        json: raw.clone(),
                        problem: problem.problem,
                    });
                }
                Err(problem) => return Err(problem),
            }
        }
        Ok(TypedLog {
            seed: self.seed,
            config,
            bug,
            known: self.known.clone(),
            skip: self.skip.clone(),
            found_by: self.found_by.clone(),
            draws: draws::per_step(&self.draws, steps.len()),
            steps,
            unreadable,
            violation: self.violation.clone(),
        })
    }

    /// What else an entry of `actions` may be, for an error about one that is no action:
    /// the steps of the world and of concurrent clients, and the format each came with when
    /// this log's is older.
    fn other_steps(&self, world_steps: bool, client_steps: bool) -> String {
        let world =
            format!("{{\"{DELIVER}\": message}}, {{\"{REDELIVER}\": message}} or \"{RESTART}\"");
        let clients = format!(
            "{{\"{BEGIN}\": {{\"client\": n, \"action\": action}}}} or {{\"{COMMIT}\": n}}"
        );
        let format = &self.format;
        match (world_steps, client_steps) {
            (true, true) => format!("; a step may also be {world}, or {clients}"),
            (true, false) => format!(
                "; a step may also be {world}; {clients} in a {LOG_FORMAT} log, but this log is {format}"
            ),
            (false, _) => format!(
                "; a step may also be {world} in a {WORLD_FORMAT} log, or {clients} in a {LOG_FORMAT} log, but this log is {format}"
            ),
        }
    }

    /// Whether step `index` is the one a [`JSON_ROUND_TRIP`] finding recorded as not reading
    /// back: the last step, where the violation is. Any other step must read.
    fn records_unreadable(&self, index: usize) -> bool {
        self.violation.invariant == JSON_ROUND_TRIP
            && self.violation.step == index
            && index + 1 == self.actions.len()
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

    /// A hash of what the log replays: domain, schema, config, bug, steps, draws, the checks
    /// it sets aside and the invariant, and the seed only when `reads_seed` (its replay takes
    /// something from the seed; see [`crate::Engine::read_seed`]). Not how it was found, nor
    /// whether it is marked known: two runs, two seeds or two commands that find the same
    /// failure agree, so the corpus stores it once.
    pub fn meaning_hash(&self, reads_seed: bool) -> u64 {
        let meaning = (
            &self.domain,
            self.schema,
            &self.config,
            &self.bug,
            &self.actions,
            &self.violation.invariant,
        );
        let mut bytes = serde_json::to_vec(&meaning).expect("logs serialize to JSON");
        bytes.extend(serde_json::to_vec(&self.draws).expect("draws serialize to JSON"));
        bytes.extend(serde_json::to_vec(&self.skip).expect("names serialize to JSON"));
        if reads_seed {
            bytes.extend(self.seed.to_le_bytes());
        }
        let mut hasher = StableHasher::default();
        hasher.write(&bytes);
        hasher.finish()
    }

    /// `<invariant>-<8 hex digits of the meaning hash>.json` (see [`Log::meaning_hash`]).
    pub fn file_name(&self, reads_seed: bool) -> String {
        format!(
            "{}-{:08x}.json",
            self.violation.invariant,
            self.meaning_hash(reads_seed) >> 32
        )
    }
}

/// A step as a log stores it. An action JSON cannot write at all (a map with keys that are
/// not strings) is stored as its `{:?}` under `"unserializable"`: it is the last step of a
/// [`JSON_ROUND_TRIP`] finding, which reads back as [`TypedLog::unreadable`].
fn stored_step<A: Serialize + fmt::Debug>(step: &Step<A>) -> Value {
    serde_json::to_value(step).unwrap_or_else(|_| {
        let mut object = Map::new();
        let shown = step
            .action()
            .map_or_else(String::new, |action| format!("{action:?}"));
        object.insert(UNSERIALIZABLE.to_string(), Value::String(shown));
        Value::Object(object)
    })
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
