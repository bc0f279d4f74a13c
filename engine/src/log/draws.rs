//! The `draws` field of a log: what each step drew, checked as strictly as the rest.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Draw;

/// What one step drew, as a log stores it: `{"step": 3, "drew": [[12, 51, ...], 40]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepDraws {
    /// The index of the step.
    pub step: usize,
    /// What it drew, in order.
    pub drew: Vec<Draw>,
}

/// The log form of per-step draws: only the steps that drew something.
pub(super) fn by_step(draws: &[Vec<Draw>]) -> Vec<StepDraws> {
    draws
        .iter()
        .enumerate()
        .filter(|(_, drew)| !drew.is_empty())
        .map(|(step, drew)| StepDraws {
            step,
            drew: drew.clone(),
        })
        .collect()
}

/// The per-step form for `steps` steps: empty when no step drew anything.
pub(super) fn per_step(draws: &[StepDraws], steps: usize) -> Vec<Vec<Draw>> {
    if draws.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Vec::new(); steps];
    for entry in draws {
        if let Some(slot) = out.get_mut(entry.step) {
            slot.clone_from(&entry.drew);
        }
    }
    out
}

/// Reads `draws`: a list of steps in increasing order, each within the actions, each shuffle
/// a permutation. The error names the field at fault.
pub(super) fn parse(
    value: Option<&Value>,
    format: &str,
    steps: usize,
) -> Result<Vec<StepDraws>, (String, String)> {
    let value = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(value) => value,
    };
    if format == "rewind-log/1" {
        return Err((
            "draws".into(),
            format!(
                "a rewind-log/1 log has no draws; they came with {}",
                super::LOG_FORMAT
            ),
        ));
    }
    let Value::Array(entries) = value else {
        return Err((
            "draws".into(),
            "must be a list of {\"step\": N, \"drew\": [...]}".into(),
        ));
    };
    let mut parsed: Vec<StepDraws> = Vec::with_capacity(entries.len());
    for (index, entry) in entries.iter().enumerate() {
        let field = format!("draws[{index}]");
        let entry: StepDraws =
            serde_json::from_value(entry.clone()).map_err(|e| (field.clone(), e.to_string()))?;
        if entry.step >= steps {
            return Err((
                format!("{field}.step"),
                format!(
                    "step {} is past the last action ({steps} actions)",
                    entry.step
                ),
            ));
        }
        if let Some(before) = parsed.last()
            && before.step >= entry.step
        {
            return Err((
                format!("{field}.step"),
                format!(
                    "step {} comes after step {}; list steps in order, once each",
                    entry.step, before.step
                ),
            ));
        }
        if let Some(bad) = entry.drew.iter().position(|draw| match draw {
            Draw::Order(order) => !draw.is_order_of(order.len()),
            Draw::Number(_) => false,
        }) {
            return Err((
                format!("{field}.drew[{bad}]"),
                "a shuffle lists each position from 0 once".into(),
            ));
        }
        parsed.push(entry);
    }
    Ok(parsed)
}
