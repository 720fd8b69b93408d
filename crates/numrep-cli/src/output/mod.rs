//! Writing reports: one module per format, all behind [`Sink`].
//!
//! Every sink is driven by [`numrep::Report`] alone, so fields the core adds flow
//! into the JSON output without a change here.

mod csv;
mod json;
pub mod text;

use std::io::{self, Write};

use numrep::Report;

pub use self::csv::CsvSink;
pub use self::json::JsonSink;
pub use self::text::{Layout, TextSink};

/// A destination for reports in one format.
pub trait Sink {
    /// Writes one report.
    fn write(&mut self, report: &Report) -> io::Result<()>;

    /// Writes what is still pending and flushes the underlying writer.
    fn finish(&mut self) -> io::Result<()>;

    /// Pushes everything written so far to the underlying writer (for interactive use).
    fn flush(&mut self) -> io::Result<()>;
}

/// Whether text output uses ANSI colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// Plain text.
    Off,
    /// ANSI colour for the risk level.
    On,
}

/// Picks the sink for a format.
pub fn sink<'w, W: Write + 'w>(
    format: crate::args::Format,
    out: W,
    color: Color,
    layout: Layout,
) -> Box<dyn Sink + 'w> {
    use crate::args::Format;
    match format {
        Format::Json => Box::new(JsonSink::new(out)),
        Format::Csv => Box::new(CsvSink::new(out)),
        Format::Text => Box::new(TextSink::new(out, color, layout)),
    }
}
