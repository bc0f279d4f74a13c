//! The domains one program knows: the list a user's binary hands to [`crate::cli::main`] and
//! a corpus test hands to [`crate::corpus_tests::CorpusTests`]. The harness itself names no
//! domain, so a domain in a user's crate and a showcase of this repository are found the
//! same way.

use rewind_engine::Log;

use crate::DomainEntry;

/// A list of domains, looked up by [`rewind_engine::Domain::NAME`].
#[derive(Clone, Copy)]
pub struct Catalog<'a> {
    entries: &'a [&'static dyn DomainEntry],
}

impl<'a> Catalog<'a> {
    /// The catalog of `entries`, in the order given.
    pub fn new(entries: &'a [&'static dyn DomainEntry]) -> Self {
        Catalog { entries }
    }

    /// Every domain, in the order given (the order `sim all` plays them).
    pub fn all(&self) -> &'a [&'static dyn DomainEntry] {
        self.entries
    }

    /// The domain called `name`, or an error listing the known ones.
    pub fn find(&self, name: &str) -> Result<&'static dyn DomainEntry, String> {
        self.entries
            .iter()
            .copied()
            .find(|entry| entry.name() == name)
            .ok_or_else(|| format!("unknown domain `{name}`; {}", self.known()))
    }

    /// `name`'s domain, or every domain for `all`, as `sim` and `hunt` take it.
    pub fn select(&self, name: &str) -> Result<Vec<&'static dyn DomainEntry>, String> {
        if name == "all" {
            return Ok(self.entries.to_vec());
        }
        self.find(name).map(|entry| vec![entry])
    }

    /// The domain that `log`, read from `file`, names; the error names the file and the field.
    pub fn entry_of(&self, log: &Log, file: &str) -> Result<&'static dyn DomainEntry, String> {
        self.find(&log.domain)
            .map_err(|e| format!("{file}: field `domain`: {e}"))
    }

    /// "this program knows: a, b" (or that it knows none), for error messages.
    pub fn known(&self) -> String {
        if self.entries.is_empty() {
            return "this program was given no domains".to_string();
        }
        let names: Vec<&str> = self.entries.iter().map(|entry| entry.name()).collect();
        format!("this program knows: {}", names.join(", "))
    }

    /// The first name given twice, if any: two domains must not share a corpus folder.
    pub fn duplicate_name(&self) -> Option<&'static str> {
        let mut names: Vec<&'static str> = self.entries.iter().map(|entry| entry.name()).collect();
        names.sort_unstable();
        names
            .windows(2)
            .find(|pair| pair[0] == pair[1])
            .map(|pair| pair[0])
    }
}

#[cfg(test)]
mod tests {
    use super::Catalog;
    use crate::DomainEntry;

    #[test]
    fn an_empty_catalog_says_it_knows_nothing() {
        let none: [&'static dyn DomainEntry; 0] = [];
        let catalog = Catalog::new(&none);
        let error = catalog.find("poll").err().unwrap_or_default();
        assert!(error.contains("unknown domain `poll`"), "{error}");
        assert!(error.contains("given no domains"), "{error}");
        assert_eq!(catalog.duplicate_name(), None);
    }

    #[test]
    fn finds_by_name_and_catches_a_name_given_twice() {
        let tally = crate::domain::<crate::test_domain::Tally>();
        let one = [tally];
        assert_eq!(
            Catalog::new(&one).find("tally").map(|e| e.name()),
            Ok("tally")
        );
        let error = Catalog::new(&one).find("poll").err().unwrap_or_default();
        assert!(error.ends_with("this program knows: tally"), "{error}");
        assert_eq!(
            Catalog::new(&[tally, tally]).duplicate_name(),
            Some("tally")
        );
    }
}
