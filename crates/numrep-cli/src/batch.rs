//! The stdin batch, in parallel and in order.
//!
//! The main thread reads lines into batches of [`BATCH_LINES`], worker threads look
//! them up and encode them into byte buffers, and the main thread writes the buffers
//! in input order. Batches go to the workers round-robin and each worker answers in
//! the order it was asked, so no reordering is needed. At most [`DEPTH`] batches per
//! worker are in flight and their buffers are reused, so memory stays constant
//! however long the input is.

use std::collections::VecDeque;
use std::io::{self, BufRead, Write};
use std::ops::Range;
use std::sync::mpsc;
use std::thread;

use numrep::{Lang, Options, Report};

use crate::answer::Answerer;

use crate::args::Format;
use crate::bad_line;
use crate::error::{read_error, write_error, CliError};
use crate::input::{Line, LineReader};
use crate::output::text::Widths;
use crate::output::{self, Color, Encoder, Layout};
use crate::progress::Progress;

/// Lines per batch: big enough to make hand-over costs vanish, small enough that
/// the first rows appear at once and buffers stay around a megabyte.
const BATCH_LINES: usize = 1024;

/// Batches in flight per worker.
const DEPTH: usize = 2;

/// Upper bound on worker threads.
const MAX_WORKERS: usize = 8;

/// One input line of a batch.
enum Entry {
    /// A line of text: its range in [`Job::text`].
    Text(Range<usize>),
    /// A line the core never sees (over-long, not UTF-8), already answered.
    Done(Box<Report>),
}

/// A batch of lines and, once a worker is done, its encoded output.
#[derive(Default)]
struct Job {
    text: String,
    entries: Vec<Entry>,
    out: Vec<u8>,
    failed: u64,
    error: Option<io::Error>,
}

impl Job {
    /// Refills the job with up to [`BATCH_LINES`] lines; returns how many were read
    /// (fewer than [`BATCH_LINES`] means the input has ended).
    fn fill<R: BufRead>(
        &mut self,
        reader: &mut LineReader<R>,
        options: &Options,
    ) -> Result<usize, CliError> {
        self.text.clear();
        self.entries.clear();
        self.out.clear();
        self.failed = 0;
        self.error = None;
        while self.entries.len() < BATCH_LINES {
            let Some(line) = reader.next_line().map_err(read_error)? else {
                break;
            };
            let entry = match line {
                Line::Text(text) => {
                    let start = self.text.len();
                    self.text.push_str(text);
                    Entry::Text(start..self.text.len())
                }
                Line::TooLong { start, bytes } => {
                    Entry::Done(Box::new(bad_line::too_long(start, bytes, options)))
                }
                Line::InvalidUtf8 { shown, offset } => {
                    Entry::Done(Box::new(bad_line::invalid_utf8(shown, offset, options)))
                }
            };
            self.entries.push(entry);
        }
        Ok(self.entries.len())
    }

    /// Looks up and encodes every line (on a worker thread).
    fn work(&mut self, encoder: &mut dyn Encoder, answerer: &Answerer) {
        for entry in &self.entries {
            let looked_up;
            let report = match entry {
                Entry::Text(range) => {
                    looked_up = answerer.answer(&self.text[range.clone()]);
                    &looked_up
                }
                Entry::Done(report) => report,
            };
            self.failed += u64::from(!report.is_ok());
            if let Err(e) = encoder.row(report, &mut self.out) {
                self.error = Some(e);
                return;
            }
        }
    }
}

/// How many worker threads to use: one per available core, at least one.
pub fn default_workers() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get().min(MAX_WORKERS))
}

/// How a stdin batch is written.
pub struct Batch {
    /// Output format.
    pub format: Format,
    /// Colour for text.
    pub color: Color,
    /// Language of headers.
    pub lang: Lang,
    /// Whether the text table has a vendor column (an own-number register is loaded).
    pub vendor_column: bool,
    /// Worker threads.
    pub workers: usize,
}

