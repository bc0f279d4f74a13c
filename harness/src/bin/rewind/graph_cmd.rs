//! `rewind graph <domain>`: a Graphviz DOT diagram of which action leads to which events and
//! which reactors those trigger, generated from the domain's own declarations.
//! Render it with `rewind graph payments | dot -Tsvg > payments.svg`.

use anyhow::{Result, bail};
use rewind_harness::catalog;

use crate::Found;

/// Draws one domain's flow diagram as DOT text.
type Draw = fn() -> String;

/// The domains that declare their flows, with the function drawing each.
const GRAPHS: &[(&str, Draw)] = &[("payments", rewind_domains::payments::graph::dot)];

pub fn print(domain: &str) -> Result<Found> {
    catalog::find(domain).map_err(anyhow::Error::msg)?;
    let Some((_, draw)) = GRAPHS.iter().find(|(name, _)| *name == domain) else {
        let known: Vec<&str> = GRAPHS.iter().map(|(name, _)| *name).collect();
        bail!(
            "{domain} declares no flow graph; graphs exist for: {}",
            known.join(", ")
        );
    };
    print!("{}", draw());
    Ok(Found::Nothing)
}
