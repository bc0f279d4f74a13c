//! `domains`: what each domain offers to test.

use super::{Found, Invocation, outln};
use crate::check::GENERIC_CHECKS;
use anyhow::Result;

pub(crate) fn list(context: &Invocation) -> Result<Found> {
    for entry in context.catalog.all() {
        let info = entry.info();
        outln!("{} (schema {})", info.name, info.schema)?;
        outln!("  actions     {}", info.actions.join(", "))?;
        outln!("  invariants  {}", info.invariants.join(", "))?;
        if let Some(faults) = &info.faults {
            outln!("  eventually  {}", info.eventually.join(", "))?;
            outln!("  faults      {faults}")?;
        }
        if let Some(clients) = &info.clients {
            outln!("  clients     {clients}")?;
        }
        outln!("  coverage    {}", info.coverage.join(", "))?;
        outln!("  bugs")?;
        for bug in info.bugs {
            outln!("    {:<32} {}", bug.name, bug.effect)?;
        }
        outln!()?;
    }
    outln!("every domain: {}", GENERIC_CHECKS.join(", "))?;
    Ok(Found::Nothing)
}
