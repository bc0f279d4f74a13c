//! Every file under `corpus/` becomes a test named `corpus::<domain>::<file stem>`.

use std::path::{Path, PathBuf};

use libtest_mimic::{Failed, Trial};
use rewind_harness::{catalog, corpus};

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("corpus")
}

pub fn trials() -> Vec<Trial> {
    let root = corpus_root();
    let files = match corpus::files(&root) {
        Ok(files) => files,
        Err(error) => {
            let message = format!("cannot list {}: {error}", root.display());
            return vec![Trial::test("corpus::listing", move || Err(message.into()))];
        }
    };
    files
        .into_iter()
        .map(|path| {
            let folder = path
                .parent()
                .and_then(Path::file_name)
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let stem = path
                .file_stem()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            Trial::test(format!("corpus::{folder}::{stem}"), move || {
                check(&path, &folder)
            })
        })
        .collect()
}

fn check(path: &Path, folder: &str) -> Result<(), Failed> {
    let file = path
        .strip_prefix(corpus_root().join(".."))
        .unwrap_or(path)
        .display()
        .to_string();
    let log = corpus::read(path)?;
    if log.domain != folder {
        return Err(format!(
            "{file}: field `domain`: `{}` is stored in the folder of `{folder}`",
            log.domain
        )
        .into());
    }
    let entry = catalog::find(&log.domain).map_err(|e| format!("{file}: field `domain`: {e}"))?;
    entry.verify(&log, &file)?;
    Ok(())
}
