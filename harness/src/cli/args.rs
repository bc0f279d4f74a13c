//! The command line, checked before anything runs.

use std::path::PathBuf;
use std::str::FromStr;

use clap::builder::TypedValueParser as _;
use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "rewind",
    version,
    about = "Deterministic simulation and fuzz testing for event-sourced domains"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Play random action sequences, check every invariant after every dispatch, shrink and
    /// store what fails.
    Sim(SimArgs),
    /// Show a log step by step: actions, events or refusals, invariants, state.
    Replay(ReplayArgs),
    /// Write a log as one self-contained HTML page to step through in a browser: timeline,
    /// state and its diff, projections, the violation.
    View(ViewArgs),
    /// Shrink a stored log again and store the result beside it.
    Shrink(ShrinkArgs),
    /// Decode libFuzzer crash artifacts into actions, shrink them and store the logs.
    Import(ImportArgs),
    /// Work with the corpus of failing logs.
    Corpus {
        #[command(subcommand)]
        command: CorpusCommand,
    },
    /// List the domains with their actions, invariants, coverage labels and planted bugs.
    Domains,
    /// For every planted bug: median seconds and dispatches to find it over many seeds, and
    /// the shrunk length (a markdown table).
    Hunt(HuntArgs),
    /// Print a Graphviz DOT diagram of a domain's actions, events and reactors.
    Graph {
        /// The domain (payments declares its flows).
        domain: String,
    },
}

#[derive(Args)]
pub struct HuntArgs {
    /// A domain name, or `all`.
    pub domain: String,
    /// Master seeds per bug (1..=N).
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub seeds: u64,
    /// Give up on a seed after this many runs.
    #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_runs: u64,
    /// Actions per run at most.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub steps: u64,
    /// Worker threads (default: all cores).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub jobs: Option<u64>,
}

#[derive(Subcommand)]
pub enum CorpusCommand {
    /// Replay every log as `cargo test` does, and name logs that mean the same; exit 1 if
    /// any fails.
    Check {
        #[arg(default_value = "corpus")]
        dir: PathBuf,
    },
    /// Mark logs as known defects, not fixed yet: their tests pass while the failure still
    /// reproduces as recorded, and fail once it does not (the defect looks fixed).
    Mark {
        /// Logs to mark; each must still fail as it records, and plant no bug.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Why the defect is known and not fixed: an issue link, a sentence.
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Drop the known-defect mark: the log is a regression test again, which passes once
    /// the defect is fixed.
    Unmark {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Fold other corpora (shards' outputs, a colleague's folder) into one: a log is copied
    /// unless one meaning the same, or of the same kind, is there already, as `sim` stores.
    Merge {
        /// The corpus folders to fold in, in order: of two logs of one kind, the first stays.
        #[arg(required = true, value_name = "DIR")]
        dirs: Vec<PathBuf>,
        /// The corpus they are folded into.
        #[arg(long, default_value = DEFAULT_CORPUS)]
        corpus: PathBuf,
    },
}

#[derive(Args)]
pub struct SimArgs {
    /// A domain name, or `all`.
    pub domain: String,
    /// How many runs (sequences) to play.
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub runs: u64,
    /// Steps per run at most: the bot's actions and, for a domain with an outbox, the bus's
    /// deliveries and the restarts.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub steps: u64,
    /// Master seed: run i plays with a seed derived from (seed, i).
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Worker threads (default: all cores). Never changes the result.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub jobs: Option<u64>,
    /// Switch a random subset of action kinds off in each run.
    #[arg(long)]
    pub swarm: bool,
    /// Inject the delivery faults a domain with an outbox declares: late, out-of-order and
    /// repeated messages, and crashes. `off` delivers every message at once, in order, once.
    #[arg(long, default_value = "on", value_name = "on|off", action = clap::ArgAction::Set,
          value_parser = clap::builder::PossibleValuesParser::new(["on", "off"])
              .map(|value| value == "on"))]
    pub faults: bool,
    /// Let concurrent clients interleave their commands (load and decide, then append
    /// later) in a domain that declares them. `off` dispatches every command at once.
    #[arg(long, default_value = "on", value_name = "on|off", action = clap::ArgAction::Set,
          value_parser = clap::builder::PossibleValuesParser::new(["on", "off"])
              .map(|value| value == "on"))]
    pub concurrency: bool,
    /// Set a check aside for this simulation (repeatable): a known defect's invariant, so
    /// the runs it would stop go on and what else breaks shows. `domains` lists the checks.
    #[arg(long = "skip", value_name = "CHECK")]
    pub skip: Vec<String>,
    /// Stop at the first batch of runs (256) that holds a failure, rather than playing every
    /// run and reporting every check that broke.
    #[arg(long)]
    pub fail_fast: bool,
    /// Re-dispatch and rebuild projections at the end of every Nth run (every run replays
    /// its events), and send every action and event of every 128·Nth run through a JSON
    /// round trip; 1 checks every run.
    #[arg(long, default_value_t = crate::sim::DEFAULT_HISTORY_EVERY, value_parser = clap::value_parser!(u64).range(1..))]
    pub history_every: u64,
    /// Plant this bug of the domain (see `domains`).
    #[arg(long)]
    pub bug: Option<String>,
    /// The domain's config as JSON; missing fields keep their defaults, e.g. a nine-seat
    /// table with antes: `--config '{"seats":9,"ante":1}'`.
    #[arg(long, value_name = "JSON")]
    pub config: Option<String>,
    /// Where failing logs are stored.
    #[arg(long, default_value = DEFAULT_CORPUS)]
    pub corpus: PathBuf,
    /// Play only shard i of n of the run range, counting from 0: `--shard 0/4` to
    /// `--shard 3/4` together play every run once (a Kubernetes indexed job's
    /// JOB_COMPLETION_INDEX is i as it is; a 1-based CI matrix index is i + 1).
    #[arg(long, conflicts_with = "run")]
    pub shard: Option<Shard>,
    /// Also write the summary as one HTML page: figures, a coverage chart marking the labels
    /// never reached, each failure with a link to its `view` page (written beside it, in
    /// `<FILE stem>-views/`).
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Play only run number I (as printed by a failure's rerun command).
    #[arg(long)]
    pub run: Option<u64>,
}

