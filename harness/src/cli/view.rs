//! `view`: a log as one self-contained HTML page (see [`crate::view`]).

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::args::ViewArgs;
use super::replay::open;
use super::{Found, Invocation, outln};

pub(crate) fn write(context: &Invocation, args: &ViewArgs) -> Result<Found> {
    let (log, entry, file) = open(context, &args.file)?;
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| args.file.with_extension("html"));
    if same_file(&args.file, &out) {
        anyhow::bail!(
            "{file}: --out {} is the log itself; the page goes to another file",
            out.display()
        );
    }
    let page = entry.view(&log, &file, &context.program)?;
    fs::write(&out, page).with_context(|| format!("writing the page to {}", out.display()))?;
    outln!("{}", out.display())?;
    Ok(Found::Nothing)
}

/// Whether `a` and `b` name one file, however each is spelled (`./x.json`, a symlink).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b || resolve(a).is_some_and(|a| resolve(b).is_some_and(|b| a == b))
}

/// `path` made absolute through its folder, which must exist (the file need not).
fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(full) = path.canonicalize() {
        return Some(full);
    }
    let name = path.file_name()?;
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    Some(folder.canonicalize().ok()?.join(name))
}
