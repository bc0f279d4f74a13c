//! `rewind`: simulate domains, replay and shrink failing logs, check the corpus.
//!
//! Exit status: 0 when all is well, 1 when a simulation or the corpus found a violation, 2 for
//! bad input (unknown domain, malformed log, out-of-range flag), with a message naming it.

mod args;
mod corpus_cmd;
mod domains_cmd;
mod graph_cmd;
mod hunt_cmd;
mod import_cmd;
mod replay_cmd;
mod sim_cmd;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command, CorpusCommand};

/// What a command found, for the exit status.
pub enum Found {
    Nothing,
    Violation,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Sim(sim) => sim_cmd::run(&sim),
        Command::Replay(replay) => replay_cmd::replay(&replay),
        Command::Shrink(shrink) => replay_cmd::shrink(&shrink),
        Command::Import(import) => import_cmd::import(&import),
        Command::Corpus {
            command: CorpusCommand::Check { dir },
        } => corpus_cmd::check(&dir),
        Command::Domains => domains_cmd::list(),
        Command::Hunt(hunt) => hunt_cmd::run(&hunt),
        Command::Graph { domain } => graph_cmd::print(&domain),
    };
    match outcome {
        Ok(Found::Nothing) => ExitCode::SUCCESS,
        Ok(Found::Violation) => ExitCode::from(1),
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
