//! The command line over a domain with defects nobody planted: find them, mark them known,
//! set one aside, and refuse what makes no sense, with the exit status a script relies on.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::output::capture;
use super::run;
use crate::scratch::Scratch;
use crate::{DomainEntry, domain};

/// Runs the till's command line with `args`, and what it printed.
fn till_says(args: &[&str]) -> (ExitCode, String) {
    let domains: [&'static dyn DomainEntry; 1] = [domain::<crate::test_till::Till>()];
    let mut argv = vec!["till"];
    argv.extend_from_slice(args);
    capture(|| run(&domains, argv, "till".to_string()))
}

fn till(args: &[&str]) -> ExitCode {
    till_says(args).0
}

/// The logs stored under `corpus`, by file name.
fn stored(corpus: &Path) -> Vec<PathBuf> {
    crate::corpus::files(corpus).unwrap_or_default()
}

/// A scratch folder's path as an argument.
fn text(scratch: &Scratch) -> &str {
    scratch.to_str().expect("the temp folder has a UTF-8 path")
}

fn sim(corpus: &Scratch, extra: &[&str]) -> ExitCode {
    let mut args = vec!["sim", "till", "--runs", "2000", "--seed", "3", "--corpus"];
    args.push(text(corpus));
    args.extend_from_slice(extra);
    till(&args)
}

#[test]
fn known_defects_pass_sim_and_new_ones_fail_it() {
    let corpus = Scratch::new("cli-known");
    assert_eq!(sim(&corpus, &[]), ExitCode::from(1), "two new defects");
    let logs = stored(&corpus);
    assert_eq!(logs.len(), 2, "one log per defect: {logs:?}");
    assert_eq!(sim(&corpus, &[]), ExitCode::from(1), "stored, not fixed");
    assert_eq!(stored(&corpus), logs, "nothing stored twice");

    let files: Vec<&str> = logs.iter().filter_map(|path| path.to_str()).collect();
    let mut mark = vec!["corpus", "mark"];
    mark.extend(&files);
    mark.extend(["--reason", "issue 7"]);
    assert_eq!(till(&mark), ExitCode::SUCCESS);
    for path in &logs {
        let text = fs::read_to_string(path).unwrap_or_default();
        assert!(text.contains("\"known\": \"issue 7\""), "{text}");
    }
    let mut args = vec!["sim", "till", "--runs", "2000", "--seed", "3", "--corpus"];
    args.push(text(&corpus));
    let (status, said) = till_says(&args);
    assert_eq!(status, ExitCode::SUCCESS, "only known defects: {said}");
    assert!(said.contains("2 checks broke in"), "{said}");
    assert!(said.contains(": all known defects"), "{said}");
    assert!(
        said.contains("KNOWN       `refunds_within_sales`"),
        "{said}"
    );
    assert!(
        said.contains("known     ") && said.contains(": issue 7"),
        "{said}"
    );
    assert!(
        said.contains("`--skip refunds_within_sales` sets it aside"),
        "{said}"
    );
    assert_eq!(till(&["corpus", "check", text(&corpus)]), ExitCode::SUCCESS);
    assert_eq!(
        sim(&corpus, &["--skip", "refunds_within_sales"]),
        ExitCode::SUCCESS
    );

    assert_eq!(till(&["corpus", "unmark", files[0]]), ExitCode::SUCCESS);
    assert_eq!(
        sim(&corpus, &[]),
        ExitCode::from(1),
        "an unmarked defect is new"
    );
    assert_eq!(
        till(&["corpus", "check", text(&corpus)]),
        ExitCode::from(1),
        "its log fails: the defect is not fixed"
    );
}

#[test]
fn marking_refuses_what_would_not_be_true() {
    let corpus = Scratch::new("cli-mark");
    assert_eq!(sim(&corpus, &[]), ExitCode::from(1));
    let log = stored(&corpus).remove(0);
    let file = log.to_str().unwrap_or_default();
    let before = fs::read_to_string(&log).unwrap_or_default();
    assert_eq!(
        till(&["corpus", "mark", file, "--reason", "  "]),
        ExitCode::from(2),
        "an empty reason"
    );
    // A log whose failure no longer reproduces (its steps cut to the first) is not marked.
    let mut value: serde_json::Value = serde_json::from_str(&before).unwrap_or_default();
    if let Some(actions) = value["actions"].as_array_mut() {
        actions.truncate(1);
    }
    let passing = corpus.join("till").join("passing.json");
    fs::write(&passing, value.to_string()).unwrap_or_default();
    let passing_text = fs::read_to_string(&passing).unwrap_or_default();
    let passing_file = passing.to_str().unwrap_or_default();
    assert_eq!(
        till(&["corpus", "mark", passing_file, "--reason", "x"]),
        ExitCode::from(2)
    );
    assert_eq!(
        fs::read_to_string(&passing).unwrap_or_default(),
        passing_text
    );
    assert_eq!(fs::read_to_string(&log).unwrap_or_default(), before);
}

#[test]
fn bad_flags_are_refused_by_name() {
    let corpus = Scratch::new("cli-flags");
    assert_eq!(sim(&corpus, &["--faults", "bogus"]), ExitCode::from(2));
    assert_eq!(sim(&corpus, &["--faults", "off"]), ExitCode::from(1));
    assert_eq!(sim(&corpus, &["--skip", "nonsense"]), ExitCode::from(2));
    assert_eq!(
        sim(&corpus, &["--skip", "json_round_trip"]),
        ExitCode::from(2),
        "a log must store every step"
    );
    assert_eq!(
        sim(&corpus, &["--fail-fast"]),
        ExitCode::from(1),
        "the first batch already fails"
    );
}

/// The logs under `corpus`, as paths inside it, to compare two corpora.
fn names(corpus: &Path) -> Vec<PathBuf> {
    stored(corpus)
        .iter()
        .filter_map(|path| path.strip_prefix(corpus).ok().map(Path::to_path_buf))
        .collect()
}

#[test]
fn merged_shards_hold_what_one_run_stores() {
    let whole = Scratch::new("cli-merge-whole");
    assert_eq!(sim(&whole, &[]), ExitCode::from(1), "two defects");
    let shards = [Scratch::new("cli-merge-0"), Scratch::new("cli-merge-1")];
    for (index, shard) in shards.iter().enumerate() {
        sim(shard, &["--shard", &format!("{index}/2")]);
    }
    let merged = Scratch::new("cli-merge-into");
    let merge = [
        "corpus",
        "merge",
        text(&shards[0]),
        text(&shards[1]),
        "--corpus",
        text(&merged),
    ];
    let (status, said) = till_says(&merge);
    assert_eq!(status, ExitCode::SUCCESS, "{said}");
    assert_eq!(names(&merged), names(&whole), "{said}");
    let found = stored(&shards[0]).len() + stored(&shards[1]).len();
    let news = names(&whole).len();
    assert!(
        said.contains(&format!(
            "merged {found} logs from 2 folders into {}: {news} new, {} already there",
            merged.display(),
            found - news
        )),
        "{said}"
    );
    // Again: everything is there already, and nothing is written.
    let before: Vec<String> = stored(&merged)
        .iter()
        .map(|path| fs::read_to_string(path).unwrap_or_default())
        .collect();
    let (status, said) = till_says(&merge);
    assert_eq!(status, ExitCode::SUCCESS, "{said}");
    assert!(said.contains(": 0 new,"), "{said}");
    let after: Vec<String> = stored(&merged)
        .iter()
        .map(|path| fs::read_to_string(path).unwrap_or_default())
        .collect();
    assert_eq!(before, after);
}

#[test]
fn a_malformed_log_is_named_and_left_out_and_nothing_is_lost() {
    let source = Scratch::new("cli-merge-bad");
    assert_eq!(sim(&source, &[]), ExitCode::from(1));
    let good = stored(&source);
    let broken = source.join("till").join("aaa-broken.json");
    fs::write(&broken, "{\"format\": ").unwrap_or_default();
    let into = Scratch::new("cli-merge-bad-into");
    // A file already in the corpus that no merge may touch, readable or not.
    fs::create_dir_all(into.join("till")).unwrap_or_default();
    let kept = into.join("till").join("kept.json");
    fs::write(&kept, "not a log").unwrap_or_default();
    let (status, said) = till_says(&["corpus", "merge", text(&source), "--corpus", text(&into)]);
    assert_eq!(status, ExitCode::from(2), "{said}");
    assert!(
        said.contains(&format!("left out {}", broken.display())),
        "{said}"
    );
    assert_eq!(fs::read_to_string(&kept).unwrap_or_default(), "not a log");
    assert_eq!(
        stored(&into).len(),
        good.len() + 1,
        "the good logs are merged: {said}"
    );
    assert!(said.contains(&format!("{} new", good.len())), "{said}");
    let missing = into.join("no-such-folder");
    let (status, _) = till_says(&[
        "corpus",
        "merge",
        text(&source),
        missing.to_str().unwrap_or_default(),
        "--corpus",
        text(&into),
    ]);
    assert_eq!(status, ExitCode::from(2), "a folder that is not there");
}
