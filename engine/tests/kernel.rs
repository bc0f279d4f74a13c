//! The engine crate's one integration-test binary: the kernel (dispatch, reactors, replay,
//! env, choices, timeline, projections, scenarios, logs, golden hashes) driven through two
//! small test domains: `ledger` (with reactors and an upcaster) and `counter` (neither).

// The test domains and helpers.
#[path = "kernel/counter.rs"]
mod counter;
#[path = "kernel/ledger.rs"]
mod ledger;
#[path = "kernel/ledger_model.rs"]
mod ledger_model;
#[path = "kernel/ledger_rules.rs"]
mod ledger_rules;
#[path = "kernel/support.rs"]
mod support;

// The tests, one concept each.
#[path = "kernel/cascade.rs"]
mod cascade;
#[path = "kernel/choices.rs"]
mod choices;
#[path = "kernel/coverage.rs"]
mod coverage;
#[path = "kernel/dispatch.rs"]
mod dispatch;
#[path = "kernel/env.rs"]
mod env;
#[path = "kernel/golden.rs"]
mod golden;
#[path = "kernel/log.rs"]
mod log;
#[path = "kernel/log_parse.rs"]
mod log_parse;
#[path = "kernel/projection.rs"]
mod projection;
#[path = "kernel/replay.rs"]
mod replay;
#[path = "kernel/scenario.rs"]
mod scenario;
#[path = "kernel/timeline.rs"]
mod timeline;
