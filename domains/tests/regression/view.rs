//! `rewind view`: the page opens in headless Chromium at the step its link names, the arrow
//! keys step through it by the page's own key handler, the violation shows at its step (the
//! drain's too, named as a commit or a delivery), concurrent clients have their lanes, and
//! the page renders to a screenshot that is not blank. Bad input is refused as `replay`
//! refuses it, and the log itself is never overwritten.
//!
//! Chromium is required, not optional: without it the browser test fails and says how to
//! install it (`apt-get install -y chromium`; `CHROMIUM=/path/to/chrome` picks another).

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use rewind::harness::libtest_mimic::{Failed, Trial};

use crate::cli::expect;
use crate::scratch::Scratch;

/// The corpus log the browser test opens, relative to `domains/` (where cargo runs tests).
const LOG: &str = "../corpus/poll/one_ballot_per_voter-73a2c6a3.json";

/// Chromium gets this long per page before the test gives up on it.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(90);

pub fn trials() -> Vec<Trial> {
    vec![
        Trial::test(
            "view::browser_steps_to_the_violation",
            browser_steps_to_the_violation,
        ),
        Trial::test(
            "view::every_domain_opens_at_its_violation",
            every_domain_opens_at_its_violation,
        ),
        Trial::test(
            "view::drain_deliveries_are_counted_apart",
            drain_deliveries_are_counted_apart,
        ),
        Trial::test(
            "view::client_lanes_run_from_begin_to_commit",
            client_lanes_run_from_begin_to_commit,
        ),
        Trial::test("view::bad_input_is_refused", bad_input_is_refused),
        Trial::test("view::never_overwrites_the_log", never_overwrites_the_log),
    ]
}

fn rewind(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rewind"))
        .env("REWIND_PROGRAM", "rewind")
        .args(args)
        .output()
        .expect("the rewind binary runs")
}

/// A fresh scratch folder for one test, removed when the test ends.
fn scratch(name: &str) -> Scratch {
    Scratch::new(&format!("view-{name}"))
}

fn path_text(path: &Path) -> Result<&str, Failed> {
    path.to_str()
        .ok_or_else(|| format!("{} is not UTF-8", path.display()).into())
}

/// Writes `log`'s page into `dir` as `name` with `rewind view --out`, and returns the page's
/// absolute path, for a `file://` URL.
fn viewed(log: &str, dir: &Path, name: &str) -> Result<PathBuf, Failed> {
    let page = dir.join(name);
    expect(&rewind(&["view", log, "--out", path_text(&page)?]), 0, &[])?;
    Ok(page.canonicalize().map_err(|e| e.to_string())?)
}

fn browser_steps_to_the_violation() -> Result<(), Failed> {
    let chromium = chromium()?;
    let dir = scratch("browser");
    let page = dir.join("page.html");
    let written = rewind(&["view", LOG, "--out", path_text(&page)?]);
    expect(&written, 0, &[])?;
    let printed = String::from_utf8_lossy(&written.stdout);
    if printed.trim() != path_text(&page)? {
        return Err(format!("`view` should print the page's path, printed:\n{printed}").into());
    }
    let log: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(LOG).map_err(|e| format!("{LOG}: {e}"))?)
            .map_err(|e| format!("{LOG}: {e}"))?;
    let violation = &log["violation"];
    let (step, invariant, message) = (
        violation["step"].as_u64().ok_or("the log names no step")?,
        violation["invariant"].as_str().ok_or("no invariant")?,
        violation["message"].as_str().ok_or("no message")?,
    );
    if step == 0 {
        return Err("the test needs a log that breaks after its first step".into());
    }
    let page = page.canonicalize().map_err(|e| e.to_string())?;
    let url = |fragment: &str| format!("file://{}#{fragment}", page.display());

    // Opened at step 0, the page shows step 0 and no violation yet.
    let dom = chromium.dump_dom(&url("step=0"), &dir)?;
    expect_step(&dom, 0)?;
    if !violation_box(&dom)?.0 {
        return Err(format!("the violation shows at step 0, before it happened:\n{dom}").into());
    }

    // → pressed until the violating step, through the page's own key handler.
    let dom = chromium.dump_dom(&url(&format!("step=0&press=ArrowRight*{step}")), &dir)?;
    expect_step(&dom, step)?;
    let (hidden, text) = violation_box(&dom)?;
    if hidden || !text.contains(invariant) || !text.contains(message) {
        return Err(format!(
            "at step {step} the violation should show `{invariant}` and `{message}`; \
             the box is {} and says `{text}`",
            if hidden { "hidden" } else { "shown" }
        )
        .into());
    }
    if !dom.contains(&format!(
        "class=\"row violating selected\" id=\"row-{step}\""
    )) {
        return Err(
            format!("the timeline does not mark step {step} as violating and selected").into(),
        );
    }

    // Home jumps back, ← from there stays at 0, End goes to the last step.
    let dom = chromium.dump_dom(&url(&format!("step={step}&press=Home,ArrowLeft")), &dir)?;
    expect_step(&dom, 0)?;
    let last = log["actions"]
        .as_array()
        .map_or(0, Vec::len)
        .saturating_sub(1) as u64;
    let dom = chromium.dump_dom(&url("step=0&press=End"), &dir)?;
    expect_step(&dom, last)?;

    // And it renders: a screenshot of the violating step is a real picture.
    let shot = dir.join("step.png");
    chromium.screenshot(
        &url(&format!("step=0&press=ArrowRight*{step}")),
        &shot,
        &dir,
    )?;
    not_blank(&shot)?;
    Ok(())
}

