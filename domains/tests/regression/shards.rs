//! The Kubernetes Indexed Job of `deploy/kubernetes/`, played as local processes: each
//! "pod" runs the manifest's own shell command with `JOB_COMPLETION_INDEX` set as the Job
//! sets it, the merge Job's command folds their corpora, and the result must equal one
//! machine's run of the same plan: the same corpus files, and summaries that add up to its
//! summary (`--jobs` independence, extended to shards and processes).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rewind::harness::libtest_mimic::{Failed, Trial};

use crate::scratch::Scratch;

pub fn trials() -> Vec<Trial> {
    vec![Trial::test(
        "shards::indexed_job_adds_up_to_one_machine",
        indexed_job_adds_up_to_one_machine,
    )]
}

/// The plan: small enough for `cargo test`, with a planted bug so there is a corpus to merge.
const SHARDS: usize = 3;
const PLAN: [(&str, &str); 4] = [
    ("DOMAIN", "poll"),
    ("RUNS", "3000"),
    ("SEED", "7"),
    ("SIM_ARGS", "--swarm --bug second_vote_counts"),
];

fn indexed_job_adds_up_to_one_machine() -> Result<(), Failed> {
    let pod = manifest_command("sim-job.yaml", "--shard")?;
    let merge = manifest_command("merge-job.yaml", "corpus merge")?;
    let root = Scratch::new("shards");
    let shard_root = root.join("shards");
    let mut summed = BTreeMap::new();
    for index in 0..SHARDS {
        let output = shell(&pod, &shard_root, Some(index))?;
        for (name, value) in counts(&stdout(&output)) {
            *summed.entry(name).or_insert(0) += value;
        }
    }
    let merged = stdout(&shell(&merge, &shard_root, None)?);

    let whole = root.join("whole");
    let mut one = Command::new(env!("CARGO_BIN_EXE_rewind"));
    one.args(["sim", "poll", "--runs", "3000", "--seed", "7"])
        .args(["--swarm", "--bug", "second_vote_counts", "--corpus"])
        .arg(&whole);
    let one = one.output()?;
    if one.status.code() != Some(1) {
        return Err(format!("the whole run: {one:?}").into());
    }
    let expected = counts(&stdout(&one));
    if summed != expected {
        return Err(
            format!("the shards add up to\n{summed:?}\none machine counts\n{expected:?}").into(),
        );
    }
    if !expected.keys().any(|name| name.starts_with("failed `")) {
        return Err("the planted bug was not found: nothing to merge".into());
    }
    let (merged_logs, whole_logs) = (names(&shard_root.join("merged")), names(&whole));
    if merged_logs != whole_logs || whole_logs.is_empty() {
        return Err(format!(
            "merged corpus {merged_logs:?}, one machine's {whole_logs:?}\nmerge said:\n{merged}"
        )
        .into());
    }
    eprintln!(
        "shards: {SHARDS} processes, {} runs, {} dispatches; merged {} into {} logs",
        summed["runs"],
        summed["dispatches"],
        merged
            .lines()
            .filter(|line| line.starts_with("new") || line.starts_with("already"))
            .count(),
        merged_logs.len()
    );
    Ok(())
}

/// The shell command of the manifest's container, the one `args:` line that holds `marker`.
fn manifest_command(file: &str, marker: &str) -> Result<String, Failed> {
    let path = Path::new("../deploy/kubernetes").join(file);
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .map(str::trim)
        .filter_map(|line| line.strip_prefix("- '")?.strip_suffix('\''))
        .find(|command| command.contains(marker))
        .map(str::to_string)
        .ok_or_else(|| format!("{}: no container command with `{marker}`", path.display()).into())
}

/// Runs `command` through `sh -c`, as the container does, with `rewind` on PATH, the plan's
/// variables and, for a pod of the indexed Job, its index.
fn shell(command: &str, shard_root: &Path, index: Option<usize>) -> Result<Output, Failed> {
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_rewind"));
    let folder = binary.parent().ok_or("the binary has a folder")?;
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut folders = vec![folder.to_path_buf()];
    folders.extend(std::env::split_paths(&path));
    let mut shell = Command::new("sh");
    shell
        .args(["-c", command])
        .env("PATH", std::env::join_paths(folders)?)
        .env("SHARDS", SHARDS.to_string())
        .env("SHARD_ROOT", shard_root)
        .envs(PLAN);
    if let Some(index) = index {
        shell.env("JOB_COMPLETION_INDEX", index.to_string());
    }
    let output = shell.output()?;
    if !output.status.success() {
        return Err(format!("`{command}` (index {index:?}) failed: {output:?}").into());
    }
    Ok(output)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The counts of a `sim` summary that add up over shards: runs, dispatches, rejected,
/// events, each coverage label's hits, the failing runs and each invariant's.
fn counts(summary: &str) -> BTreeMap<String, u64> {
    let number = |word: &str| word.replace(',', "").parse::<u64>().ok();
    let mut found = BTreeMap::new();
    let mut coverage = false;
    for line in summary.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if line.starts_with("  ") && !line.starts_with("    ") {
            coverage = words.first() == Some(&"coverage");
        }
        match words.as_slice() {
            [
                name @ ("runs" | "dispatches" | "rejected" | "events"),
                value,
                ..,
            ] => {
                if let Some(value) = number(value) {
                    found.insert(name.to_string(), value);
                }
            }
            ["result", .., "broke", "in", failed, "of", _, _] => {
                if let Some(failed) = number(failed) {
                    found.insert("failed runs".into(), failed);
                }
            }
            ["FAILED", invariant, "in", runs, ..] => {
                if let Some(runs) = number(runs) {
                    found.insert(format!("failed {invariant}"), runs);
                }
            }
            [label, hits, ..] if coverage && line.starts_with("    ") => {
                if let Some(hits) = number(hits) {
                    found.insert(format!("coverage {label}"), hits);
                }
            }
            _ => {}
        }
    }
    found
}

/// The logs under `corpus`, as paths inside it.
fn names(corpus: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![corpus.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(inside) = path.strip_prefix(corpus) {
                found.push(inside.to_path_buf());
            }
        }
    }
    found.sort();
    found
}
