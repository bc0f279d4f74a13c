//! The harness's one integration-test binary (libtest-mimic, `harness = false`):
//! - `corpus::<domain>::<file>`: every log under `corpus/` replayed as its own test;
//! - `cli::...`: the `rewind` command on good and bad input;
//! - `determinism::...`: same seed, same result, whatever the thread count.

mod cli;
mod corpus;
mod determinism;

use libtest_mimic::{Arguments, Trial};

fn main() {
    let arguments = Arguments::from_args();
    let mut trials: Vec<Trial> = corpus::trials();
    trials.extend(cli::trials());
    trials.extend(determinism::trials());
    libtest_mimic::run(&arguments, trials).exit();
}