/// One log of every showcase, opened at the row where `replay` shows its violation: the page
/// shows that row, named as the replay names it (`step 3`, or the drain's `drain commit 1`
/// or `drain delivery 1` for a violation the drain at the end of the run reveals), with the
/// recorded violation and no console error (a domain's own `describe` text must not break
/// the page); its diff names the same changed lines, by the same field paths, as `replay
/// --diff` prints for that row, and it names the messages then waiting in the outbox as the
/// replay does.
fn every_domain_opens_at_its_violation() -> Result<(), Failed> {
    let chromium = chromium()?;
    let dir = scratch("every-domain");
    let mut named_by_path = 0;
    let mut waiting_shown = 0;
    let mut in_the_drain = 0;
    for domain in ["poll", "payments", "accounts", "subscriptions", "poker"] {
        let folder = Path::new("../corpus").join(domain);
        let mut logs: Vec<PathBuf> = fs::read_dir(&folder)
            .map_err(|e| format!("{}: {e}", folder.display()))?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        logs.sort();
        let log = logs
            .first()
            .ok_or(format!("no log in {}", folder.display()))?;
        let page = viewed(path_text(log)?, &dir, &format!("{domain}.html"))?;
        let text = fs::read_to_string(log).map_err(|e| e.to_string())?;
        let recorded: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        let invariant = recorded["violation"]["invariant"]
            .as_str()
            .ok_or("no invariant")?;
        let step = recorded["violation"]["step"].as_u64().ok_or("no step")?;
        let actions = recorded["actions"].as_array().map_or(0, Vec::len);
        let rows = replayed(log)?;
        let row = rows
            .iter()
            .position(|row| row.broke)
            .ok_or_else(|| format!("{}: the replay shows no violation", log.display()))?;
        let Printed {
            kind,
            number,
            diff: printed,
            waiting,
            ..
        } = &rows[row];
        // The log counts a drain's step as the step after its last.
        let (at, of) = match kind.as_str() {
            "step" => (*number, actions),
            kind => (
                actions as u64,
                rows.iter().filter(|row| row.kind == kind).count(),
            ),
        };
        if at != step {
            return Err(format!(
                "{}: the replay breaks at {kind} {number}, the log records step {step}",
                log.display()
            )
            .into());
        }
        in_the_drain += usize::from(kind != "step");
        let dom = chromium.dump_dom(&format!("file://{}#step={row}", page.display()), &dir)?;
        expect_violation_at(&dom, row, (kind, *number, of), invariant)
            .map_err(|e| format!("{}: {}", log.display(), e.message().unwrap_or("")))?;
        let shown = page_diff(&dom)?;
        if shown != *printed {
            return Err(format!(
                "{}: at {kind} {number} the page's diff shows\n{}\nand `replay --diff` prints\n{}",
                log.display(),
                shown.join("\n"),
                printed.join("\n")
            )
            .into());
        }
        named_by_path += shown.iter().filter(|line| line.contains("].")).count();
        let on_page = page_waiting(&dom);
        if on_page != *waiting {
            return Err(format!(
                "{}: at {kind} {number} the page says {on_page:?} waits, the replay {waiting:?}",
                log.display()
            )
            .into());
        }
        waiting_shown += usize::from(waiting.is_some());
    }
    if in_the_drain == 0 {
        return Err("no log compared breaks in the drain at the end of the run".into());
    }
    if waiting_shown == 0 {
        return Err("no log compared has a message waiting at its recorded step".into());
    }
    if named_by_path == 0 {
        return Err(
            "no diff compared names a field inside a list or map (`payments[0].fees`)".into(),
        );
    }
    Ok(())
}

