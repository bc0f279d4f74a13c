//! The page's data for small logs of the harness's test domain.

use serde_json::{Value, json};

use super::view;
use crate::test_domain::post::Post;
use crate::test_domain::wallets::Wallets;
use crate::test_domain::{NOTHING_RECORDED, log_of, tally_log};

/// The JSON the page's script reads, out of the page.
fn data_of(page: &str) -> Value {
    let start = page
        .find(r#"<script type="application/json" id="data">"#)
        .expect("the page holds its data");
    let json = &page[start..];
    let json = &json[json.find('>').expect("a tag") + 1..];
    let json = &json[..json.find("</script>").expect("a closed script")];
    serde_json::from_str(json).expect("the data is JSON")
}

#[test]
fn a_domain_without_projections_has_none_on_the_page() {
    let page = view(
        &tally_log("[5, 6]", NOTHING_RECORDED),
        "tally.json",
        "rewind",
    );
    let data = data_of(&page);
    assert_eq!(data["initial"]["projections"], Value::Null, "{data}");
    assert_eq!(data["initial"]["state"], "0");
    assert!(page.contains(r#"id="projections-pane""#));
}

#[test]
fn each_step_carries_the_messages_waiting_after_it() {
    let log = log_of::<Post>(
        r#"["Write", "Write", {"deliver": {"Handle": {"letter": 1}}}]"#,
        NOTHING_RECORDED,
        None,
    );
    let data = data_of(&view(&log, "post.json", "rewind"));
    assert_eq!(data["initial"]["waiting"], "");
    let steps = data["steps"].as_array().expect("steps");
    let edits: Vec<&Value> = steps.iter().map(|step| &step["w"]).collect();
    assert_eq!(edits[0], &serde_json::json!(["Handle { letter: 0 }"]));
    assert_eq!(edits[1], &serde_json::json!([1, "Handle { letter: 1 }"]));
    assert_eq!(edits[2], &serde_json::json!([1, -1]), "letter 1 handled");
    // The drain delivers letter 0, and nothing waits after it.
    assert_eq!(edits[3], &serde_json::json!([-1]));
}

#[test]
fn drain_deliveries_are_marked_and_the_violation_row_is_where_it_showed() {
    let log = log_of::<Post>(
        r#"["Write"]"#,
        r#"{"invariant": "every_letter_handled", "step": 1, "message": "m"}"#,
        Some("refuses_letters"),
    );
    let data = data_of(&view(&log, "post.json", "rewind"));
    let steps = data["steps"].as_array().expect("steps");
    let drained: Vec<bool> = steps.iter().map(|step| step["d"] == true).collect();
    // The log's one step, then the drain tries the refused letter three times.
    assert_eq!(drained, [false, true, true, true], "{data}");
    assert_eq!(data["actions"], 1);
    assert_eq!(data["violation"]["step"], 1, "counted as the log counts");
    assert_eq!(data["violation_row"], 3, "the run's last row");
}

/// The lost update by hand on the correct wallets: client 2's commit meets a conflict and
/// decides again, and the drain commits its new decision, refused on the empty wallet.
#[test]
fn each_step_carries_its_client_and_the_drain_commit_is_marked() {
    let log = log_of::<Wallets>(
        r#"[{"Deposit": {"wallet": 0, "amount": 1}},
            {"begin": {"client": 1, "action": {"Spend": {"wallet": 0, "amount": 1}}}},
            {"begin": {"client": 2, "action": {"Spend": {"wallet": 0, "amount": 1}}}},
            {"commit": 1},
            {"commit": 2}]"#,
        NOTHING_RECORDED,
        None,
    );
    let data = data_of(&view(&log, "wallets.json", "rewind"));
    let steps = data["steps"].as_array().expect("steps");
    let lanes: Vec<Value> = steps
        .iter()
        .map(|step| json!([step["d"], step["c"], step["m"], step["k"], step["f"]]))
        .collect();
    let spend = "Spend { wallet: 0, amount: 1 }";
    assert_eq!(
        lanes,
        [
            json!([null, null, null, null, null]),
            json!([null, 1, "begin", null, [1]]),
            json!([null, 2, "begin", null, [1, 2]]),
            json!([null, 1, "landed", spend, [2]]),
            json!([null, 2, "again", spend, [2]]),
            json!([true, 2, "refused", spend, null]),
        ],
        "{data}"
    );
}
