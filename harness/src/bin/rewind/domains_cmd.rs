//! `rewind domains`: what each domain offers to test.

use anyhow::Result;
use rewind_harness::catalog;
use rewind_harness::check::GENERIC_CHECKS;

use crate::Found;

pub fn list() -> Result<Found> {
    for entry in catalog::all() {
        let info = entry.info();
        println!("{} (schema {})", info.name, info.schema);
        println!("  actions     {}", info.actions.join(", "));
        println!("  invariants  {}", info.invariants.join(", "));
        println!("  coverage    {}", info.coverage.join(", "));
        println!("  bugs");
        for bug in info.bugs {
            println!("    {:<32} {}", bug.name, bug.effect);
        }
        println!();
    }
    println!("every domain: {}", GENERIC_CHECKS.join(", "));
    Ok(Found::Nothing)
}
