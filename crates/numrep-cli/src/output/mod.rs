//! Turning reports into bytes: one module per format, all behind [`Encoder`].
//!
//! Encoders are driven by [`numrep::Report`] alone, so fields the core adds flow
//! into the JSON output without a change here. An encoder appends to a byte buffer
//! and keeps no state between rows, so batch workers can each own one and the
//! rows still join up into one valid output.

mod clean;
mod csv;
mod json;
pub mod text;

use std::io;

use numrep::{Lang, Report};

use crate::args::Format;

pub use self::csv::{CsvEncoder, Dialect};
pub use self::json::JsonEncoder;
pub use self::text::{Layout, TextEncoder};

/// Encodes reports in one format.
pub trait Encoder: Send {
    /// What comes before the first row (the CSV header, the text table's header).
    fn header(&mut self, out: &mut Vec<u8>) -> io::Result<()>;

    /// Appends one report.
    fn row(&mut self, report: &Report, out: &mut Vec<u8>) -> io::Result<()>;
}

/// Whether text output uses ANSI colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// Plain text.
    Off,
    /// ANSI colour for the risk level.
    On,
}

/// The encoder for a format (`color` and `layout` matter for text only; `lang` is the
/// language of headers, rows take their report's).
pub fn encoder(format: Format, color: Color, layout: Layout, lang: Lang) -> Box<dyn Encoder> {
    match format {
        Format::Json => Box::new(JsonEncoder),
        Format::Csv => Box::new(CsvEncoder::new(Dialect::Plain, lang)),
        Format::CsvExcel => Box::new(CsvEncoder::new(Dialect::Excel, lang)),
        Format::Text => Box::new(TextEncoder::new(color, layout, lang)),
    }
}

/// Header plus one row per input through `encoder`, as text (for the encoders' tests).
#[cfg(test)]
pub(crate) fn render_for_test(encoder: &mut dyn Encoder, inputs: &[&str], lang: Lang) -> String {
    let mut out = Vec::new();
    encoder.header(&mut out).expect("header");
    for input in inputs {
        let report = numrep::lookup(input, &numrep::Options::new().lang(lang));
        encoder.row(&report, &mut out).expect("write to Vec");
    }
    String::from_utf8(out).expect("UTF-8")
}
