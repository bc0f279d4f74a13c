//! The `rewind` command: every bad input is a clear error and exit status 2, never a panic,
//! and no file already written is lost.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use rewind::harness::libtest_mimic::{Failed, Trial};

use crate::scratch::Scratch;

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
        Trial::test(
            "cli::replay_and_view_hide_planted_bugs_and_raw_shows_them",
            replay_and_view_hide_planted_bugs_and_raw_shows_them,
        ),
        Trial::test(
            "cli::replay_warns_when_the_log_breaks_elsewhere",
            replay_warns_when_the_log_breaks_elsewhere,
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
        Trial::test(
            "cli::report_links_each_failure_to_its_view",
            report_links_each_failure_to_its_view,
        ),
        Trial::test(
            "cli::closed_stdout_ends_quietly",
            closed_stdout_ends_quietly,
        ),
        Trial::test(
            "cli::hints_name_the_program_that_runs",
            hints_name_the_program_that_runs,
        ),
        Trial::test(
            "cli::empty_config_of_a_domain_without_settings",
            empty_config_of_a_domain_without_settings,
        ),
    ]
}

/// The binary under test, told to start the commands it prints with its own path, so a
/// printed command can be run as pasted.
fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rewind"));
    command.env("REWIND_PROGRAM", env!("CARGO_BIN_EXE_rewind"));
    command
}

