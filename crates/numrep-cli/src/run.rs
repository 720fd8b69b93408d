//! Runs a parsed command line: decides where inputs come from and how output is
//! laid out, runs the lookups, and turns the outcome into the exit status.

use std::env;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use numrep::{Options, Report};

use crate::answer::Answerer;

use crate::args::{Cli, ColorChoice, Command, LookupArgs};
use crate::bad_line;
use crate::batch;
use crate::input::{Line, LineReader};
use crate::output::text::Widths;
use crate::output::{self, Color, Encoder, Layout};
use crate::progress::Progress;

/// Exit status when some input did not parse, or input/output failed.
const SOME_FAILED: u8 = 1;

/// Exit status for usage errors (bad config, unreadable list file).
const USAGE: u8 = 2;

/// Bytes collected before they are handed to stdout.
const FLUSH_AT: usize = 64 * 1024;

/// The error kind that marks a failure to read stdin (write errors keep theirs).
const READ_FAILED: io::ErrorKind = io::ErrorKind::Other;

/// Marks an error as a failure to read stdin.
pub(crate) fn read_error(e: io::Error) -> io::Error {
    io::Error::new(READ_FAILED, e)
}

/// Runs the command and returns the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Lookup(args) => match lookup_command(&args) {
            Err(e) if e.kind() == io::ErrorKind::InvalidInput => {
                eprintln!("numrep: {e}");
                ExitCode::from(USAGE)
            }
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
        Command::Serve(args) => crate::desk::serve(&args),
        Command::Complaints(args) => crate::desk::complaints(&args),
    }
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
    let setup = crate::config::load(args, options).map_err(usage)?;
    let answerer = Answerer::new(setup.checker, args.date, setup.online).map_err(usage)?;
    let answerer = &answerer;
    let stdout = io::stdout();
    let color = color(args.color, stdout.is_terminal());

    if args.reads_stdin() {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            return interactive(answerer, &options, args, color);
        }
        // A progress indicator only while the output does not go to the same screen.
        let mut progress = Progress::new(!stdout.is_terminal());
        let mut reader = LineReader::new(stdin.lock());
        let mut out = stdout.lock();
        return batch::run(
            &mut reader,
            answerer,
            args.format,
            color,
            args.jobs.map_or_else(batch::default_workers, usize::from),
            &mut out,
            &mut progress,
        );
    }

    let sources: Vec<Source<'_>> = args
        .numbers
        .iter()
        .map(|n| {
            if n == "-" {
                Source::Stdin
            } else {
                Source::Arg(n)
            }
        })
        .collect();
    let mut out = BufWriter::new(stdout.lock());
    if sources.iter().any(|s| matches!(s, Source::Stdin)) {
        // Numbers mixed with `-`: in order, stdin read in place of the (first) `-`.
        let layout = Layout::Table(Widths::default());
        let mut writer = RowWriter::new(output::encoder(args.format, color, layout), false);
        let mut reader = LineReader::new(io::stdin().lock());
        let mut stdin_done = false;
        for source in &sources {
            match source {
                Source::Arg(n) => writer.write(&answerer.answer(n), &mut out)?,
                Source::Stdin if stdin_done => {}
                Source::Stdin => {
                    stdin_done = true;
                    while let Some(line) = reader.next_line().map_err(read_error)? {
                        writer.write(&report_for(line, answerer, &options), &mut out)?;
                    }
                }
            }
        }
        return writer.finish(&mut out);
    }

    // Arguments only: few, so look them up first and fit the table to them.
    let reports: Vec<Report> = args.numbers.iter().map(|n| answerer.answer(n)).collect();
    let layout = if reports.len() == 1 {
        Layout::Block
    } else {
        Layout::Table(Widths::fit(&reports))
    };
    let mut writer = RowWriter::new(output::encoder(args.format, color, layout), false);
    for report in &reports {
        writer.write(report, &mut out)?;
    }
    writer.finish(&mut out)
}

/// Numbers typed on a terminal: one table row per line, shown at once.
fn interactive(
    answerer: &Answerer,
    options: &Options,
    args: &LookupArgs,
    color: Color,
) -> io::Result<u64> {
    eprintln!("numrep: reading numbers from standard input, one per line (end with Ctrl-D)");
    let layout = Layout::Table(Widths::default());
    let mut writer = RowWriter::new(output::encoder(args.format, color, layout), true);
    let mut out = io::stdout().lock();
    let mut reader = LineReader::new(io::stdin().lock());
    while let Some(line) = reader.next_line().map_err(read_error)? {
        writer.write(&report_for(line, answerer, options), &mut out)?;
    }
    writer.finish(&mut out)
}

/// The report for one line of input.
fn report_for(line: Line<'_>, answerer: &Answerer, options: &Options) -> Report {
    match line {
        Line::Text(text) => answerer.answer(text),
        Line::TooLong { start, bytes } => bad_line::too_long(start, bytes, options),
        Line::InvalidUtf8 { shown, offset } => bad_line::invalid_utf8(shown, offset, options),
    }
}

/// A usage error: reported with exit status 2.
fn usage(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

/// Whether to colour: `--color`, else a terminal on stdout and no `NO_COLOR`.
fn color(choice: ColorChoice, stdout_terminal: bool) -> Color {
    match choice {
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
    }
}

/// Writes rows one after another on the calling thread (arguments, typed input).
struct RowWriter {
    encoder: Box<dyn Encoder>,
    buf: Vec<u8>,
    header_done: bool,
    flush_each: bool,
    failed: u64,
}

impl RowWriter {
    fn new(encoder: Box<dyn Encoder>, flush_each: bool) -> Self {
        RowWriter {
            encoder,
            buf: Vec::with_capacity(FLUSH_AT),
            header_done: false,
            flush_each,
            failed: 0,
        }
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header_done {
            self.header_done = true;
            self.encoder.header(&mut self.buf)?;
        }
        Ok(())
    }

    fn write(&mut self, report: &Report, out: &mut impl Write) -> io::Result<()> {
        self.header()?;
        self.failed += u64::from(!report.ok);
        self.encoder.row(report, &mut self.buf)?;
        if self.flush_each || self.buf.len() >= FLUSH_AT {
            out.write_all(&self.buf)?;
            self.buf.clear();
            if self.flush_each {
                out.flush()?;
            }
        }
        Ok(())
    }

    /// Writes the rest and returns how many inputs did not parse.
    fn finish(mut self, out: &mut impl Write) -> io::Result<u64> {
        self.header()?;
        out.write_all(&self.buf)?;
        out.flush()?;
        Ok(self.failed)
    }
}
