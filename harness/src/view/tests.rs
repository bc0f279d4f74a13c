//! The page's data for small logs of the harness's test domain.

use serde_json::Value;

use super::view;
use crate::test_domain::{NOTHING_RECORDED, tally_log};

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
