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
use crate::error::{read_error, write_error, CliError, SOME_FAILED};
use crate::input::{Line, LineReader};
use crate::output::text::Widths;
use crate::output::{self, Color, Encoder, Layout};
use crate::progress::Progress;

/// Bytes collected before they are handed to stdout.
const FLUSH_AT: usize = 64 * 1024;

/// Runs the command and returns the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    let outcome = match cli.command {
        Command::Lookup(args) => lookup_command(&args),
        Command::Serve(args) => return crate::desk::serve(&args),
        Command::Complaints(args) => return crate::desk::complaints(&args),
    };
    match outcome {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(SOME_FAILED),
        Err(e) => {
            if !e.is_silent() {
                eprintln!("numrep: {e}");
            }
            e.exit_code()
        }
    }
}

/// Where the inputs come from, in order.
enum Source<'a> {
    Arg(&'a str),
    Stdin,
}

/// Looks up every input and writes it; returns how many did not parse.
fn lookup_command(args: &LookupArgs) -> Result<u64, CliError> {
    let mut setup =
        crate::config::load(args, |name| env::var(name).ok()).map_err(CliError::Usage)?;
    let lang = setup.lang;
    let options = Options::new().region(args.region).lang(lang);
    let vendor_column = setup.lists.has_register();
    let online = setup.online.take();
    let answerer =
        Answerer::new(setup.lists.checker(options), args.date, online).map_err(CliError::Usage)?;
    let answerer = &answerer;
    let stdout = io::stdout();
    let color = color(args.color, stdout.is_terminal());
    let encoder = |layout| output::encoder(args.format, color, layout, lang);

    if args.reads_stdin() {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            eprintln!(
                "numrep: reading numbers from standard input, one per line (end with Ctrl-D)"
            );
            let layout = Layout::Table(Widths::streamed(vendor_column));
            let mut writer = RowWriter::new(encoder(layout), true);
            let mut out = stdout.lock();
            let mut reader = LineReader::new(stdin.lock());
            while let Some(line) = reader.next_line().map_err(read_error)? {
                writer.write(&report_for(line, answerer, &options), &mut out)?;
            }
            return writer.finish(&mut out);
        }
        // A progress indicator only while the output does not go to the same screen.
        let mut progress = Progress::new(!stdout.is_terminal());
        let mut reader = LineReader::new(stdin.lock());
        let mut out = stdout.lock();
        let batch = batch::Batch {
            format: args.format,
            color,
            lang,
            vendor_column,
            workers: args.jobs.map_or_else(batch::default_workers, usize::from),
        };
        return batch.run(&mut reader, answerer, &mut out, &mut progress);
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
        let mut writer = RowWriter::new(
            encoder(Layout::Table(Widths::streamed(vendor_column))),
            false,
        );
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
        Layout::Table(Widths::fit(&reports, vendor_column))
    };
    let mut writer = RowWriter::new(encoder(layout), false);
    for report in &reports {
        writer.write(report, &mut out)?;
    }
    writer.finish(&mut out)
}

/// The report for one line of input.
pub(crate) fn report_for(line: Line<'_>, answerer: &Answerer, options: &Options) -> Report {
    match line {
        Line::Text(text) => answerer.answer(text),
        Line::TooLong { start, bytes } => bad_line::too_long(start, bytes, options),
        Line::InvalidUtf8 { shown, offset } => bad_line::invalid_utf8(shown, offset, options),
    }
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

    fn header(&mut self) -> Result<(), CliError> {
        if !self.header_done {
            self.header_done = true;
            self.encoder.header(&mut self.buf).map_err(write_error)?;
        }
        Ok(())
    }

    fn write(&mut self, report: &Report, out: &mut impl Write) -> Result<(), CliError> {
        self.header()?;
        self.failed += u64::from(!report.is_ok());
        self.encoder
            .row(report, &mut self.buf)
            .map_err(write_error)?;
        if self.flush_each || self.buf.len() >= FLUSH_AT {
            out.write_all(&self.buf).map_err(write_error)?;
            self.buf.clear();
            if self.flush_each {
                out.flush().map_err(write_error)?;
            }
        }
        Ok(())
    }

    /// Writes the rest and returns how many inputs did not parse.
    fn finish(mut self, out: &mut impl Write) -> Result<u64, CliError> {
        self.header()?;
        out.write_all(&self.buf).map_err(write_error)?;
        out.flush().map_err(write_error)?;
        Ok(self.failed)
    }
}
