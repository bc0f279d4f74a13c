//! The `rewind` command: every bad input is a clear error and exit status 2, never a panic,
//! and no file already written is lost.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use libtest_mimic::{Failed, Trial};

pub fn trials() -> Vec<Trial> {
    vec![
        Trial::test("cli::bad_json_is_refused", bad_json_is_refused),
        Trial::test("cli::missing_field_is_named", missing_field_is_named),
        Trial::test("cli::unknown_domain_is_refused", unknown_domain_is_refused),
        Trial::test(
            "cli::unknown_action_variant_is_named",
            unknown_action_variant_is_named,
        ),
        Trial::test("cli::newer_schema_is_refused", newer_schema_is_refused),
        Trial::test(
            "cli::replay_to_past_the_end_is_refused",
            replay_to_past_the_end_is_refused,
        ),
        Trial::test(
            "cli::replay_shows_the_table_and_raw_shows_every_field",
            replay_shows_the_table_and_raw_shows_every_field,
        ),
        Trial::test("cli::runs_zero_is_refused", runs_zero_is_refused),
        Trial::test(
            "cli::shard_beyond_count_is_refused",
            shard_beyond_count_is_refused,
        ),
        Trial::test("cli::unknown_bug_is_refused", unknown_bug_is_refused),
        Trial::test("cli::bug_with_all_is_refused", bug_with_all_is_refused),
        Trial::test("cli::bad_config_is_refused", bad_config_is_refused),
        Trial::test(
            "cli::config_reaches_the_log_and_the_rerun_command",
            config_reaches_the_log_and_the_rerun_command,
        ),
        Trial::test("cli::clean_sim_exits_zero", clean_sim_exits_zero),
        Trial::test(
            "cli::planted_bug_is_found_stored_and_replayed",
            planted_bug_is_found_stored_and_replayed,
        ),
        Trial::test(
            "cli::jobs_do_not_change_the_output",
            jobs_do_not_change_the_output,
        ),
        Trial::test(
            "cli::graph_prints_dot_and_refuses_domains_without_one",
            graph_prints_dot,
        ),
    ]
}

fn rewind(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rewind"))
        .args(args)
        .output()
        .expect("the rewind binary runs")
}

fn text(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Expects exit status `code` and `needles` somewhere in stderr; no panic.
fn expect(output: &Output, code: i32, needles: &[&str]) -> Result<(), Failed> {
    let (stdout, stderr) = text(output);
    if output.status.code() != Some(code) {
        return Err(format!(
            "expected exit {code}, got {:?}\nstdout:\n{stdout}\nstderr:\n{stderr}",
            output.status.code()
        )
        .into());
    }
    if stderr.contains("panicked") {
        return Err(format!("rewind panicked:\n{stderr}").into());
    }
    for needle in needles {
        if !stderr.contains(needle) {
            return Err(format!("stderr does not say `{needle}`:\n{stderr}").into());
        }
    }
    Ok(())
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rewind-cli-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("the temp folder is writable");
    dir
}

const GOOD_LOG: &str = r#"{
  "format": "rewind-log/1",
  "domain": "poll",
  "schema": 1,
  "seed": 7,
  "found_by": "a test",
  "actions": [{"OpenPoll": {"choices": ["tea"]}}, {"Vote": {"voter": 1, "choice": "tea"}}],
  "violation": {"invariant": "one_ballot_per_voter", "step": 1, "message": "m"}
}"#;

/// A poker log on a nine-seat table with antes.
const POKER_LOG: &str = r#"{
  "format": "rewind-log/1",
  "domain": "poker",
  "schema": 1,
  "seed": 7,
  "config": {"seats": 9, "ante": 1},
  "found_by": "a test",
  "actions": [{"SitDown": {"seat": 0, "buy_in": 100, "post_big_blind": false}}],
  "violation": {"invariant": "chips_conserved", "step": 0, "message": "m"}
}"#;