/// A log of 4 steps whose violation shows in the drain at the end of the run: the page counts
/// the drain's delivery apart from the log's steps ("4 of 4 steps, then 1 drain delivery",
/// not "5 of 4 steps"), names the row "drain delivery 1 of 1", and marks the violation there.
fn drain_deliveries_are_counted_apart() -> Result<(), Failed> {
    const DRAINED: &str = "../corpus/payments/every_capture_settled-2bfa970f.json";
    let chromium = chromium()?;
    let dir = scratch("drain");
    let page = viewed(DRAINED, &dir, "page.html")?;
    let url = |fragment: &str| format!("file://{}#{fragment}", page.display());

    let dom = chromium.dump_dom(&url("step=0&press=End"), &dir)?;
    let some = |kind: &str, number: &str, of: &str| {
        Some((kind.to_string(), number.to_string(), of.to_string()))
    };
    if counter(&dom) != some("drain delivery", "1", "1") {
        return Err(format!(
            "the last row is not drain delivery 1 of 1: {:?}",
            counter(&dom)
        )
        .into());
    }
    if !dom
        .contains("4 of 4 steps, then 1 drain delivery · `every_capture_settled` broke at step 4")
    {
        return Err(format!("the header does not count the drain apart:\n{dom}").into());
    }
    let (hidden, text) = violation_box(&dom)?;
    if hidden || !text.contains("every_capture_settled") {
        return Err(format!("the violation is not shown at the drain's row: `{text}`").into());
    }
    if !dom.contains("class=\"row violating selected\" id=\"row-4\"") {
        return Err("the drain's row is not marked as violating".into());
    }
    let dom = chromium.dump_dom(&url("step=3"), &dir)?;
    if counter(&dom) != some("step", "3", "4") {
        return Err(format!("step 3 is not counted of 4: {:?}", counter(&dom)).into());
    }
    Ok(())
}

/// A log whose clients overlap: client 1 begins a login, client 2 a death, client 1 commits,
/// a bonus is delivered, and the drain commits client 2's stale death, which breaks
/// `commits_serializable`.
const CLIENTS: &str = "../corpus/accounts/commits_serializable-cc92cc32.json";

