//! `Log`: build → JSON → parse → decode round-trips; decode errors name the file and the
//! field; hashes and file names depend on what the log means, not who found it.

use rewind_engine::{Bugs, LOG_FORMAT, Log, LogError, Step, TypedLog, Violation};
use serde_json::{Map, Value, json};

use crate::counter::{Counter, CounterAction};
use crate::ledger::{Ledger, LedgerAction, LedgerConfig, WITHDRAW_IGNORED};
use crate::ledger_model::BUGS;
use crate::support::assert_contains;

pub const FILE: &str = "corpus/ledger/balances_match_the_stream-0badc0de.json";

fn typed() -> TypedLog<Ledger> {
    TypedLog {
        seed: u64::MAX - 1,
        config: LedgerConfig { accounts: 6 },
        bug: Some(&BUGS[1]),
        known: None,
        skip: Vec::new(),
        found_by: "rewind sim ledger --seed 1 --bug withdraw_ignored".to_string(),
        steps: vec![
            Step::Act(LedgerAction::Deposit {
                account: 5,
                amount: 10,
            }),
            Step::Act(LedgerAction::Stamp),
            Step::Act(LedgerAction::Withdraw {
                account: 5,
                amount: 4,
            }),
        ],
        unreadable: None,
        draws: Vec::new(),
        violation: Violation {
            invariant: "balances_match_the_stream".to_string(),
            step: 2,
            message: "balances sum to 10 but the stream says 6".to_string(),
        },
    }
}

fn log() -> Log {
    Log::new(&typed())
}

/// The JSON of [`log`] with `edit` applied to its top-level object.
pub fn edited(edit: impl FnOnce(&mut Map<String, Value>)) -> String {
    let mut value: Value = serde_json::from_str(&log().to_json()).unwrap();
    edit(value.as_object_mut().unwrap());
    serde_json::to_string_pretty(&value).unwrap()
}

#[track_caller]
pub fn parse_error(text: &str) -> LogError {
    let error = Log::parse(FILE, text).unwrap_err();
    assert_eq!(error.file, FILE);
    assert!(error.to_string().starts_with(FILE), "{error}");
    error
}

#[track_caller]
pub fn assert_field(error: &LogError, field: &str, parts: &[&str]) {
    assert_eq!(error.field.as_deref(), Some(field), "{error}");
    assert_contains(&error.to_string(), &[&format!("field `{field}`")]);
    assert_contains(&error.problem, parts);
}

#[track_caller]
fn decode_error<D: rewind_engine::Model>(log: &Log) -> LogError {
    let error = log.decode::<D>(FILE).unwrap_err();
    assert_eq!(error.file, FILE);
    error
}

#[test]
fn a_log_round_trips_through_json() {
    let typed = typed();
    let log = Log::new(&typed);
    assert_eq!(log.format, LOG_FORMAT);
    assert_eq!(log.domain, "ledger");
    assert_eq!(log.schema, 2);
    assert_eq!(log.bug.as_deref(), Some("withdraw_ignored"));
    assert_eq!(log.config, Some(json!({ "accounts": 6 })));

    let text = log.to_json();
    let parsed = Log::parse(FILE, &text).unwrap();
    assert_eq!(parsed, log);
    let decoded = parsed.decode::<Ledger>(FILE).unwrap();
    assert_eq!(decoded.seed, typed.seed);
    assert_eq!(decoded.config, typed.config);
    assert_eq!(decoded.bug, typed.bug);
    assert_eq!(decoded.bugs(), Bugs::NONE.with(WITHDRAW_IGNORED));
    assert_eq!(decoded.found_by, typed.found_by);
    assert_eq!(decoded.steps, typed.steps);
    assert_eq!(decoded.violation, typed.violation);
    // `Ledger` is a bare unit struct: a typed log is Clone and Debug all the same.
    let copy = decoded.clone();
    assert_eq!(copy.steps, decoded.steps);
    assert!(format!("{copy:?}").contains("withdraw_ignored"));
}

