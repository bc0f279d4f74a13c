//! Field paths of `{:#?}` renderings, headers of a domain's own text, and the diff that names
//! its lines by them.

use std::collections::BTreeMap;

use super::{Outline, changed_lines};

#[derive(Debug)]
#[allow(dead_code)] // read through Debug only
struct Bank {
    balances: Vec<i64>,
    accounts: Vec<Account>,
    owners: BTreeMap<u32, &'static str>,
    frozen: Option<Account>,
    audit: Audit,
    pair: (u8, &'static str),
    note: &'static str,
}

#[derive(Debug, Clone)]
#[allow(dead_code)] // read through Debug only
struct Account {
    id: u32,
    balance: i64,
}

#[derive(Debug)]
#[allow(dead_code)] // read through Debug only
struct Audit(Vec<u8>);

fn bank() -> Bank {
    Bank {
        balances: vec![5, 0, 0],
        accounts: vec![
            Account { id: 0, balance: 5 },
            Account { id: 1, balance: 0 },
            Account { id: 2, balance: 0 },
        ],
        owners: BTreeMap::from([(1, "ada"), (2, "bo: b")]),
        frozen: None,
        audit: Audit(vec![1]),
        pair: (1, "x"),
        note: "a: [b]",
    }
}

/// Every line's label, closing lines left out.
fn labels(text: &str) -> Vec<String> {
    let outline = Outline::of(text);
    (0..text.lines().count())
        .filter_map(|index| outline.label(index).map(ToString::to_string))
        .collect()
}

#[test]
fn a_debug_rendering_names_each_line_by_its_field_path() {
    let text = format!("{:#?}", bank());
    assert_eq!(
        labels(&text),
        [
            "Bank {",
            "balances: [",
            "balances[0]: 5",
            "balances[1]: 0",
            "balances[2]: 0",
            "accounts: [",
            "accounts[0]: Account {",
            "accounts[0].id: 0",
            "accounts[0].balance: 5",
            "accounts[1]: Account {",
            "accounts[1].id: 1",
            "accounts[1].balance: 0",
            "accounts[2]: Account {",
            "accounts[2].id: 2",
            "accounts[2].balance: 0",
            "owners: {",
            "owners[1]: \"ada\"",
            "owners[2]: \"bo: b\"",
            "frozen: None",
            "audit: Audit(",
            "audit: [",
            "audit[0]: 1",
            "pair: (",
            "pair.0: 1",
            "pair.1: \"x\"",
            "note: \"a: [b]\"",
        ]
    );
}

#[test]
fn a_changed_line_names_its_field() {
    let before = bank();
    let mut after = bank();
    after.balances[2] = -1;
    after.accounts[2].balance = -1;
    after.owners.insert(2, "cy");
    after.frozen = Some(after.accounts[1].clone());
    after.audit.0.push(7);
    let changed = changed_lines(&format!("{before:#?}"), &format!("{after:#?}"));
    assert_eq!(
        changed,
        [
            "- balances[2]: 0",
            "+ balances[2]: -1",
            "- accounts[2].balance: 0",
            "+ accounts[2].balance: -1",
            "- owners[2]: \"bo: b\"",
            "+ owners[2]: \"cy\"",
            "- frozen: None",
            "+ frozen: Some(",
            "+ frozen: Account {",
            "+ frozen.id: 1",
            "+ frozen.balance: 0",
            "+ audit[1]: 7",
        ]
    );
}

#[test]
fn a_domains_own_text_gets_the_header_above_an_indented_line() {
    let before = "hand 3 · pot 8\nseats\n  0: 10 chips\n  1: 4 chips\nboard: 5d";
    let after = "hand 3 · pot 9\nseats\n  0: 10 chips\n  1: 3 chips\nboard: 5d";
    assert_eq!(
        changed_lines(before, after),
        [
            "- hand 3 · pot 8",
            "+ hand 3 · pot 9",
            "- seats › 1: 4 chips",
            "+ seats › 1: 3 chips",
        ]
    );
}

#[test]
fn text_that_only_looks_like_debug_is_read_by_headers() {
    for text in [
        "State {\n  two: 2,\n}",
        "State {\n    a: 1,\n}\nmore",
        "State {\n    a: 1,\n",
        "State {\n    a: 1,\n]",
        "5",
        "",
        "{\n    }: 5,\n}",
    ] {
        let outline = Outline::of(text);
        for (index, line) in text.lines().enumerate() {
            let label = outline
                .label(index)
                .map(ToString::to_string)
                .unwrap_or_default();
            assert!(label.ends_with(line.trim()), "{text:?}: {label:?}");
        }
    }
}

#[test]
fn removed_and_added_lines_pair_up_by_path() {
    let before = "Office {\n    waiting: [\n        0,\n    ],\n    handled: 0,\n}";
    let after = "Office {\n    waiting: [],\n    handled: 1,\n}";
    assert_eq!(
        changed_lines(before, after),
        [
            "- waiting: [",
            "+ waiting: []",
            "- waiting[0]: 0",
            "- handled: 0",
            "+ handled: 1",
        ]
    );
    assert_eq!(
        changed_lines(after, before),
        [
            "- waiting: []",
            "+ waiting: [",
            "+ waiting[0]: 0",
            "- handled: 1",
            "+ handled: 0",
        ]
    );
}
