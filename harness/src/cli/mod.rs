//! The whole command line as a library function over a list of domains.
//!
//! A user's binary is one line, and every command works there as it does in this
//! repository's own `rewind` binary:
//!
//! ```no_run
//! # use rewind_harness::{DomainEntry, domain};
//! # fn shop_domains() -> Vec<&'static dyn DomainEntry> { Vec::new() }
//! fn main() -> std::process::ExitCode {
//!     rewind_harness::cli::main(&shop_domains())
//! }
//! ```
//!
//! Exit status: 0 when all is well, 1 when a simulation or the corpus found a violation, 2 for
//! bad input (unknown domain, malformed log, out-of-range flag), with a message naming it. A
//! closed pipe (`... | head`) ends the command quietly with 0, as in other Unix tools.

mod args;
mod corpus;
mod domains;
mod graph;
mod hunt;
mod import;
pub(crate) mod output;
mod program;
mod replay;
mod sim;
#[cfg(test)]
mod tests;
mod view;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::{Catalog, DomainEntry};
use args::{Cli, Command, CorpusCommand};

pub use args::Shard;
pub use program::program;

/// Prints a line to stdout (see [`output::write`]); an error (a closed pipe) comes back to
/// the caller instead of the panic `println!` would raise.
macro_rules! outln {
    () => {
        $crate::cli::output::write(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::output::write(format_args!("{}\n", format_args!($($arg)*)))
    };
}
/// [`outln!`] without the newline.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::output::write(format_args!($($arg)*))
    };
}
pub(crate) use {out, outln};

/// What a command found, for the exit status.
pub(crate) enum Found {
    Nothing,
    Violation,
}

/// What every command needs: the domains it knows, and how the user runs this program, for
/// the commands it prints.
pub(crate) struct Invocation<'a> {
    pub catalog: Catalog<'a>,
    pub program: String,
    /// The arguments after the program's name, as given (for a report's header).
    pub arguments: Vec<String>,
}

/// Runs the command line of this process over `domains`: parses `std::env::args`, runs the
/// command, and returns the exit status. Hints it prints start with [`program()`].
pub fn main(domains: &[&'static dyn DomainEntry]) -> ExitCode {
    run(domains, std::env::args_os(), program())
}

/// [`main`] with explicit arguments (the first one is the program's name, as in `argv`) and
/// the `program` that printed hints start with.
pub fn run<I, T>(domains: &[&'static dyn DomainEntry], args: I, program: String) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let catalog = Catalog::new(domains);
    if let Some(name) = catalog.duplicate_name() {
        eprintln!("error: two domains are called `{name}`; each needs its own name");
        return ExitCode::from(2);
    }
    // The binary's own name, for `--version`: `shop` of `./target/release/shop`, or of
    // `cargo run --bin shop --`.
    let name = program
        .rsplit(' ')
        .find(|word| *word != "--")
        .map(|word| word.trim_matches('\''))
        .and_then(|word| std::path::Path::new(word).file_name())
        .map_or("rewind".into(), |name| name.to_string_lossy());
    let command = Cli::command()
        .name(name.to_string())
        .bin_name(program.clone())
        .version(concat!("(rewind ", env!("CARGO_PKG_VERSION"), ")"));
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let arguments = args
        .iter()
        .skip(1)
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let parsed = command
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) if error.use_stderr() => {
            // Through `eprint!`, which a test captures, rather than clap's own stream.
            eprint!("{}", error.render());
            return ExitCode::from(2);
        }
        Err(help) => {
            // `--help` and `--version`: what was asked for, on stdout.
            let _ = out!("{}", help.render());
            return ExitCode::SUCCESS;
        }
    };
    let context = Invocation {
        catalog,
        program,
        arguments,
    };
    let outcome = match cli.command {
        Command::Sim(sim) => sim::run(&context, &sim),
        Command::Replay(replay) => replay::replay(&context, &replay),
        Command::View(view) => view::write(&context, &view),
        Command::Shrink(shrink) => replay::shrink(&context, &shrink),
        Command::Import(import) => import::import(&context, &import),
        Command::Corpus { command } => match command {
            CorpusCommand::Check { dir } => corpus::check(&context, &dir),
            CorpusCommand::Mark { files, reason } => corpus::mark(&context, &files, &reason),
            CorpusCommand::Unmark { files } => corpus::unmark(&context, &files),
            CorpusCommand::Merge { dirs, corpus } => corpus::merge(&context, &dirs, &corpus),
        },
        Command::Domains => domains::list(&context),
        Command::Hunt(hunt) => hunt::run(&context, &hunt),
        Command::Graph { domain } => graph::print(&context, &domain),
    };
    match outcome {
        Ok(Found::Nothing) => ExitCode::SUCCESS,
        Ok(Found::Violation) => ExitCode::from(1),
        Err(error) if closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether `error` is stdout closed under us (`| head`): the reader has what it wanted.
fn closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
