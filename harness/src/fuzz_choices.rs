//! The fuzzing driver of [`Choices`]: libFuzzer's bytes, read through `arbitrary`.

use arbitrary::Unstructured;
use rewind_engine::Choices;

/// Each choice reads as few bytes as its bound needs; when the bytes run out every choice is
/// 0 (the bot's simplest option) and [`Choices::exhausted`] ends the run.
pub struct FuzzChoices<'a> {
    bytes: Unstructured<'a>,
}

impl<'a> FuzzChoices<'a> {
    /// A driver reading `data`, libFuzzer's input, from the start.
    pub fn new(data: &'a [u8]) -> Self {
        FuzzChoices {
            bytes: Unstructured::new(data),
        }
    }
}

impl Choices for FuzzChoices<'_> {
    fn below(&mut self, n: u32) -> u32 {
        if n <= 1 {
            return 0;
        }
        self.bytes.int_in_range(0..=n - 1).unwrap_or(0)
    }

    fn exhausted(&self) -> bool {
        self.bytes.is_empty()
    }
}