/// The timeline has a lane for each client of the log, headed by its name: a client's begin
/// and commit are marked in its lane, named in their titles, with a line between them while
/// its command is in flight. The drain's commit is "drain commit 1 of 1", counted apart, and
/// the page opened there shows the violation and the command the commit committed.
fn client_lanes_run_from_begin_to_commit() -> Result<(), Failed> {
    let chromium = chromium()?;
    let dir = scratch("clients");
    let page = viewed(CLIENTS, &dir, "page.html")?;
    let dom = chromium.dump_dom(&format!("file://{}#step=5", page.display()), &dir)?;
    expect_violation_at(&dom, 5, ("drain commit", 1, 1), "commits_serializable")?;
    if !dom.contains("5 of 5 steps, then 1 drain commit · `commits_serializable` broke at step 5")
    {
        return Err(format!("the header does not count the drain's commit apart:\n{dom}").into());
    }
    if !dom.contains("lanes: client 1, client 2 ·") {
        return Err(format!("the lanes are not headed client 1, client 2:\n{dom}").into());
    }
    let login = r#"LogIn { user: 0, password: "letmein1", expected_version: None }"#;
    let die = "Die { user: 0, expected_version: None }";
    let in_flight = |client: u32| format!("client {client}: a command in flight");
    let lands =
        |client: u32, command: &str| format!("client {client} commits {command}: the commit lands");
    let none = ("lane", String::new());
    // Each row's lanes, client 1's then client 2's: the cell's class and the start of its title.
    let wanted = [
        [none.clone(), none.clone()],
        [
            (
                "lane mark-begin down",
                format!("client 1 begins {login}: decided"),
            ),
            none.clone(),
        ],
        [
            ("lane flight", in_flight(1)),
            (
                "lane mark-begin down",
                format!("client 2 begins {die}: decided"),
            ),
        ],
        [
            ("lane mark-landed up", lands(1, login)),
            ("lane flight", in_flight(2)),
        ],
        [none.clone(), ("lane flight", in_flight(2))],
        [none.clone(), ("lane mark-landed up", lands(2, die))],
    ];
    for (row, wanted) in wanted.iter().enumerate() {
        let lanes = lanes_of(&dom, row)?;
        let matches = lanes.len() == wanted.len()
            && lanes
                .iter()
                .zip(wanted)
                .all(|((class, title), (want_class, want_title))| {
                    class == want_class && title.starts_with(want_title.as_str())
                });
        if !matches {
            return Err(format!("row {row}'s lanes are {lanes:?}, not {wanted:?}").into());
        }
    }
    let panel = between(&dom, "id=\"step-action\"", "class=\"panes\"").unwrap_or("");
    let said = format!("drain commit 1  client 2 commits {die}");
    if !panel.contains(&said) || !panel.contains("● the commit lands") {
        return Err(
            format!("the step's panel does not say `{said}` and that it lands:\n{panel}").into(),
        );
    }
    Ok(())
}

/// The lanes of the timeline's row `row`, in order: each cell's class and title (empty for
/// a cell with none).
fn lanes_of(dom: &str, row: usize) -> Result<Vec<(String, String)>, Failed> {
    let html = between(dom, &format!("id=\"row-{row}\""), "</li>")
        .ok_or_else(|| format!("the timeline has no row {row}"))?;
    let cells = between(html, "<span class=\"lanes\">", "</span></span>")
        .ok_or_else(|| format!("row {row} has no lanes: {html}"))?;
    Ok(cells
        .split("<span ")
        .skip(1)
        .map(|cell| {
            let attribute = |name: &str| {
                between(cell, &format!("{name}=\""), "\"").map_or(String::new(), unescape)
            };
            (attribute("class"), attribute("title"))
        })
        .collect())
}

/// The changed lines the page's diff pane shows (`+ path: value`), none for "no change".
fn page_diff(dom: &str) -> Result<Vec<String>, Failed> {
    let pane = between(dom, "id=\"diff\">", "</pre>")
        .ok_or_else(|| format!("the page has no diff pane:\n{dom}"))?;
    Ok(pane
        .split("<span class=\"l ")
        .filter_map(|span| {
            let (class, rest) = span.split_once("\">")?;
            let text = rest.split("</span>").next()?;
            matches!(class, "add" | "del").then(|| unescape(text))
        })
        .collect())
}

/// The `waiting: ...` line of the selected step's panel, if it has one.
fn page_waiting(dom: &str) -> Option<String> {
    let panel = &dom[dom.find("id=\"step-action\"")?..];
    let panel = &panel[..panel.find("class=\"panes\"")?];
    between(panel, "class=\"waiting\">", "</div>").map(unescape)
}

/// One row `replay --diff` prints: a step of the log, or one of the drain's.
struct Printed {
    /// What the page calls it: `step`, `drain commit` or `drain delivery`.
    kind: String,
    /// Which of its kind: the log's step index, or the drain's k-th commit or delivery.
    number: u64,
    /// The changed lines (`+ path: value`).
    diff: Vec<String>,
    /// Its `waiting:` line.
    waiting: Option<String>,
    /// Whether the violation shows there (`✗`).
    broke: bool,
}

