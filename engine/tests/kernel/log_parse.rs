//! `Log::parse`: every malformed log is refused naming the file and, when one is at fault,
//! the field.

use rewind_engine::LOG_FORMAT;
use serde_json::json;

use crate::log::{FILE, assert_field, edited, parse_error};
use crate::support::assert_contains;

#[test]
fn text_that_is_not_json_is_refused_naming_the_file() {
    let error = parse_error("this is not { json");
    assert_eq!(error.field, None);
    assert_contains(&error.problem, &["not valid JSON"]);
    assert_contains(&error.to_string(), &[FILE, "not valid JSON"]);
    let error = parse_error("");
    assert_contains(&error.problem, &["not valid JSON"]);
}

#[test]
fn json_that_is_not_an_object_is_refused() {
    for text in ["[1, 2]", "\"a log\"", "42", "null"] {
        let error = parse_error(text);
        assert_eq!(error.field, None, "{text}");
        assert_contains(&error.problem, &["a log is a JSON object"]);
    }
}

#[test]
fn every_missing_required_field_is_named() {
    for field in [
        "format",
        "domain",
        "schema",
        "seed",
        "found_by",
        "actions",
        "violation",
    ] {
        let error = parse_error(&edited(|log| {
            log.remove(field).unwrap();
        }));
        assert_field(&error, field, &["missing"]);
    }
}

#[test]
fn fields_of_the_wrong_type_are_named() {
    let error = parse_error(&edited(|log| {
        log.insert("seed".into(), json!("7"));
    }));
    assert_field(&error, "seed", &["whole number", "\"7\""]);

    let error = parse_error(&edited(|log| {
        log.insert("seed".into(), json!(-1));
    }));
    assert_field(&error, "seed", &["whole number", "-1"]);

    let error = parse_error(&edited(|log| {
        log.insert("seed".into(), json!(1.5));
    }));
    assert_field(&error, "seed", &["whole number", "1.5"]);

    let error = parse_error(&edited(|log| {
        log.insert("actions".into(), json!({ "Stamp": null }));
    }));
    assert_field(&error, "actions", &["array"]);

    let error = parse_error(&edited(|log| {
        log.insert("schema".into(), json!(1u64 << 33));
    }));
    assert_field(&error, "schema", &["out of range"]);

    let error = parse_error(&edited(|log| {
        log.insert("domain".into(), json!(["ledger"]));
    }));
    assert_field(&error, "domain", &["must be a string"]);

    let error = parse_error(&edited(|log| {
        log.insert("found_by".into(), json!(3));
    }));
    assert_field(&error, "found_by", &["must be a string"]);

    let error = parse_error(&edited(|log| {
        log.insert("bug".into(), json!(1));
    }));
    assert_field(&error, "bug", &["planted bug"]);

    let error = parse_error(&edited(|log| {
        log.insert("violation".into(), json!("it broke"));
    }));
    assert_field(&error, "violation", &[]);

    let error = parse_error(&edited(|log| {
        log["violation"].as_object_mut().unwrap().remove("step");
    }));
    assert_field(&error, "violation", &["step"]);
}

#[test]
fn an_unknown_field_inside_the_violation_is_refused() {
    let error = parse_error(&edited(|log| {
        log["violation"]
            .as_object_mut()
            .unwrap()
            .insert("stepp".into(), json!(3));
    }));
    assert_field(&error, "violation", &["stepp"]);
}

#[test]
fn an_unknown_top_level_field_is_refused() {
    let error = parse_error(&edited(|log| {
        log.insert("sed".into(), json!(1));
    }));
    assert_field(&error, "sed", &["unknown field", "seed"]);
}

#[test]
fn another_format_is_refused_naming_both() {
    let error = parse_error(&edited(|log| {
        log.insert("format".into(), json!("rewind-log/9"));
    }));
    assert_field(
        &error,
        "format",
        &["rewind-log/9", "rewind-log/1", LOG_FORMAT],
    );
}

#[test]
fn malformed_draws_are_refused_naming_the_entry() {
    let cases = [
        (json!({"step": 3}), "draws", "must be a list"),
        (
            json!([{"step": 9, "drew": [1]}]),
            "draws[0].step",
            "past the last action",
        ),
        (
            json!([{"step": 1, "drew": [1]}, {"step": 1, "drew": [2]}]),
            "draws[1].step",
            "in order, once each",
        ),
        (
            json!([{"step": 0, "drew": [[0, 0, 1]]}]),
            "draws[0].drew[0]",
            "each position",
        ),
        (
            json!([{"step": 0, "drew": [[0, 5]]}]),
            "draws[0].drew[0]",
            "each position",
        ),
        (
            json!([{"step": 0, "drew": ["ace"]}]),
            "draws[0]",
            "did not match",
        ),
        (
            json!([{"step": 0, "drew": [1], "extra": 1}]),
            "draws[0]",
            "unknown field",
        ),
    ];
    for (draws, field, problem) in cases {
        let error = parse_error(&edited(|log| {
            log.insert("draws".into(), draws.clone());
        }));
        assert_field(&error, field, &[problem]);
    }
}

#[test]
fn a_format_1_log_has_no_draws_and_still_reads() {
    let error = parse_error(&edited(|log| {
        log.insert("format".into(), json!("rewind-log/1"));
        log.insert("draws".into(), json!([{"step": 0, "drew": [1]}]));
    }));
    assert_field(&error, "draws", &["rewind-log/1 log has no draws"]);
    let text = edited(|log| {
        log.insert("format".into(), json!("rewind-log/1"));
    });
    assert!(rewind_engine::Log::parse(FILE, &text).is_ok());
}

#[test]
fn draws_round_trip_in_step_order_with_shuffles_on_one_line() {
    let text = edited(|log| {
        log.insert(
            "draws".into(),
            json!([{"step": 0, "drew": [[2, 0, 1], 7]}, {"step": 2, "drew": [4]}]),
        );
    });
    let log = rewind_engine::Log::parse(FILE, &text).unwrap();
    let written = log.to_json();
    assert_contains(
        &written,
        &["\"step\": 0,\n      \"drew\": [\n        [2, 0, 1],\n        7\n      ]"],
    );
    assert_eq!(rewind_engine::Log::parse(FILE, &written).unwrap(), log);
    assert_eq!(
        rewind_engine::Log::parse(FILE, &written).unwrap().to_json(),
        written
    );
}
