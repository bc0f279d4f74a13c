//! How the user runs this program, so that every command it prints works when pasted.

use std::ffi::OsStr;
use std::path::Path;

use crate::text::shell_word;

/// The command that runs this process's binary, as the user can paste it:
/// - under `cargo run` (cargo sets `CARGO` for the program it runs, whose file sits in a
///   `target/<profile>/` folder): `cargo run --release --bin shop --`, or without
///   `--release` for a debug build, so the hint works from the crate that built it;
/// - started by a path with a folder in it (`./target/release/shop`, `target/release/shop`,
///   `/opt/shop/bin/shop`): that path as given, since the shell runs a path as it is;
/// - started by a bare name: that name when a folder on `PATH` holds it (installed), else
///   `./name`, since the shell only runs a bare name it finds on `PATH`.
///
/// `REWIND_PROGRAM`, when set and not empty, overrides all of these (an alias such as
/// `cargo shop`).
pub fn program() -> String {
    let exe = std::env::args_os().next().unwrap_or_default();
    let path = std::env::var_os("PATH");
    program_of(
        Path::new(&exe),
        std::env::var_os("CARGO").is_some(),
        std::env::var("REWIND_PROGRAM").ok().as_deref(),
        &|name| on_path(path.as_deref(), name),
    )
}

/// [`program`] for the binary started as `exe`, run by cargo or not, with an override;
/// `found_on_path` says whether a bare name is found on `PATH`.
fn program_of(
    exe: &Path,
    under_cargo: bool,
    chosen: Option<&str>,
    found_on_path: &dyn Fn(&OsStr) -> bool,
) -> String {
    if let Some(chosen) = chosen.filter(|text| !text.trim().is_empty()) {
        return chosen.to_string();
    }
    let Some(file_name) = exe.file_name() else {
        return "rewind".to_string();
    };
    let folder = exe.parent().filter(|folder| !folder.as_os_str().is_empty());
    let profile = folder
        .and_then(Path::file_name)
        .and_then(|folder| folder.to_str());
    match (profile, folder) {
        (Some(profile @ ("debug" | "release")), _) if under_cargo => {
            let release = if profile == "release" {
                " --release"
            } else {
                ""
            };
            let name = exe.file_stem().unwrap_or(file_name).to_string_lossy();
            format!("cargo run{release} --bin {name} --")
        }
        (_, Some(_)) => shell_word(&exe.to_string_lossy()),
        (_, None) if found_on_path(file_name) => shell_word(&file_name.to_string_lossy()),
        (_, None) => shell_word(&format!("./{}", file_name.to_string_lossy())),
    }
}

/// Whether a folder of `path` (a `PATH` value) holds a file called `name`.
fn on_path(path: Option<&OsStr>, name: &OsStr) -> bool {
    path.is_some_and(|path| {
        std::env::split_paths(path).any(|folder| {
            let candidate = folder.join(name);
            candidate.is_file() || cfg!(windows) && candidate.with_extension("exe").is_file()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::{on_path, program_of};
    use crate::scratch::Scratch;
    use std::ffi::{OsStr, OsString};
    use std::path::Path;

    /// A `PATH` made of `folders`.
    fn path_of(folders: &[&Path]) -> OsString {
        std::env::join_paths(folders).expect("test folders hold no path separator")
    }

    fn on_path_as(shop: bool) -> impl Fn(&OsStr) -> bool {
        move |name| shop && name == "shop"
    }

    #[test]
    fn cargo_run_names_the_cargo_command() {
        let release = Path::new("/work/shop/target/release/shop");
        let debug = Path::new("target/debug/shop");
        let anywhere = on_path_as(false);
        assert_eq!(
            program_of(release, true, None, &anywhere),
            "cargo run --release --bin shop --"
        );
        assert_eq!(
            program_of(debug, true, None, &anywhere),
            "cargo run --bin shop --"
        );
        assert_eq!(
            program_of(Path::new("/usr/local/bin/shop"), true, None, &anywhere),
            "/usr/local/bin/shop",
            "an installed binary is not under a profile folder"
        );
    }

    #[test]
    fn a_path_with_a_folder_is_printed_as_given() {
        let nowhere = on_path_as(true);
        for given in [
            "./target/release/shop",
            "target/release/shop",
            "/abs/path/shop",
            "../shop",
        ] {
            assert_eq!(
                program_of(Path::new(given), false, None, &nowhere),
                given,
                "not on PATH, whatever PATH holds"
            );
        }
        assert_eq!(
            program_of(Path::new("/my builds/shop"), false, None, &nowhere),
            "'/my builds/shop'",
            "quoted, so it pastes as one word"
        );
    }

    #[test]
    fn a_bare_name_stays_bare_only_when_path_finds_it() {
        assert_eq!(
            program_of(Path::new("shop"), false, None, &on_path_as(true)),
            "shop"
        );
        assert_eq!(
            program_of(Path::new("shop"), false, None, &on_path_as(false)),
            "./shop",
            "started from the current folder, which the shell does not search"
        );
        assert_eq!(
            program_of(Path::new(""), false, None, &on_path_as(false)),
            "rewind"
        );
    }

    #[test]
    fn rewind_program_overrides_unless_blank() {
        let release = Path::new("/work/shop/target/release/shop");
        let nowhere = on_path_as(false);
        assert_eq!(
            program_of(release, true, Some("cargo shop"), &nowhere),
            "cargo shop"
        );
        assert_eq!(
            program_of(Path::new("./shop"), false, Some("  "), &nowhere),
            "./shop"
        );
    }

    #[test]
    fn path_lookup_finds_files_in_its_folders_only() {
        let scratch = Scratch::new("program-path");
        let (bin, empty) = (scratch.join("bin"), scratch.join("empty"));
        std::fs::create_dir_all(bin.join("folder")).expect("writable");
        std::fs::create_dir_all(&empty).expect("writable");
        std::fs::write(bin.join("shop"), "").expect("writable");
        let path = path_of(&[&empty, &bin]);
        assert!(on_path(Some(&path), OsStr::new("shop")));
        assert!(!on_path(Some(&path), OsStr::new("bank")));
        assert!(
            !on_path(Some(&path), OsStr::new("folder")),
            "a folder is not a program"
        );
        assert!(!on_path(Some(&path_of(&[&empty])), OsStr::new("shop")));
        assert!(!on_path(None, OsStr::new("shop")));
    }
}
