//! A stable 64-bit hash (FNV-1a) for golden tests and corpus file names.
//!
//! `std`'s hashers are randomly keyed or may change between releases; this one is fixed, so
//! a pinned hash fails only when behaviour changed.

use serde::Serialize;

/// FNV-1a over bytes, from its standard offset basis (the [`Default`]).
#[derive(Clone, Debug)]
pub struct StableHasher(u64);

impl Default for StableHasher {
    fn default() -> Self {
        StableHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl StableHasher {
    /// Mixes `bytes` into the hash.
    pub fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The hash of everything written so far.
    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// The stable hash of an event log: each event's JSON, separated by newlines.
pub fn hash_events<E: Serialize>(events: &[E]) -> u64 {
    let mut hasher = StableHasher::default();
    for event in events {
        let json = serde_json::to_vec(event).expect("events serialize to JSON");
        hasher.write(&json);
        hasher.write(b"\n");
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_its_reference_values() {
        let mut empty = StableHasher::default();
        empty.write(b"");
        assert_eq!(empty.finish(), 0xcbf2_9ce4_8422_2325);
        let mut a = StableHasher::default();
        a.write(b"a");
        assert_eq!(a.finish(), 0xaf63_dc4c_8601_ec8c);
    }
}