/// The rows `replay --diff` prints for `log`, the drain's named by what the trace says they
/// do (`drain      client 1 commits`, `drain      deliver ...`), as the page names them.
fn replayed(log: &Path) -> Result<Vec<Printed>, Failed> {
    let output = rewind(&["replay", path_text(log)?, "--diff"]);
    expect(&output, 0, &[])?;
    let printed = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut rows: Vec<Printed> = Vec::new();
    for line in printed.lines() {
        if let Some((kind, number)) = header(line, &rows)? {
            rows.push(Printed {
                kind,
                number,
                diff: Vec::new(),
                waiting: None,
                broke: false,
            });
            continue;
        }
        let (Some(row), Some(said)) = (rows.last_mut(), line.strip_prefix("           ")) else {
            continue;
        };
        if said.starts_with("- ") || said.starts_with("+ ") {
            row.diff.push(said.to_string());
        } else if said.starts_with("waiting: ") {
            row.waiting = Some(said.to_string());
        } else if said.starts_with("✗ ") {
            row.broke = true;
        }
    }
    Ok(rows)
}

/// The kind and number of the row a trace line heads, after `rows`; `None` for a line that
/// heads none.
fn header(line: &str, rows: &[Printed]) -> Result<Option<(String, u64)>, Failed> {
    if let Some(rest) = line.strip_prefix("step ") {
        let number = rest.split_whitespace().next().and_then(|n| n.parse().ok());
        return Ok(number.map(|number| ("step".to_string(), number)));
    }
    let Some(said) = line.strip_prefix("drain ").map(str::trim_start) else {
        return Ok(None);
    };
    let kind = match said {
        _ if said.starts_with("client ") && said.ends_with(" commits") => "drain commit",
        _ if said.starts_with("deliver ") => "drain delivery",
        _ => return Err(format!("a drain row that is neither commit nor delivery: {line}").into()),
    };
    let before = rows.iter().filter(|row| row.kind == kind).count() as u64;
    Ok(Some((kind.to_string(), before + 1)))
}

/// The step the page shows, from `#step-number` and `<body data-step>`.
fn expect_step(dom: &str, step: u64) -> Result<(), Failed> {
    let shown = between(dom, "id=\"step-number\">", "<");
    let body = dom.contains(&format!("<body data-step=\"{step}\""));
    if shown != Some(step.to_string().as_str()) || !body {
        return Err(format!("the page should show step {step}, it shows {shown:?}:\n{dom}").into());
    }
    Ok(())
}

/// The page shows row `row`, named `kind number of count` (`drain commit 1 of 1`), marked in
/// the timeline as violating, with `invariant` in its violation box.
fn expect_violation_at(
    dom: &str,
    row: usize,
    (kind, number, of): (&str, u64, usize),
    invariant: &str,
) -> Result<(), Failed> {
    let shown = counter(dom);
    let wanted = (kind.to_string(), number.to_string(), of.to_string());
    if shown.as_ref() != Some(&wanted) || !dom.contains(&format!("<body data-step=\"{row}\"")) {
        return Err(
            format!("the page should show row {row} as {wanted:?}, it shows {shown:?}").into(),
        );
    }
    if !dom.contains(&format!(
        "class=\"row violating selected\" id=\"row-{row}\""
    )) {
        return Err(
            format!("the timeline does not mark row {row} as violating and selected").into(),
        );
    }
    let (hidden, text) = violation_box(dom)?;
    if hidden || !text.contains(invariant) {
        return Err(format!(
            "at {kind} {number} the violation `{invariant}` should show; the box is {} and \
             says `{text}`",
            if hidden { "hidden" } else { "shown" }
        )
        .into());
    }
    Ok(())
}

/// What the page's counter says: `step 3 of 4`, `drain commit 1 of 1`, as its three parts.
fn counter(dom: &str) -> Option<(String, String, String)> {
    Some((
        between(dom, "id=\"step-kind\">", "<")?.to_string(),
        between(dom, "id=\"step-number\">", "<")?.to_string(),
        between(dom, "id=\"step-count\">", "<")?.to_string(),
    ))
}

