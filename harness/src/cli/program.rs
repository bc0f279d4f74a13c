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
    let exe = std::env::args_os().next().unwrap_or_default();
    program_of(
        Path::new(&exe),
        std::env::var_os("CARGO").is_some(),
        std::env::var("REWIND_PROGRAM").ok().as_deref(),
    )
}

/// [`program`] for the binary at `exe`, run by cargo or not, with an override.
fn program_of(exe: &Path, under_cargo: bool, chosen: Option<&str>) -> String {
    if let Some(chosen) = chosen.filter(|text| !text.trim().is_empty()) {
        return chosen.to_string();
    }
    let name = exe.file_stem().map_or_else(
        || "rewind".to_string(),
        |stem| stem.to_string_lossy().into_owned(),
    );
    let profile = exe
        .parent()
        .and_then(Path::file_name)
        .and_then(|folder| folder.to_str());
    match profile {
        Some(profile @ ("debug" | "release")) if under_cargo => {
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

#[cfg(test)]
mod tests {
    use super::program_of;
    use std::path::Path;

    #[test]
    fn names_the_binary_or_the_cargo_command_that_runs_it() {
        let release = Path::new("/work/shop/target/release/shop");
        let debug = Path::new("target/debug/shop");
        assert_eq!(program_of(release, false, None), "shop");
        assert_eq!(
            program_of(release, true, None),
            "cargo run --release --bin shop --"
        );
        assert_eq!(program_of(debug, true, None), "cargo run --bin shop --");
        assert_eq!(
            program_of(Path::new("/usr/local/bin/shop"), true, None),
            "shop",
            "an installed binary is not under a profile folder"
        );
        assert_eq!(program_of(release, true, Some("cargo shop")), "cargo shop");
        assert_eq!(program_of(release, false, Some("  ")), "shop");
    }
}