/// Writes `text` as a log file and runs `rewind replay` on it with `flags`.
fn replay_text_with(name: &str, text: &str, flags: &[&str]) -> Output {
    let file = scratch(name).join("log.json");
    fs::write(&file, text).expect("the temp file is writable");
    let mut args = vec!["replay", file.to_str().expect("temp paths are UTF-8")];
    args.extend_from_slice(flags);
    rewind(&args)
}

fn replay_text(name: &str, text: &str) -> Output {
    replay_text_with(name, text, &[])
}

fn bad_json_is_refused() -> Result<(), Failed> {
    expect(
        &replay_text("bad-json", "{ \"format\": "),
        2,
        &["log.json", "not valid JSON"],
    )
}

fn missing_field_is_named() -> Result<(), Failed> {
    let without_seed = GOOD_LOG.replace("  \"seed\": 7,\n", "");
    expect(
        &replay_text("missing-field", &without_seed),
        2,
        &["log.json", "field `seed`", "missing"],
    )
}

fn unknown_domain_is_refused() -> Result<(), Failed> {
    expect(
        &rewind(&["sim", "chess", "--runs", "1"]),
        2,
        &["unknown domain `chess`", "poll"],
    )?;
    let chess = GOOD_LOG.replace("\"poll\"", "\"chess\"");
    expect(
        &replay_text("unknown-domain", &chess),
        2,
        &["field `domain`", "unknown domain `chess`"],
    )
}

fn unknown_action_variant_is_named() -> Result<(), Failed> {
    let dance = GOOD_LOG.replace(
        r#"{"Vote": {"voter": 1, "choice": "tea"}}"#,
        r#"{"Dance": {}}"#,
    );
    expect(
        &replay_text("unknown-variant", &dance),
        2,
        &["field `actions[1]`", "unknown variant `Dance`"],
    )
}

fn newer_schema_is_refused() -> Result<(), Failed> {
    let newer = GOOD_LOG.replace("\"schema\": 1", "\"schema\": 9");
    expect(
        &replay_text("newer-schema", &newer),
        2,
        &["field `schema`", "schema 9", "schema 1"],
    )
}

fn replay_to_past_the_end_is_refused() -> Result<(), Failed> {
    expect(
        &replay_text_with("to-past-end", GOOD_LOG, &["--to", "2"]),
        2,
        &["log.json", "--to 2 is past the end", "2 steps (0 to 1)"],
    )
}

/// Poker's state reads as a table (seats, chips, blinds) rather than its raw structure of
/// nine seats and a 52-card deck order; `--raw` shows that structure.
fn replay_shows_the_table_and_raw_shows_every_field() -> Result<(), Failed> {
    let described = replay_text_with("describe", POKER_LOG, &["--to", "0"]);
    expect(&described, 0, &[])?;
    let (stdout, _) = text(&described);
    for needle in [
        "between hands · 0 played",
        "seat 0: 100 chips · bet 0 (0 this hand) · seated, waiting for the big blind",
        "chips: 100 bought in · 0 cashed out · 100 on the table",
    ] {
        if !stdout.contains(needle) {
            return Err(format!("the replay does not show `{needle}`:\n{stdout}").into());
        }
    }
    if stdout.contains("PokerState") {
        return Err(format!("the replay shows the raw structure:\n{stdout}").into());
    }
    let raw = replay_text_with("describe-raw", POKER_LOG, &["--raw"]);
    expect(&raw, 0, &[])?;
    let (stdout, _) = text(&raw);
    if !stdout.contains("PokerState {") || !stdout.contains("HandLedger {") {
        return Err(format!("--raw does not show the structures:\n{stdout}").into());
    }
    Ok(())
}

fn runs_zero_is_refused() -> Result<(), Failed> {
    expect(&rewind(&["sim", "poll", "--runs", "0"]), 2, &["--runs"])
}

