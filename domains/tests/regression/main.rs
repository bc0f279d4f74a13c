//! The showcases' one harness-less test binary (libtest-mimic):
//! - `corpus::<domain>::<file>` and `determinism::<domain>`: every log under `corpus/`
//!   replayed as its own test, and each domain's determinism self-check, from the very
//!   library function a user's `tests/corpus.rs` calls;
//! - `cli::...`: the `rewind` command on good and bad input;
//! - `determinism::...`: same seed, same result, whatever the thread count;
//! - `shards::...`: the Kubernetes Indexed Job's commands, played as local processes;
//! - `view::...`: the `view` page in headless Chromium (which must be installed).

mod cli;
mod determinism;
mod scratch;
mod shards;
mod view;

use rewind::CorpusTests;

fn main() {
    let domains = rewind_domains::showcases();
    let mut trials = CorpusTests::new(&domains)
        .folder("../corpus")
        .program("cargo rewind")
        .trials();
    trials.extend(cli::trials());
    trials.extend(determinism::trials());
    trials.extend(shards::trials());
    trials.extend(view::trials());
    let arguments = rewind::harness::libtest_mimic::Arguments::from_args();
    rewind::harness::libtest_mimic::run(&arguments, trials).exit();
}