fn rewind(args: &[&str]) -> Output {
    binary()
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
pub(crate) fn expect(output: &Output, code: i32, needles: &[&str]) -> Result<(), Failed> {
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

/// A fresh scratch folder for one test, removed when the test ends.
fn scratch(name: &str) -> Scratch {
    Scratch::new(&format!("cli-{name}"))
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
    let dir = scratch(name);
    let file = dir.join("log.json");
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

/// A poll keeps its planted bugs in its state and its projections for `apply`; the state a
/// replay or a view page shows leaves them out, and `--raw` shows every field.
fn replay_and_view_hide_planted_bugs_and_raw_shows_them() -> Result<(), Failed> {
    const LOG: &str = "../corpus/poll/one_ballot_per_voter-73a2c6a3.json";
    let described = rewind(&["replay", LOG, "--diff"]);
    expect(&described, 0, &[])?;
    let (stdout, _) = text(&described);
    if stdout.contains("Bugs(") || !stdout.contains("PollState {") {
        return Err(format!("the replay shows the planted bugs:\n{stdout}").into());
    }
    let raw = rewind(&["replay", LOG, "--raw"]);
    expect(&raw, 0, &[])?;
    let (stdout, _) = text(&raw);
    if !stdout.contains("bugs: Bugs(") {
        return Err(format!("--raw does not show every field:\n{stdout}").into());
    }
    let dir = scratch("view-bugs");
    let page = dir.join("page.html");
    expect(
        &rewind(&["view", LOG, "--out", page.to_str().unwrap_or(".")]),
        0,
        &[],
    )?;
    let page = fs::read_to_string(&page).map_err(|e| e.to_string())?;
    if page.contains("Bugs(") || !page.contains("PollState {") {
        return Err("the view page shows the planted bugs".into());
    }
    Ok(())
}

/// A log whose recorded violation the replay does not reproduce (here: recorded a step early)
/// is still replayed, exit 0, with a warning that names both and the `corpus check` to run.
fn replay_warns_when_the_log_breaks_elsewhere() -> Result<(), Failed> {
    let log = fs::read_to_string("../corpus/poll/one_ballot_per_voter-73a2c6a3.json")
        .map_err(|e| e.to_string())?;
    let moved = log.replace("\"step\": 2,", "\"step\": 1,");
    if moved == log {
        return Err("the test log no longer records step 2".into());
    }
    let output = replay_text("breaks-elsewhere", &moved);
    expect(&output, 0, &[])?;
    let (stdout, _) = text(&output);
    let warning = "warning: the log records `one_ballot_per_voter` at step 1, but this replay \
                   with `second_vote_counts` planted breaks `one_ballot_per_voter` at step 2; `";
    if stdout.matches(warning).count() != 2 || !stdout.contains(" corpus check ") {
        return Err(format!("no warning at the top and the end:\n{stdout}").into());
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
    if !rerun.starts_with(env!("CARGO_BIN_EXE_rewind")) {
        return Err(format!("the rerun command does not start with the program: {rerun}").into());
    }
    if !rerun.contains(&format!("--corpus {root}")) {
        return Err(format!("the rerun command drops the --corpus given: {rerun}").into());
    }
    // Pasted as printed: it plays the one run again, into the same corpus.
    let again = Command::new("sh")
        .arg("-c")
        .arg(&rerun)
        .output()
        .map_err(|e| e.to_string())?;
    expect(&again, 1, &[])?;
    if !text(&again)
        .0
        .contains("`odd_chips_left_of_button` in 1 run")
    {
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
    let again_stored = text(&again)
        .0
        .lines()
        .find_map(|line| line.trim().strip_prefix("stored"))
        .map(str::trim)
        .map(str::to_string);
    if again_stored != Some(format!("already, as {stored}")) {
        return Err(format!(
            "the second time, the same failure is not named as stored already: {again_stored:?}"
        )
        .into());
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
            .filter(|l| !l.starts_with("sim poll") && !l.trim_start().starts_with("time"))
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

/// `rewind domains | head -2`: stdout closed before the program writes. The command ends
/// quietly with 0, as Unix tools do, instead of panicking on the broken pipe.
fn closed_stdout_ends_quietly() -> Result<(), Failed> {
    let corpus = scratch("closed-pipe");
    let root = corpus.to_str().unwrap_or(".");
    let commands: [&[&str]; 3] = [
        &["domains"],
        &["sim", "poll", "--runs", "300", "--corpus", root],
        &[
            "replay",
            "../corpus/poll/one_ballot_per_voter-73a2c6a3.json",
            "--diff",
        ],
    ];
    for args in commands {
        let (reader, writer) = std::io::pipe().map_err(|e| e.to_string())?;
        drop(reader);
        let output = binary()
            .args(args)
            .stdout(writer)
            .output()
            .map_err(|e| e.to_string())?;
        let stderr = String::from_utf8_lossy(&output.stderr);
        if output.status.code() != Some(0) || stderr.contains("panicked") || !stderr.is_empty() {
            return Err(format!(
                "`rewind {}` into a closed pipe: exit {:?}, stderr:\n{stderr}",
                args.join(" "),
                output.status.code()
            )
            .into());
        }
    }
    Ok(())
}

/// A failure's hints start with how the program was run: its name when `PATH` finds it (as
/// when installed), its path when it was started by its path, and `cargo run --bin <name> --`
/// when cargo ran it from its target folder.
fn hints_name_the_program_that_runs() -> Result<(), Failed> {
    let corpus = scratch("hint-names");
    let root = corpus.to_str().unwrap_or(".");
    let args = [
        "sim",
        "poll",
        "--bug",
        "second_vote_counts",
        "--runs",
        "300",
        "--seed",
        "1",
        "--corpus",
        root,
    ];
    let binary = Path::new(env!("CARGO_BIN_EXE_rewind"));
    let run = |program: &Path, cargo: bool| {
        let mut command = Command::new(program);
        command.env_remove("REWIND_PROGRAM").args(args);
        if let Some(folder) = binary.parent() {
            let path = std::env::var_os("PATH").unwrap_or_default();
            let folders = std::iter::once(folder.to_path_buf()).chain(std::env::split_paths(&path));
            command.env(
                "PATH",
                std::env::join_paths(folders).map_err(|e| e.to_string())?,
            );
        }
        if cargo {
            command.env("CARGO", "cargo");
        } else {
            command.env_remove("CARGO");
        }
        command.output().map_err(|e| e.to_string())
    };
    let installed = run(Path::new("rewind"), false)?;
    expect(&installed, 1, &[])?;
    let stdout = text(&installed).0;
    if !stdout.contains("rerun     rewind sim poll --seed 1 --run ")
        || !stdout.contains("replay    rewind replay ")
    {
        return Err(format!("hints do not start with `rewind`:\n{stdout}").into());
    }
    let by_path = run(binary, false)?;
    let stdout = text(&by_path).0;
    let rerun = format!("rerun     {} sim poll --seed 1 --run ", binary.display());
    if !stdout.contains(&rerun) {
        return Err(format!(
            "hints do not start with the path `{}`:\n{stdout}",
            binary.display()
        )
        .into());
    }
    let profile = if env!("CARGO_BIN_EXE_rewind").contains("/release/") {
        "cargo run --release --bin rewind --"
    } else {
        "cargo run --bin rewind --"
    };
    let under_cargo = run(binary, true)?;
    let stdout = text(&under_cargo).0;
    if !stdout.contains(&format!("rerun     {profile} sim poll --seed 1")) {
        return Err(format!("hints do not start with `{profile}`:\n{stdout}").into());
    }
    Ok(())
}

/// `--config '{}'` on a domain with no settings is the default; anything else says the domain
/// has none, not serde's "expected unit".
fn empty_config_of_a_domain_without_settings() -> Result<(), Failed> {
    let corpus = scratch("empty-config");
    let root = corpus.to_str().unwrap_or(".");
    let base = ["sim", "poll", "--runs", "50", "--corpus", root];
    let with = |config: &str| {
        let mut args = base.to_vec();
        args.extend(["--config", config]);
        rewind(&args)
    };
    expect(&with("{}"), 0, &[])?;
    expect(&with("null"), 0, &[])?;
    expect(&with(r#"{"seats":3}"#), 2, &["poll has no settings"])
}

/// `sim --report`: one page with the figures, the coverage chart and each failure, whose
/// "step through it" link opens a view page written beside the report.
fn report_links_each_failure_to_its_view() -> Result<(), Failed> {
    let corpus = scratch("report");
    let root = corpus.to_str().unwrap_or(".");
    let report = corpus.join("night.html");
    let output = rewind(&[
        "sim",
        "poll",
        "--bug",
        "second_vote_counts",
        "--runs",
        "300",
        "--seed",
        "1",
        "--corpus",
        root,
        "--report",
        report.to_str().unwrap_or("."),
    ]);
    expect(&output, 1, &[])?;
    let page = fs::read_to_string(&report).map_err(|e| format!("no report: {e}"))?;
    for needle in [
        "poll with bug",
        "coverage",
        "vote_cast",
        "`one_ballot_per_voter`",
        "rerun <code>",
    ] {
        let needle = needle.replace('`', "");
        if !page.contains(&needle) {
            return Err(format!("the report lacks `{needle}`:\n{page}").into());
        }
    }
    let link = page
        .split("<a href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .ok_or_else(|| format!("the report links no view page:\n{page}"))?;
    if !link.starts_with("night-views/poll-one_ballot_per_voter-") {
        return Err(format!("unexpected view link {link}").into());
    }
    let view = fs::read_to_string(corpus.join(link)).map_err(|e| format!("{link}: {e}"))?;
    if !view.contains("one_ballot_per_voter") {
        return Err(format!("{link} is not the failure's view page").into());
    }
    Ok(())
}
