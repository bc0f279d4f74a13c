//! The JSON round trip every stored value must survive: a log stores actions as JSON, and an
//! event store writes events the same way, so a value that does not come back equal (a NaN
//! amount written as `null`, a map whose keys are not strings) is a finding of its own.
//! serde_json reads floats exactly (its `float_roundtrip` parser), so every finite float
//! survives; only what JSON cannot carry does not.

use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Why `value` does not survive a JSON round trip (written, read back, equal), naming the
/// field at fault where one is; `Ok` when it does.
pub fn round_trip<T>(value: &T) -> Result<(), String>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let written = serde_json::to_string(value)
        .map_err(|e| format!("`{value:?}` cannot be written as JSON: {e}"))?;
    // The common case first, at the cost of one parse: it reads back equal.
    if serde_json::from_str::<T>(&written).is_ok_and(|read| read == *value) {
        return Ok(());
    }
    let mut reader = serde_json::Deserializer::from_str(&written);
    let read: T = serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        let field = e.path().to_string();
        let at = if field == "." {
            String::new()
        } else {
            format!(" at field `{field}`")
        };
        format!(
            "`{value:?}` is written as `{written}`, which does not read back{at}: {}",
            e.inner()
        )
    })?;
    if read == *value {
        return Ok(());
    }
    let rewritten = serde_json::to_value(&read).ok();
    let original = serde_json::to_value(value).ok();
    let field = match (&original, &rewritten) {
        (Some(a), Some(b)) => first_difference(a, b, String::new()),
        _ => None,
    };
    let at = field.map_or_else(String::new, |field| format!(" (field `{field}`)"));
    Err(format!(
        "`{value:?}` is written as `{written}` and reads back as `{read:?}`{at}"
    ))
}

/// The path of the first place two JSON values differ (`Deposit.amount`, `lines[2]`), if
/// they do.
fn first_difference(a: &Value, b: &Value, path: String) -> Option<String> {
    let joined = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (key, value) in x {
                match y.get(key) {
                    Some(other) => {
                        if let Some(found) = first_difference(value, other, joined(key)) {
                            return Some(found);
                        }
                    }
                    None => return Some(joined(key)),
                }
            }
            y.keys()
                .find(|key| !x.contains_key(*key))
                .map(|key| joined(key))
        }
        (Value::Array(x), Value::Array(y)) => {
            for (index, (p, q)) in x.iter().zip(y).enumerate() {
                if let Some(found) = first_difference(p, q, format!("{path}[{index}]")) {
                    return Some(found);
                }
            }
            (x.len() != y.len()).then(|| format!("{path}[{}]", x.len().min(y.len())))
        }
        _ if a == b => None,
        _ => Some(if path.is_empty() { ".".into() } else { path }),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Serialize};

    use super::round_trip;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    enum Payment {
        Deposit { account: u32, amount: f64 },
        Split(BTreeMap<(u8, u8), u32>),
    }

    #[test]
    fn finite_floats_survive_and_what_json_cannot_carry_is_named() {
        for amount in [0.1, -1.995_840_309_534_719_6e292, f64::MIN_POSITIVE, -0.0] {
            assert_eq!(round_trip(&Payment::Deposit { account: 1, amount }), Ok(()));
        }
        let nan = round_trip(&Payment::Deposit {
            account: 1,
            amount: f64::NAN,
        })
        .unwrap_err();
        assert!(nan.contains("`Deposit.amount`"), "{nan}");
        assert!(nan.contains("null"), "{nan}");
        let infinite = round_trip(&Payment::Deposit {
            account: 1,
            amount: f64::INFINITY,
        })
        .unwrap_err();
        assert!(infinite.contains("`Deposit.amount`"), "{infinite}");
        let keys = round_trip(&Payment::Split(BTreeMap::from([((1, 2), 3)]))).unwrap_err();
        assert!(keys.contains("cannot be written as JSON"), "{keys}");
    }

    #[test]
    fn a_value_that_reads_back_otherwise_names_the_field() {
        /// Written with one decimal, as a careless hand-written serializer might.
        #[derive(Debug, PartialEq, Deserialize)]
        struct Rounded {
            price: f64,
        }
        impl Serialize for Rounded {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                let mut out = s.serialize_struct("Rounded", 1)?;
                out.serialize_field("price", &((self.price * 10.0).round() / 10.0))?;
                out.end()
            }
        }
        let error = round_trip(&Rounded { price: 1.25 }).unwrap_err();
        assert!(
            error.contains("reads back as `Rounded { price: 1.3 }`"),
            "{error}"
        );
    }
}
