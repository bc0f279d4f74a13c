//! `ShortName`: a name of at most 16 bytes, stored inline and zero-padded, so it is `Copy`,
//! never allocates, and compares as two machine words instead of through `memcmp`.
//! Serialized as a plain JSON string.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer};
use serde::{Serialize, Serializer};

/// Bytes a short name holds.
pub const SHORT_NAME_BYTES: usize = 16;

#[derive(Copy, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShortName {
    bytes: [u8; SHORT_NAME_BYTES],
    len: u8,
}

impl ShortName {
    /// The name `text`, or `None` when it is longer than [`SHORT_NAME_BYTES`].
    pub const fn new(text: &str) -> Option<ShortName> {
        let source = text.as_bytes();
        if source.len() > SHORT_NAME_BYTES {
            return None;
        }
        let mut bytes = [0; SHORT_NAME_BYTES];
        let mut i = 0;
        while i < source.len() {
            bytes[i] = source[i];
            i += 1;
        }
        Some(ShortName {
            bytes,
            len: source.len() as u8,
        })
    }

    /// The name `text`, for literals known to fit.
    ///
    /// # Panics
    /// When `text` is longer than [`SHORT_NAME_BYTES`].
    pub const fn of(text: &str) -> ShortName {
        match ShortName::new(text) {
            Some(name) => name,
            None => panic!("a short name is at most 16 bytes"),
        }
    }

    pub fn as_str(&self) -> &str {
        // Built only from whole `&str`s, so the first `len` bytes are valid UTF-8.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl fmt::Debug for ShortName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for ShortName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ShortName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ShortName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        ShortName::new(&text).ok_or_else(|| {
            de::Error::custom(format!("`{text}` is longer than {SHORT_NAME_BYTES} bytes"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_json_and_refuses_long_names() {
        let tea = ShortName::of("tea");
        assert_eq!(serde_json::to_string(&tea).unwrap(), "\"tea\"");
        assert_eq!(serde_json::from_str::<ShortName>("\"tea\"").unwrap(), tea);
        let long = serde_json::from_str::<ShortName>("\"seventeen bytes!!\"").unwrap_err();
        assert!(long.to_string().contains("longer than 16 bytes"), "{long}");
        assert_eq!(ShortName::of(""), ShortName::default());
        assert_ne!(
            ShortName::of("a"),
            ShortName::of("a\0"),
            "length is part of the name"
        );
        assert_eq!(format!("{tea:?} {tea}"), "\"tea\" tea");
    }
}
