//! Runs a parsed command line: reads the inputs, looks each up, writes the reports,
//! and turns the outcome into the exit status.

use std::env;
use std::io::{self, BufWriter, IsTerminal};
use std::process::ExitCode;

use numrep::{lookup, Options, Report};

use crate::args::{Cli, ColorChoice, Command, LookupArgs};
use crate::bad_line;
use crate::input::{Line, LineReader};
use crate::output::text::Widths;
use crate::output::{self, Color, Layout, Sink};
use crate::progress::Progress;

/// Exit status when some input did not parse, or input/output failed.
const SOME_FAILED: u8 = 1;

/// Runs the command and returns the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Lookup(args) => match lookup_command(&args) {
            Ok(0) => ExitCode::SUCCESS,
            Ok(_) => ExitCode::from(SOME_FAILED),
            // `numrep … | head`: the reader is gone; that is a normal end.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) if e.kind() == READ_FAILED => {
                eprintln!("numrep: cannot read standard input: {e}");
                ExitCode::from(SOME_FAILED)
            }
            Err(e) => {
                eprintln!("numrep: cannot write output: {e}");
                ExitCode::from(SOME_FAILED)
            }
        },
    }
}

/// Marks an error as a failure to read stdin (write errors keep their own kind).
const READ_FAILED: io::ErrorKind = io::ErrorKind::Other;

fn read_error(e: io::Error) -> io::Error {
    io::Error::new(READ_FAILED, e)
}

/// Where the inputs come from, in order.
enum Source<'a> {
    Arg(&'a str),
    Stdin,
}

/// Looks up every input and writes it; returns how many did not parse.
fn lookup_command(args: &LookupArgs) -> io::Result<u64> {
    let options = Options {
        region: args.region,
        lang: args.lang.into(),
    };
    let sources: Vec<Source<'_>> = if args.reads_stdin() {
        vec![Source::Stdin]
    } else {
        args.numbers
            .iter()
            .map(|n| {
                if n == "-" {
                    Source::Stdin
                } else {
                    Source::Arg(n)
                }
            })
            .collect()
    };
    let uses_stdin = sources.iter().any(|s| matches!(s, Source::Stdin));
    let stdout = io::stdout();
    let stdout_terminal = stdout.is_terminal();
    let stdin = io::stdin();
    let interactive = uses_stdin && stdin.is_terminal();

    let color = match args.color {
        ColorChoice::Always => Color::On,
        ColorChoice::Never => Color::Off,
        ColorChoice::Auto => {
            let no_color = env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            if stdout_terminal && !no_color {
                Color::On
            } else {
                Color::Off
            }
        }
    };

    // Arguments are few: look them up first so the table can fit its columns.
    let from_args: Vec<Report> = if uses_stdin {
        Vec::new()
    } else {
        sources
            .iter()
            .filter_map(|s| match s {
                Source::Arg(n) => Some(lookup(n, &options)),
                Source::Stdin => None,
            })
            .collect()
    };
    let layout = if interactive {
        Layout::Table(Widths::default())
    } else if uses_stdin {
        Layout::Auto(Widths::default())
    } else if from_args.len() == 1 {
        Layout::Block
    } else {
        Layout::Table(Widths::fit(&from_args))
    };

    let out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    let mut sink = output::sink(args.format, out, color, layout);
    let mut failed = 0;
    if !uses_stdin {
        for report in &from_args {
            failed += u64::from(!report.ok);
            sink.write(report)?;
        }
        sink.finish()?;
        return Ok(failed);
    }

    if interactive {
        eprintln!("numrep: reading numbers from standard input, one per line (end with Ctrl-D)");
    }
    // Progress only for a stream from a file or pipe, and only while the output
    // does not go to the same screen.
    let mut progress = Progress::new(!interactive && !stdout_terminal);
    let mut reader = LineReader::new(stdin.lock());
    let mut stdin_done = false;
    for source in &sources {
        match source {
            Source::Arg(n) => {
                let report = lookup(n, &options);
                failed += u64::from(!report.ok);
                sink.write(&report)?;
            }
            Source::Stdin if stdin_done => {}
            Source::Stdin => {
                stdin_done = true;
                failed += stream(
                    &mut reader,
                    &options,
                    sink.as_mut(),
                    &mut progress,
                    interactive,
                )?;
            }
        }
    }
    progress.finish();
    sink.finish()?;
    Ok(failed)
}

/// Looks up every line of `reader`; returns how many did not parse.
fn stream<R: io::BufRead>(
    reader: &mut LineReader<R>,
    options: &Options,
    sink: &mut dyn Sink,
    progress: &mut Progress,
    interactive: bool,
) -> io::Result<u64> {
    let mut failed = 0;
    while let Some(line) = reader.next_line().map_err(read_error)? {
        let report = match line {
            Line::Text(text) => lookup(text, options),
            Line::TooLong { start, bytes } => bad_line::too_long(start, bytes, options),
            Line::InvalidUtf8 { shown, offset } => bad_line::invalid_utf8(shown, offset, options),
        };
        failed += u64::from(!report.ok);
        sink.write(&report)?;
        if interactive {
            sink.flush()?;
        }
        progress.tick();
    }
    Ok(failed)
}