/// Whether the page's violation box is hidden, and its text.
fn violation_box(dom: &str) -> Result<(bool, String), Failed> {
    let start = dom
        .find("id=\"step-violation\"")
        .ok_or_else(|| format!("the page has no violation box:\n{dom}"))?;
    let tag_start = dom[..start].rfind('<').unwrap_or(start);
    let tag_end = start + dom[start..].find('>').ok_or("an unclosed tag")?;
    let hidden = dom[tag_start..tag_end].contains(" hidden");
    let text = between(&dom[tag_end..], ">", "</div>").unwrap_or("");
    Ok((hidden, unescape(text)))
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = start + text[start..].find(close)?;
    Some(&text[start..end])
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A PNG of the expected size whose image data is not one flat colour: a blank 1200×900
/// page compresses to about 5 KB of image data with a few dozen distinct byte values, this
/// page to over 100 KB using all 256.
fn not_blank(png: &Path) -> Result<(), Failed> {
    let bytes = fs::read(png).map_err(|e| format!("no screenshot at {}: {e}", png.display()))?;
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err(format!("{} is not a PNG", png.display()).into());
    }
    let mut at = 8;
    let mut size = None;
    let mut data = Vec::new();
    while at + 8 <= bytes.len() {
        let length = u32::from_be_bytes(bytes[at..at + 4].try_into().map_err(|_| "short PNG")?);
        let kind = &bytes[at + 4..at + 8];
        let body = bytes
            .get(at + 8..at + 8 + length as usize)
            .ok_or("a PNG chunk runs past the end")?;
        match kind {
            b"IHDR" => {
                let word =
                    |i: usize| u32::from_be_bytes([body[i], body[i + 1], body[i + 2], body[i + 3]]);
                size = Some((word(0), word(4)));
            }
            b"IDAT" => data.extend_from_slice(body),
            _ => {}
        }
        at += 12 + length as usize;
    }
    if size != Some((1200, 900)) {
        return Err(format!("the screenshot is {size:?}, not 1200×900").into());
    }
    let mut seen = [false; 256];
    data.iter().for_each(|&byte| seen[usize::from(byte)] = true);
    let distinct = seen.iter().filter(|&&seen| seen).count();
    if data.len() < 20_000 || distinct < 200 {
        return Err(format!(
            "the screenshot looks blank: {} bytes of image data, {distinct} distinct byte values ({})",
            data.len(),
            png.display()
        )
        .into());
    }
    Ok(())
}

/// Headless Chromium, found at `$CHROMIUM`, `/usr/bin/chromium` or on the PATH.
struct Chromium(PathBuf);

fn chromium() -> Result<Chromium, Failed> {
    const INSTALL: &str = "install it with `apt-get update && apt-get install -y chromium` \
                           (or set CHROMIUM=/path/to/chrome)";
    if let Some(named) = std::env::var_os("CHROMIUM").map(PathBuf::from) {
        if named.is_file() {
            return Ok(Chromium(named));
        }
        return Err(format!(
            "CHROMIUM={} is not a file; headless Chromium is needed for this test: {INSTALL}",
            named.display()
        )
        .into());
    }
    let on_path = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .flat_map(|dir| {
                ["chromium", "chromium-browser", "google-chrome"].map(|name| dir.join(name))
            })
            .find(|candidate| candidate.is_file())
    });
    Some(PathBuf::from("/usr/bin/chromium"))
        .filter(|path| path.is_file())
        .or(on_path)
        .map(Chromium)
        .ok_or_else(|| {
            format!("headless Chromium is needed for this test and was not found: {INSTALL}").into()
        })
}

impl Chromium {
    /// The DOM of `url` after its scripts ran.
    fn dump_dom(&self, url: &str, scratch: &Path) -> Result<String, Failed> {
        let output = self.run(&["--dump-dom", url], scratch)?;
        let dom = String::from_utf8_lossy(&output).into_owned();
        if !dom.contains("id=\"step-number\"") {
            return Err(format!("Chromium gave no page for {url}:\n{dom}").into());
        }
        Ok(dom)
    }

    fn screenshot(&self, url: &str, png: &Path, scratch: &Path) -> Result<(), Failed> {
        let _ = fs::remove_file(png);
        let flag = format!("--screenshot={}", path_text(png)?);
        self.run(&[&flag, "--window-size=1200,900", url], scratch)?;
        Ok(())
    }