#[test]
fn a_default_config_and_no_bug_are_left_out() {
    let mut typed = typed();
    typed.config = LedgerConfig::default();
    typed.bug = None;
    let log = Log::new(&typed);
    let text = log.to_json();
    assert!(!text.contains("\"config\""), "{text}");
    assert!(!text.contains("\"bug\""), "{text}");
    let decoded = Log::parse(FILE, &text)
        .unwrap()
        .decode::<Ledger>(FILE)
        .unwrap();
    assert_eq!(decoded.config, LedgerConfig::default());
    assert_eq!(decoded.bug, None);
    assert_eq!(decoded.bugs(), Bugs::NONE);
    // `null` reads as absent.
    let nulls = edited(|log| {
        log.insert("config".into(), Value::Null);
        log.insert("bug".into(), Value::Null);
    });
    let parsed = Log::parse(FILE, &nulls).unwrap();
    assert_eq!((parsed.config, parsed.bug), (None, None));
}

#[test]
fn to_json_is_stable_pretty_and_in_a_fixed_key_order() {
    let log = log();
    let expected = r#"{
  "format": "rewind-log/4",
  "domain": "ledger",
  "schema": 2,
  "seed": 18446744073709551614,
  "config": {
    "accounts": 6
  },
  "bug": "withdraw_ignored",
  "found_by": "rewind sim ledger --seed 1 --bug withdraw_ignored",
  "actions": [
    {
      "Deposit": {
        "account": 5,
        "amount": 10
      }
    },
    "Stamp",
    {
      "Withdraw": {
        "account": 5,
        "amount": 4
      }
    }
  ],
  "violation": {
    "invariant": "balances_match_the_stream",
    "step": 2,
    "message": "balances sum to 10 but the stream says 6"
  }
}
"#;
    assert_eq!(log.to_json(), expected);
    assert_eq!(log.to_json(), log.clone().to_json());
    // Parsing and writing again gives the same text, whatever order the file had its keys in.
    let shuffled = r#"{"violation": {"message": "balances sum to 10 but the stream says 6",
        "step": 2, "invariant": "balances_match_the_stream"},
        "actions": [{"Deposit": {"amount": 10, "account": 5}}, "Stamp",
                    {"Withdraw": {"amount": 4, "account": 5}}],
        "found_by": "rewind sim ledger --seed 1 --bug withdraw_ignored",
        "bug": "withdraw_ignored", "config": {"accounts": 6},
        "seed": 18446744073709551614, "schema": 2, "domain": "ledger",
        "format": "rewind-log/4"}"#;
    assert_eq!(Log::parse(FILE, shuffled).unwrap().to_json(), expected);
    assert_eq!(Log::parse(FILE, expected).unwrap().to_json(), expected);
}

#[test]
fn a_log_of_another_domain_is_refused() {
    let error = decode_error::<Counter>(&log());
    assert_field(&error, "domain", &["ledger", "counter"]);
}

#[test]
fn a_newer_schema_is_refused_naming_both_schemas() {
    let mut log = log();
    log.schema = 3;
    let error = decode_error::<Ledger>(&log);
    assert_field(&error, "schema", &["schema 3", "schema 2"]);
}

#[test]
fn an_older_schema_is_upcast_by_the_domain() {
    let text = edited(|log| {
        log.insert("schema".into(), json!(1));
        log.insert(
            "actions".into(),
            json!([{ "Deposit": { "account": 1, "cents": 25 } }, "Stamp"]),
        );
    });
    let decoded = Log::parse(FILE, &text)
        .unwrap()
        .decode::<Ledger>(FILE)
        .unwrap();
    assert_eq!(
        decoded.steps,
        [
            Step::Act(LedgerAction::Deposit {
                account: 1,
                amount: 25
            }),
            Step::Act(LedgerAction::Stamp)
        ]
    );
    // The same action under the current schema is not rewritten: `cents` is unknown there.
    let mut current = Log::parse(FILE, &text).unwrap();
    current.schema = 2;
    let error = decode_error::<Ledger>(&current);
    assert_field(&error, "actions[0]", &["missing field `amount`"]);
}

#[test]
fn a_schema_the_domain_cannot_upcast_is_refused_with_its_reason() {
    let mut log = log();
    log.schema = 0;
    let error = decode_error::<Ledger>(&log);
    assert_field(&error, "actions[0]", &["ledger schema 0 predates accounts"]);
}

