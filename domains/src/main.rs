//! This repository's `rewind` binary: the library's command line over the five showcases,
//! exactly as a user's binary hands it their own domains.

fn main() -> std::process::ExitCode {
    rewind::cli::main(&rewind_domains::showcases())
}
