//! How the user runs this program, so that every command it prints works when pasted.

use std::path::Path;

/// The command that runs this process's binary:
/// - under `cargo run` (cargo sets `CARGO` for the program it runs, whose file sits in a
///   `target/<profile>/` folder): `cargo run --release --bin shop --`, or without
///   `--release` for a debug build, so the hint works from the crate that built it;
/// - otherwise the binary's file name (`shop`), as when it is installed on `PATH`.
///
/// `REWIND_PROGRAM`, when set and not empty, overrides both (an alias such as `cargo shop`).
pub fn program() -> String {
    if let Some(chosen) = std::env::var("REWIND_PROGRAM")
        .ok()
        .filter(|text| !text.trim().is_empty())
    {
        return chosen;
    }
    let exe = std::env::args_os().next().unwrap_or_default();
    let exe = Path::new(&exe);
    let name = exe.file_stem().map_or_else(
        || "rewind".to_string(),
        |stem| stem.to_string_lossy().into_owned(),
    );
    let profile = exe
        .parent()
        .and_then(Path::file_name)
        .and_then(|folder| folder.to_str());
    match profile {
        Some(profile @ ("debug" | "release")) if std::env::var_os("CARGO").is_some() => {
            let release = if profile == "release" {
                " --release"
            } else {
                ""
            };
            format!("cargo run{release} --bin {name} --")
        }
        _ => name,
    }
}