#[test]
fn the_default_upcaster_refuses_older_schemas() {
    let typed = TypedLog::<Counter> {
        seed: 1,
        config: (),
        bug: None,
        known: None,
        skip: Vec::new(),
        found_by: "test".to_string(),
        steps: vec![Step::Act(CounterAction::Add { by: 2 })],
        unreadable: None,
        draws: Vec::new(),
        violation: Violation {
            invariant: "no_panic".to_string(),
            step: 0,
            message: "boom".to_string(),
        },
    };
    let mut log = Log::new(&typed);
    assert_eq!(log.config, None, "the unit config is the default");
    assert_eq!(log.decode::<Counter>(FILE).unwrap().steps, typed.steps);
    log.schema = 2;
    let error = decode_error::<Counter>(&log);
    assert_field(
        &error,
        "actions[0]",
        &["counter has no upcaster from schema 2 to 3"],
    );
}

#[test]
fn an_unknown_action_is_named_by_its_index() {
    let mut log = log();
    log.actions[2] = json!({ "Embezzle": { "account": 5 } });
    let error = decode_error::<Ledger>(&log);
    assert_field(&error, "actions[2]", &["Embezzle"]);

    let mut log = self::log();
    log.actions[1] = json!({ "Deposit": { "account": "five", "amount": 1 } });
    let error = decode_error::<Ledger>(&log);
    assert_field(&error, "actions[1]", &[]);
    assert!(
        !error.problem.contains("deliver"),
        "a known action with a bad field is no misspelt step: {error}"
    );
}

/// serde's list of the action variants is not the whole vocabulary of a log: the error also
/// names the world's steps, and, in a log from before them, says they came with format 3.
#[test]
fn an_unknown_step_names_the_worlds_steps_too() {
    let mut log = log();
    log.actions[1] = json!({ "delivr": { "Deposit": { "account": 5, "amount": 1 } } });
    let error = decode_error::<Ledger>(&log);
    assert_field(
        &error,
        "actions[1]",
        &[
            "unknown variant `delivr`",
            "Deposit",
            r#"a step may also be {"deliver": message}, {"redeliver": message} or "restart", or {"begin": {"client": n, "action": action}} or {"commit": n}"#,
        ],
    );
    assert!(!error.problem.contains("but this log is"), "{error}");

    // Before format 4, an entry shaped like a client's step is an action, as it always was.
    let mut log = self::log();
    log.format = "rewind-log/3".into();
    log.actions[1] = json!({ "commit": 1 });
    let error = decode_error::<Ledger>(&log);
    assert_field(
        &error,
        "actions[1]",
        &[
            "unknown variant `commit`",
            r#"or {"commit": n} in a rewind-log/4 log, but this log is rewind-log/3"#,
        ],
    );

    let mut log = self::log();
    log.format = "rewind-log/2".into();
    log.actions[1] = json!("restart");
    let error = decode_error::<Ledger>(&log);
    assert_field(
        &error,
        "actions[1]",
        &[
            "unknown variant `restart`",
            r#"or "restart" in a rewind-log/3 log, or {"begin": {"client": n, "action": action}} or {"commit": n} in a rewind-log/4 log, but this log is rewind-log/2"#,
        ],
    );
}

#[test]
fn an_unknown_bug_is_refused_listing_the_known_ones() {
    let mut log = log();
    log.bug = Some("withdraw_doubled".to_string());
    let error = decode_error::<Ledger>(&log);
    assert_field(
        &error,
        "bug",
        &["withdraw_doubled", "double_deposit", "withdraw_ignored"],
    );
}

#[test]
fn a_config_of_the_wrong_shape_is_refused() {
    let mut log = log();
    log.config = Some(json!({ "accounts": "six" }));
    let error = decode_error::<Ledger>(&log);
    assert_field(&error, "config", &[]);
}

