//! The `crosscheck` binary: parses arguments and hands over to the CLI or the reader.

use clap::Parser;
use crosscheck::cli::{self, Cli, Command};

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(Command::Read(args)) => cli::run_reader(cli.index, cli.config, &args.paths),
        None => cli::run_reader(cli.index, cli.config, &[]),
        Some(command) => cli::run_command(cli.index, cli.config, cli.no_update, command),
    };
    match code {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("crosscheck: {e:#}");
            std::process::exit(1);
        }
    }
}
