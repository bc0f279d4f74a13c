//! Attribute validation, before any state is read: a command with a malformed attribute is
//! refused whatever the state.

use super::reject::{KeyProblem, TitleProblem};

/// The cheapest and dearest plan, in cents.
pub const MIN_PLAN_CENTS: i64 = 100;
pub const MAX_PLAN_CENTS: i64 = 100_000;

const KEY_PREFIX: &str = "pk_";

/// A provider key is `pk_` followed by 8..=16 lowercase ASCII letters or digits.
pub fn provider_key(key: &str) -> Result<(), KeyProblem> {
    let Some(rest) = key.strip_prefix(KEY_PREFIX) else {
        return Err(KeyProblem::MissingPrefix);
    };
    if !(8..=16).contains(&rest.len()) {
        return Err(KeyProblem::WrongLength {
            length: rest.chars().count(),
        });
    }
    match rest
        .bytes()
        .position(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit()))
    {
        Some(index) => Err(KeyProblem::BadCharacter {
            position: KEY_PREFIX.len() + index,
        }),
        None => Ok(()),
    }
}

/// A title has something besides whitespace and no control characters.
pub fn title(title: &str) -> Result<(), TitleProblem> {
    if let Some(position) = title.chars().position(char::is_control) {
        return Err(TitleProblem::ControlCharacter { position });
    }
    if title.trim().is_empty() {
        return Err(TitleProblem::Blank);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_need_the_prefix_a_length_and_plain_characters() {
        assert_eq!(provider_key("pk_live0001"), Ok(()));
        assert_eq!(provider_key("sk_live0001"), Err(KeyProblem::MissingPrefix));
        assert_eq!(provider_key(""), Err(KeyProblem::MissingPrefix));
        assert_eq!(
            provider_key("pk_"),
            Err(KeyProblem::WrongLength { length: 0 })
        );
        assert_eq!(
            provider_key("pk_LIVE0001"),
            Err(KeyProblem::BadCharacter { position: 3 })
        );
    }

    #[test]
    fn titles_need_text_without_control_characters() {
        assert_eq!(title("Hello"), Ok(()));
        assert_eq!(title("   "), Err(TitleProblem::Blank));
        assert_eq!(title(""), Err(TitleProblem::Blank));
        assert_eq!(
            title("a\nb"),
            Err(TitleProblem::ControlCharacter { position: 1 })
        );
    }
}