    /// Runs Chromium headless with a fresh profile and no network of its own; its stdout.
    fn run(&self, args: &[&str], scratch: &Path) -> Result<Vec<u8>, Failed> {
        let profile = scratch.join(format!("profile-{}", profile_number()));
        let mut child = Command::new(&self.0)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                // The page's console goes to stderr, so an error in its script fails the test.
                "--enable-logging=stderr",
                "--v=0",
            ])
            .arg(format!("--user-data-dir={}", path_text(&profile)?))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", self.0.display()))?;
        let mut stdout = child.stdout.take().ok_or("no stdout")?;
        let reader = std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = stdout.read_to_end(&mut bytes);
            bytes
        });
        let mut stderr = child.stderr.take().ok_or("no stderr")?;
        let errors = std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = stderr.read_to_end(&mut bytes);
            bytes
        });
        let deadline = Instant::now() + BROWSER_TIMEOUT;
        let status = loop {
            if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
                break status;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("Chromium took over {BROWSER_TIMEOUT:?} on {args:?}").into());
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let stdout = reader.join().unwrap_or_default();
        let stderr = errors.join().unwrap_or_default();
        let _ = fs::remove_dir_all(&profile);
        let stderr = String::from_utf8_lossy(&stderr);
        if !status.success() {
            return Err(format!("Chromium failed ({status}) on {args:?}:\n{stderr}").into());
        }
        let console: Vec<&str> = stderr
            .lines()
            .filter(|line| line.contains(":CONSOLE"))
            .collect();
        if !console.is_empty() {
            return Err(format!(
                "the page wrote to its console on {args:?}:\n{}",
                console.join("\n")
            )
            .into());
        }
        Ok(stdout)
    }
}

/// A suffix no other profile folder of this process has.
fn profile_number() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn bad_input_is_refused() -> Result<(), Failed> {
    let dir = scratch("bad-input");
    let view = |name: &str, text: &str| -> Result<Output, Failed> {
        let file = dir.join(name);
        fs::write(&file, text).map_err(|e| e.to_string())?;
        Ok(rewind(&["view", path_text(&file)?]))
    };
    expect(
        &view("bad.json", "{ \"format\": ")?,
        2,
        &["bad.json", "not valid JSON"],
    )?;
    let chess = fs::read_to_string(LOG)
        .map_err(|e| e.to_string())?
        .replace("\"poll\"", "\"chess\"");
    expect(
        &view("chess.json", &chess)?,
        2,
        &["field `domain`", "unknown domain `chess`"],
    )?;
    for name in ["bad.html", "chess.html"] {
        if dir.join(name).exists() {
            return Err(format!("a page was written for bad input: {name}").into());
        }
    }
    Ok(())
}

/// `--out` naming the log, however spelled, is refused and the log is left as it was; so is
/// a log whose own name ends in `.html` (its default page would be itself).
fn never_overwrites_the_log() -> Result<(), Failed> {
    let dir = scratch("overwrite");
    let text = fs::read_to_string(LOG).map_err(|e| e.to_string())?;
    let log = dir.join("log.json");
    fs::write(&log, &text).map_err(|e| e.to_string())?;
    let spelled = dir.join(".").join("log.json");
    for out in [&log, &spelled] {
        expect(
            &rewind(&["view", path_text(&log)?, "--out", path_text(out)?]),
            2,
            &["is the log itself"],
        )?;
    }
    let html = dir.join("other.html");
    fs::write(&html, &text).map_err(|e| e.to_string())?;
    expect(
        &rewind(&["view", path_text(&html)?]),
        2,
        &["is the log itself"],
    )?;
    for file in [&log, &html] {
        if fs::read_to_string(file).map_err(|e| e.to_string())? != text {
            return Err(format!("{} was overwritten", file.display()).into());
        }
    }
    // Without --out the page goes beside the log, with `.html` for `.json`.
    let written = rewind(&["view", path_text(&log)?]);
    expect(&written, 0, &[])?;
    let page = fs::read_to_string(dir.join("log.html")).map_err(|e| e.to_string())?;
    if !page.starts_with("<!DOCTYPE html>") || !page.contains("one_ballot_per_voter") {
        return Err("the default page beside the log is not the page".into());
    }
    Ok(())
}
