//! `numrep`: phone-number reputation lookup on the command line.
//! See `numrep lookup --help` and the crate README.

#![forbid(unsafe_code)]

mod answer;
mod args;
mod bad_line;
mod batch;
mod config;
mod desk;
mod error;
mod input;
mod output;
mod progress;
mod run;

use clap::Parser;

fn main() -> std::process::ExitCode {
    run::run(args::Cli::parse())
}
