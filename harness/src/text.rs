//! Small helpers for the words the harness prints, so every command counts the same way.

use std::borrow::Cow;
use std::fmt::Display;

/// `count` and `noun`, the noun in the plural unless the count is one: `1 step`, `2 steps`,
/// `0 invariants`. A printed count that disagrees with its noun reads as a bug in the tool.
///
/// ```
/// use rewind_harness::text::plural;
/// assert_eq!(plural(1, "step"), "1 step");
/// assert_eq!(plural(2usize, "step"), "2 steps");
/// assert_eq!(plural(0u64, "delivery"), "0 deliveries");
/// ```
pub fn plural<N: Copy + Display + PartialEq + From<u8>>(count: N, noun: &str) -> String {
    format!("{count} {}", noun_for(count, noun))
}

/// `noun` as it goes with `count`: itself for one, else its plural (see [`plural_of`]). For a
/// count printed another way (with thousands separators: `1,000,000 runs`).
pub fn noun_for<N: PartialEq + From<u8>>(count: N, noun: &str) -> Cow<'_, str> {
    if count == N::from(1) {
        Cow::Borrowed(noun)
    } else {
        Cow::Owned(plural_of(noun))
    }
}

/// The plural of an English noun by the regular rules, which cover what the harness counts:
/// `-s`, `-es` after s, x, z, ch and sh (`match` → `matches`), and `-ies` after a consonant
/// and `y` (`delivery` → `deliveries`). Irregular nouns are not asked for.
pub fn plural_of(noun: &str) -> String {
    let ends = |suffix: &str| noun.ends_with(suffix);
    if ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") {
        return format!("{noun}es");
    }
    if let Some(stem) = noun.strip_suffix('y')
        && stem
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphabetic() && !"aeiou".contains(c))
    {
        return format!("{stem}ies");
    }
    format!("{noun}s")
}

/// `word` as one shell word, to paste into a POSIX shell: as it is when every character is
/// plain, else in single quotes (a quote inside written `'\''`), so a path with a space or a
/// `$` still pastes as the one argument it is.
///
/// ```
/// use rewind_harness::text::shell_word;
/// assert_eq!(shell_word("corpus/poll/a-1.json"), "corpus/poll/a-1.json");
/// assert_eq!(shell_word("my logs/it's.json"), r"'my logs/it'\''s.json'");
/// ```
pub fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+=:,@%".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1u32, "run"), "1 run");
        assert_eq!(plural(0u32, "run"), "0 runs");
        assert_eq!(plural(21usize, "job"), "21 jobs");
        assert_eq!(plural(1u64, "invariant"), "1 invariant");
        assert_eq!(noun_for(1_000_000u64, "run"), "runs");
        assert_eq!(noun_for(1u64, "run"), "run");
    }

    #[test]
    fn regular_plurals() {
        let cases = [
            ("step", "steps"),
            ("bug", "bugs"),
            ("replay", "replays"),
            ("delivery", "deliveries"),
            ("match", "matches"),
            ("pass", "passes"),
            ("box", "boxes"),
        ];
        for (one, many) in cases {
            assert_eq!(plural_of(one), many);
        }
    }
}
