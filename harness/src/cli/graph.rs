//! `graph <domain>`: a Graphviz DOT diagram of which action leads to which events and
//! which reactors those trigger, generated from the domain's own declarations.
//! Render it with `rewind graph payments | dot -Tsvg > payments.svg`.

use anyhow::{Result, bail};

use super::{Found, Invocation, out};

pub(crate) fn print(context: &Invocation, domain: &str) -> Result<Found> {
    let entry = context.catalog.find(domain).map_err(anyhow::Error::msg)?;
    let Some(dot) = entry.graph() else {
        let known: Vec<&str> = context
            .catalog
            .all()
            .iter()
            .filter(|entry| entry.graph().is_some())
            .map(|entry| entry.name())
            .collect();
        let known = if known.is_empty() {
            "none of this program's domains does".to_string()
        } else {
            format!("graphs exist for: {}", known.join(", "))
        };
        bail!("{domain} declares no flow graph (Model::graph); {known}");
    };
    out!("{dot}")?;
    Ok(Found::Nothing)
}