fn shard_beyond_count_is_refused() -> Result<(), Failed> {
    expect(
        &rewind(&["sim", "poll", "--shard", "3/2"]),
        2,
        &["3/2", "does not exist"],
    )
}

fn unknown_bug_is_refused() -> Result<(), Failed> {
    expect(
        &rewind(&["sim", "poll", "--bug", "nope"]),
        2,
        &["`nope` is not a planted bug of poll", "second_vote_counts"],
    )
}

fn bug_with_all_is_refused() -> Result<(), Failed> {
    expect(
        &rewind(&["sim", "all", "--bug", "second_vote_counts"]),
        2,
        &["--bug"],
    )
}

fn bad_config_is_refused() -> Result<(), Failed> {
    let sim = |config: &str| rewind(&["sim", "poker", "--runs", "1", "--config", config]);
    expect(
        &sim(r#"{"seats":12}"#),
        2,
        &["--config", "seats must be 2 to 9"],
    )?;
    expect(
        &sim(r#"{"antes":1}"#),
        2,
        &["not a poker config", "unknown field `antes`"],
    )?;
    expect(&sim("seats=9"), 2, &["not a poker config"])?;
    expect(
        &rewind(&["sim", "all", "--runs", "1", "--config", "{}"]),
        2,
        &["--config", "instead of `all`"],
    )?;
    let log = POKER_LOG.replace("\"seats\": 9", "\"seats\": 40");
    expect(
        &replay_text("bad-config", &log),
        2,
        &["field `config`", "seats must be 2 to 9"],
    )
}

/// A run on a table given by `--config` stores its config in the log, and the rerun command
/// the summary prints plays the same failure again.
fn config_reaches_the_log_and_the_rerun_command() -> Result<(), Failed> {
    let corpus = scratch("config-sim");
    let root = corpus.to_str().unwrap_or(".");
    let output = rewind(&[
        "sim",
        "poker",
        "--config",
        r#"{"seats":9,"ante":1}"#,
        "--bug",
        "odd_chip_wrong_seat",
        "--runs",
        "2000",
        "--seed",
        "2",
        "--corpus",
        root,
    ]);
    expect(&output, 1, &[])?;
    let (stdout, _) = text(&output);
    let line = |prefix: &str| {
        stdout
            .lines()
            .find_map(|line| line.trim().strip_prefix(prefix))
            .map(|rest| rest.trim().to_string())
            .ok_or_else(|| format!("the summary has no `{prefix}` line:\n{stdout}"))
    };
    let (rerun, stored) = (line("rerun")?, line("stored")?);
    let log = fs::read_to_string(&stored).map_err(|e| e.to_string())?;
    if !log.contains("\"ante\": 1") || !log.contains("\"seats\": 9") {
        return Err(format!("the stored log lost the config:\n{log}").into());
    }
    let command = rerun
        .strip_prefix("rewind ")
        .ok_or_else(|| format!("not a rewind command: {rerun}"))?;
    let again = Command::new("sh")
        .arg("-c")
        .arg(format!("\"$0\" {command} --corpus \"$1\"",))
        .arg(env!("CARGO_BIN_EXE_rewind"))
        .arg(root)
        .output()
        .map_err(|e| e.to_string())?;
    expect(&again, 1, &[])?;
    if !text(&again).0.contains("`odd_chips_left_of_button` broke") {
        return Err(format!("`{rerun}` did not fail the same way:\n{}", text(&again).0).into());
    }
    Ok(())
}

fn clean_sim_exits_zero() -> Result<(), Failed> {
    let corpus = scratch("clean-sim");
    let output = rewind(&[
        "sim",
        "all",
        "--runs",
        "500",
        "--seed",
        "3",
        "--corpus",
        corpus.to_str().unwrap_or("."),
    ]);
    expect(&output, 0, &[])?;
    let (stdout, _) = text(&output);
    if !stdout.contains("no violation") {
        return Err(format!("the summary does not say `no violation`:\n{stdout}").into());
    }
    Ok(())
}

fn planted_bug_is_found_stored_and_replayed() -> Result<(), Failed> {
    let corpus = scratch("planted-bug");
    let keep = corpus.join("poll").join("keep-me.json");
    fs::create_dir_all(keep.parent().unwrap_or(Path::new("."))).map_err(|e| e.to_string())?;
    fs::write(&keep, GOOD_LOG).map_err(|e| e.to_string())?;
    let root = corpus.to_str().unwrap_or(".");
    let args = [
        "sim",
        "poll",
        "--bug",
        "vote_after_close_accepted",
        "--runs",
        "2000",
        "--seed",
        "5",
        "--corpus",
        root,
    ];
    let output = rewind(&args);
    expect(&output, 1, &[])?;
    let (stdout, _) = text(&output);
    let stored = stdout
        .lines()
        .find_map(|line| line.trim().strip_prefix("stored"))
        .map(|path| path.trim().to_string())
        .ok_or_else(|| format!("the summary names no stored log:\n{stdout}"))?;
    if !stdout.contains("closed_poll_accepts_nothing") || !stdout.contains("rewind replay") {
        return Err(format!(
            "the summary does not name the invariant and the replay command:\n{stdout}"
        )
        .into());
    }
    let again = rewind(&args);
    if text(&again)
        .0
        .lines()
        .find_map(|line| line.trim().strip_prefix("stored"))
        .map(str::trim)
        != Some(stored.as_str())
    {
        return Err("the same failure was stored under another name the second time".into());
    }
    let replay = rewind(&["replay", &stored]);
    expect(&replay, 0, &[])?;
    if !text(&replay)
        .0
        .contains("✗ `closed_poll_accepts_nothing` broke")
    {
        return Err(format!(
            "the replay does not show the step that breaks:\n{}",
            text(&replay).0
        )
        .into());
    }
    if fs::read_to_string(&keep).map_err(|e| e.to_string())? != GOOD_LOG {
        return Err("a file already in the corpus was changed".into());
    }
    let logs = fs::read_dir(corpus.join("poll"))
        .map_err(|e| e.to_string())?
        .count();
    if logs != 2 {
        return Err(format!("expected the kept file and one new log, found {logs} files").into());
    }
    let check = rewind(&["corpus", "check", root]);
    // keep-me.json names a bug-free failure that the correct rules do not show, and the new
    // log passes: the check passes both.
    expect(&check, 0, &[])
}

fn jobs_do_not_change_the_output() -> Result<(), Failed> {
    let corpus = scratch("jobs-output");
    let root = corpus.to_str().unwrap_or(".");
    let run = |jobs: &str| {
        let output = rewind(&[
            "sim", "poll", "--runs", "2000", "--seed", "9", "--swarm", "--jobs", jobs, "--corpus",
            root,
        ]);
        // The header names the job count and the time line is wall-clock: the rest must agree.
        text(&output)
            .0
            .lines()
            .filter(|l| !l.starts_with("rewind sim") && !l.trim_start().starts_with("time"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (one, two) = (run("1"), run("2"));
    if one != two || one.is_empty() {
        return Err(format!("--jobs 1 printed:\n{one}\n--jobs 2 printed:\n{two}").into());
    }
    Ok(())
}

fn graph_prints_dot() -> Result<(), Failed> {
    let output = rewind(&["graph", "payments"]);
    expect(&output, 0, &[])?;
    let dot = text(&output).0;
    let opens = dot.matches('{').count();
    if !dot.starts_with("digraph payments {")
        || opens != dot.matches('}').count()
        || !dot.contains("->")
    {
        return Err(format!("not a DOT digraph with edges:\n{dot}").into());
    }
    expect(
        &rewind(&["graph", "poll"]),
        2,
        &["poll declares no flow graph", "payments"],
    )
}