#[test]
fn the_meaning_hash_ignores_how_a_log_was_found_and_whether_it_is_known() {
    let log = log();
    let mut found_otherwise = log.clone();
    found_otherwise.found_by = "cargo fuzz run ledger crash-1234".to_string();
    found_otherwise.known = Some("issue 12".to_string());
    for reads_seed in [false, true] {
        assert_eq!(
            found_otherwise.meaning_hash(reads_seed),
            log.meaning_hash(reads_seed)
        );
        assert_eq!(
            found_otherwise.file_name(reads_seed),
            log.file_name(reads_seed)
        );
    }

    let mut shorter = log.clone();
    shorter.actions.pop();
    assert_ne!(shorter.meaning_hash(false), log.meaning_hash(false));
    assert_ne!(shorter.file_name(false), log.file_name(false));

    let mut changed = log.clone();
    changed.actions[0] = json!({ "Deposit": { "account": 5, "amount": 11 } });
    assert_ne!(changed.file_name(false), log.file_name(false));

    let mut skipping = log.clone();
    skipping.skip = vec!["balances_match_the_stream".to_string()];
    assert_ne!(skipping.meaning_hash(false), log.meaning_hash(false));

    let reread = Log::parse(FILE, &log.to_json()).unwrap();
    assert_eq!(reread.meaning_hash(true), log.meaning_hash(true));

    let mut reseeded = log.clone();
    reseeded.seed = 3;
    assert_eq!(
        reseeded.meaning_hash(false),
        log.meaning_hash(false),
        "a replay that never reads the seed means the same under any seed"
    );
    assert_ne!(reseeded.meaning_hash(true), log.meaning_hash(true));
}

#[test]
fn the_file_name_is_the_invariant_and_eight_hex_digits() {
    let log = log();
    let name = log.file_name(true);
    let hex = name
        .strip_prefix("balances_match_the_stream-")
        .and_then(|rest| rest.strip_suffix(".json"))
        .unwrap_or_else(|| panic!("{name}"));
    assert_eq!(hex.len(), 8, "{name}");
    assert!(
        hex.chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
    );
    assert_eq!(
        u64::from_str_radix(hex, 16).unwrap(),
        log.meaning_hash(true) >> 32
    );
}

#[test]
fn known_and_skip_are_written_read_and_checked() {
    let mut log = log();
    log.known = Some("https://example.com/issues/12".to_string());
    log.skip = vec!["no_panic".to_string()];
    let text = log.to_json();
    assert_contains(
        &text,
        &[
            "\"known\": \"https://example.com/issues/12\"",
            "\"skip\": [",
        ],
    );
    assert_eq!(Log::parse(FILE, &text).unwrap(), log);
    let error = parse_error(&edited(|object| {
        object.insert("known".into(), json!("  "));
    }));
    assert_field(&error, "known", &["why"]);
    let error = parse_error(&edited(|object| {
        object.insert("skip".into(), json!([1]));
    }));
    assert_field(&error, "skip", &["check names"]);
}

#[test]
fn the_worlds_steps_round_trip_and_read_as_written() {
    let mut typed = typed();
    let deposit = LedgerAction::Deposit {
        account: 5,
        amount: 10,
    };
    typed.steps = vec![
        Step::Act(deposit.clone()),
        Step::Deliver(deposit.clone()),
        Step::Restart,
        Step::Redeliver(deposit.clone()),
        Step::Begin {
            client: 2,
            action: deposit,
        },
        Step::Commit(2),
    ];
    let log = Log::new(&typed);
    let text = log.to_json();
    assert_contains(
        &text,
        &[
            "\"deliver\": {",
            "\"restart\"",
            "\"redeliver\": {",
            "\"begin\": {",
            "\"client\": 2",
            "\"commit\": 2",
        ],
    );
    let decoded = Log::parse(FILE, &text)
        .unwrap()
        .decode::<Ledger>(FILE)
        .unwrap();
    assert_eq!(decoded.steps, typed.steps);
}

#[test]
fn a_malformed_client_step_is_named_by_its_index() {
    for malformed in [
        json!({ "commit": -1 }),
        json!({ "commit": "one" }),
        json!({ "begin": { "client": 1 } }),
        json!({ "begin": { "client": 1, "action": { "Embezzle": {} } } }),
    ] {
        let mut log = log();
        log.actions[1] = malformed.clone();
        let error = decode_error::<Ledger>(&log);
        assert_field(&error, "actions[1]", &[]);
        assert!(
            error.problem.contains("unknown variant"),
            "{malformed}: {error}"
        );
    }
}

#[test]
fn a_message_that_is_no_action_is_named_by_its_index() {
    let mut log = log();
    log.actions[1] = json!({ "deliver": { "Embezzle": { "account": 5 } } });
    let error = decode_error::<Ledger>(&log);
    assert_field(&error, "actions[1]", &["Embezzle"]);
}

#[test]
fn before_format_3_every_entry_is_an_action() {
    let mut log = log();
    log.format = "rewind-log/2".into();
    log.actions[1] = json!("restart");
    let error = decode_error::<Ledger>(&log);
    assert_field(&error, "actions[1]", &["restart"]);
}
