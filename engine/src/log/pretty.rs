//! The log's text: serde_json's pretty layout, except that a list of plain numbers stays on
//! one line, so a recorded deck reads as one row of cards rather than 52 lines.

use serde_json::Value;

/// A field's value: JSON as it is (objects in key order), or an object whose fields keep
/// the order given (a struct's declaration order).
pub(super) enum Field<'a> {
    Json(Value),
    Ordered(Vec<(&'a str, Value)>),
    /// A list of objects whose fields keep the order given.
    OrderedList(Vec<Vec<(&'a str, Value)>>),
}

/// Writes `fields` as a pretty JSON object in the order given, with a trailing newline.
pub(super) fn object_in_order(fields: &[(&str, Field<'_>)]) -> String {
    let mut out = String::new();
    out.push_str("{\n");
    for (index, (name, field)) in fields.iter().enumerate() {
        indent(&mut out, 1);
        key(&mut out, name);
        match field {
            Field::Json(value) => write(&mut out, value, 1),
            Field::Ordered(inner) => ordered(&mut out, inner, 1),
            Field::OrderedList(items) => {
                out.push_str("[\n");
                for (at, inner) in items.iter().enumerate() {
                    indent(&mut out, 2);
                    ordered(&mut out, inner, 2);
                    out.push_str(if at + 1 < items.len() { ",\n" } else { "\n" });
                }
                indent(&mut out, 1);
                out.push(']');
            }
        }
        out.push_str(if index + 1 < fields.len() {
            ",\n"
        } else {
            "\n"
        });
    }
    out.push_str("}\n");
    out
}

/// An object at `depth` whose fields keep the order given.
fn ordered(out: &mut String, fields: &[(&str, Value)], depth: usize) {
    object(
        out,
        fields.iter().map(|(name, value)| (*name, value)),
        depth,
    );
}

/// A non-empty object at `depth`, its fields in the order `fields` yields them.
fn object<'a>(
    out: &mut String,
    fields: impl ExactSizeIterator<Item = (&'a str, &'a Value)>,
    depth: usize,
) {
    let count = fields.len();
    out.push_str("{\n");
    for (at, (name, value)) in fields.enumerate() {
        indent(out, depth + 1);
        key(out, name);
        write(out, value, depth + 1);
        out.push_str(if at + 1 < count { ",\n" } else { "\n" });
    }
    indent(out, depth);
    out.push('}');
}

fn write(out: &mut String, value: &Value, depth: usize) {
    match value {
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) if items.iter().all(Value::is_number) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                out.push_str(&item.to_string());
            }
            out.push(']');
        }
        Value::Array(items) => {
            out.push_str("[\n");
            for (index, item) in items.iter().enumerate() {
                indent(out, depth + 1);
                write(out, item, depth + 1);
                out.push_str(if index + 1 < items.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push(']');
        }
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => object(out, map.iter().map(|(k, v)| (k.as_str(), v)), depth),
        scalar => out.push_str(&scalar.to_string()),
    }
}

fn key(out: &mut String, name: &str) {
    out.push_str(&Value::from(name).to_string());
    out.push_str(": ");
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}