/// The corpus folder when `--corpus` is not given: `corpus/` in the current folder.
pub const DEFAULT_CORPUS: &str = "corpus";

/// Worker threads: `--jobs` as given, or one per core.
pub fn jobs(flag: Option<u64>) -> usize {
    flag.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        |jobs| jobs as usize,
    )
}

/// `i/n`: the i-th of n equal slices of the run range, 0 ≤ i < n.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// Which slice, from 0.
    pub index: u64,
    /// How many slices.
    pub count: u64,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let (index, count) = text
            .split_once('/')
            .ok_or_else(|| format!("`{text}` is not i/n (e.g. 0/4)"))?;
        let index: u64 = index
            .trim()
            .parse()
            .map_err(|_| format!("shard index `{index}` is not a whole number"))?;
        let count: u64 = count
            .trim()
            .parse()
            .map_err(|_| format!("shard count `{count}` is not a whole number"))?;
        if count == 0 {
            return Err("the shard count must be at least 1".into());
        }
        if index >= count {
            return Err(format!(
                "shard {index}/{count} does not exist: shards of {count} are 0/{count} to {}/{count}",
                count - 1
            ));
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// The run indices of this shard among `runs`.
    pub fn range(self, runs: u64) -> std::ops::Range<u64> {
        let bound = |i: u64| (u128::from(runs) * u128::from(i) / u128::from(self.count)) as u64;
        bound(self.index)..bound(self.index + 1)
    }
}

#[derive(Args)]
pub struct ReplayArgs {
    pub file: PathBuf,
    /// Stop after step N and show the state there.
    #[arg(long)]
    pub to: Option<usize>,
    /// Show how the state changed at every step.
    #[arg(long)]
    pub diff: bool,
    /// Replay on the correct rules even if the log names a planted bug.
    #[arg(long)]
    pub without_bug: bool,
    /// Show events, state and projections as the raw Rust structures (`{:?}`), every field,
    /// rather than as the domain describes them.
    #[arg(long)]
    pub raw: bool,
}

#[derive(Args)]
pub struct ViewArgs {
    pub file: PathBuf,
    /// Where the page is written (default: the log's path with `.html` for `.json`).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Args)]
pub struct ShrinkArgs {
    pub file: PathBuf,
    /// Where the shrunk log is stored.
    #[arg(long, default_value = "corpus")]
    pub corpus: PathBuf,
}

#[derive(Args)]
pub struct ImportArgs {
    /// The domain whose fuzz target wrote the artifact.
    pub domain: String,
    /// Artifacts: the raw bytes libFuzzer saved (fuzz/artifacts/<domain>/crash-...). Of many
    /// breaking the same invariant, only the shortest log is stored.
    #[arg(required = true)]
    pub artifacts: Vec<PathBuf>,
    /// The planted bug the fuzz run had switched on.
    #[arg(long, env = "REWIND_BUG")]
    pub bug: Option<String>,
    /// Where the log is stored.
    #[arg(long, default_value = "corpus")]
    pub corpus: PathBuf,
}

#[cfg(test)]
mod tests {
    use super::Shard;

    #[test]
    fn shards_split_the_range_without_gaps() {
        let shards: Vec<_> = (0..3)
            .map(|i| Shard { index: i, count: 3 }.range(10))
            .collect();
        assert_eq!(shards, vec![0..3, 3..6, 6..10]);
        assert!(
            "3/2"
                .parse::<Shard>()
                .unwrap_err()
                .contains("does not exist")
        );
        assert!("1/0".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
        assert_eq!("1/2".parse::<Shard>(), Ok(Shard { index: 1, count: 2 }));
    }
}