impl Batch {
    /// Reads every line, writes one row per line to `out` in order, and returns how
    /// many lines did not parse. In text format a single line is shown as a block,
    /// more lines as a table with fixed column widths.
    pub fn run<R: BufRead>(
        &self,
        reader: &mut LineReader<R>,
        answerer: &Answerer,
        out: &mut impl Write,
        progress: &mut Progress,
    ) -> Result<u64, CliError> {
        let workers = self.workers.max(1);
        let options = answerer.options();
        let mut first = Job::default();
        let first_lines = first.fill(reader, options)?;
        let mut ended = first_lines < BATCH_LINES;
        let layout = if ended && first_lines == 1 {
            Layout::Block
        } else {
            Layout::Table(Widths::streamed(self.vendor_column))
        };
        let encoder = || output::encoder(self.format, self.color, layout, self.lang);
        let mut head = Vec::new();
        encoder().header(&mut head).map_err(write_error)?;
        out.write_all(&head).map_err(write_error)?;
        if first_lines == 0 {
            out.flush().map_err(write_error)?;
            return Ok(0);
        }

        thread::scope(|scope| {
            // One lane per worker: jobs go in, finished jobs come back, in order.
            let mut lanes = Vec::with_capacity(workers);
            for _ in 0..workers {
                let (job_tx, job_rx) = mpsc::channel::<Job>();
                let (done_tx, done_rx) = mpsc::channel::<Job>();
                let mut encoder = encoder();
                scope.spawn(move || {
                    for mut job in job_rx {
                        job.work(encoder.as_mut(), answerer);
                        if done_tx.send(job).is_err() {
                            break;
                        }
                    }
                });
                lanes.push((job_tx, done_rx));
            }
            let send =
                |lane: usize, job: Job| lanes[lane].0.send(job).map_err(|_| CliError::Worker);

            let mut in_flight: VecDeque<usize> = VecDeque::with_capacity(workers * DEPTH);
            send(0, first)?;
            in_flight.push_back(0);
            while !ended && in_flight.len() < workers * DEPTH {
                let mut job = Job::default();
                let lines = job.fill(reader, options)?;
                ended = lines < BATCH_LINES;
                if lines > 0 {
                    let lane = in_flight.len() % workers;
                    send(lane, job)?;
                    in_flight.push_back(lane);
                }
            }

            let mut failed = 0;
            while let Some(lane) = in_flight.pop_front() {
                let mut job = lanes[lane].1.recv().map_err(|_| CliError::Worker)?;
                if let Some(e) = job.error.take() {
                    return Err(write_error(e));
                }
                out.write_all(&job.out).map_err(write_error)?;
                failed += job.failed;
                progress.advance(job.entries.len() as u64);
                if !ended {
                    let lines = job.fill(reader, options)?;
                    ended = lines < BATCH_LINES;
                    if lines > 0 {
                        send(lane, job)?;
                        in_flight.push_back(lane);
                    }
                }
            }
            out.flush().map_err(write_error)?;
            Ok(failed)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(input: &[u8], format: Format, workers: usize) -> (String, u64) {
        let mut reader = LineReader::new(input);
        let mut out = Vec::new();
        let mut progress = Progress::new(false);
        let answerer = Answerer::new(numrep::Checker::default(), None, None).expect("offline");
        let batch = Batch {
            format,
            color: Color::Off,
            lang: Lang::En,
            vendor_column: false,
            workers,
        };
        let failed = batch
            .run(&mut reader, &answerer, &mut out, &mut progress)
            .expect("in-memory run");
        (String::from_utf8(out).expect("UTF-8"), failed)
    }

    #[test]
    fn order_is_kept_across_batches_and_workers() {
        let lines: Vec<String> = (0..BATCH_LINES * 5 + 7)
            .map(|i| {
                if i % 3 == 0 {
                    format!("bad{i}")
                } else {
                    format!("030 {}", 1_000_000 + i)
                }
            })
            .collect();
        let input = lines.join("\n");
        for workers in [1, 2, 3] {
            let (out, failed) = run_on(input.as_bytes(), Format::Json, workers);
            let inputs: Vec<String> = out
                .lines()
                .map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
                    v["input"].as_str().expect("input").to_string()
                })
                .collect();
            assert_eq!(inputs, lines, "workers = {workers}");
            assert_eq!(failed, lines.len().div_ceil(3) as u64);
        }
    }

    #[test]
    fn one_line_of_text_is_a_block_more_are_a_table() {
        let (out, failed) = run_on(b"110\n", Format::Text, 2);
        assert!(out.starts_with("Number"), "{out}");
        assert_eq!(failed, 0);
        let (out, _) = run_on(b"110\n112\n", Format::Text, 2);
        assert!(out.starts_with("INPUT"), "{out}");
        assert_eq!(out.lines().count(), 3);
    }

    #[test]
    fn empty_input_gives_only_the_header() {
        let (out, failed) = run_on(b"", Format::Csv, 2);
        assert_eq!(out.lines().count(), 1);
        assert!(out.starts_with("input,ok,"));
        assert_eq!(failed, 0);
        let (out, _) = run_on(b"", Format::Json, 2);
        assert!(out.is_empty());
    }
}
