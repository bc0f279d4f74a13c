//! The engine crate's one integration-test binary: the kernel (dispatch, reactors, replay,
//! env, timeline, projections, scenarios, logs) driven through two small test domains.

#[path = "kernel/counter.rs"]
mod counter;
#[path = "kernel/ledger.rs"]
mod ledger;
#[path = "kernel/ledger_model.rs"]
mod ledger_model;
#[path = "kernel/support.rs"]
mod support;

#[path = "kernel/cascade.rs"]
mod cascade;
#[path = "kernel/choices.rs"]
mod choices;
#[path = "kernel/dispatch.rs"]
mod dispatch;
#[path = "kernel/env.rs"]
mod env;
#[path = "kernel/golden.rs"]
mod golden;
#[path = "kernel/log.rs"]
mod log;
#[path = "kernel/projection.rs"]
mod projection;
#[path = "kernel/replay.rs"]
mod replay;
#[path = "kernel/scenario.rs"]
mod scenario;
#[path = "kernel/timeline.rs"]
mod timeline;
