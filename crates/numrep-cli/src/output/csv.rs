//! CSV: a header and one flat row per report, quoted by the `csv` crate.

use std::fmt::Write as _;
use std::io::{self, Write};

use numrep::{Report, Risk};

use super::Sink;

/// The columns, in order.
pub const HEADER: [&str; 20] = [
    "input",
    "ok",
    "error_code",
    "error_message",
    "e164",
    "country_code",
    "region",
    "country",
    "national_format",
    "international_format",
    "category",
    "valid",
    "validity",
    "place",
    "operator",
    "tariff_id",
    "caller_id_allowed",
    "risk",
    "reason_codes",
    "advice_code",
];

/// Writes a header and one row per report.
pub struct CsvSink<W: Write> {
    out: csv::Writer<W>,
    header_written: bool,
    country_code: String,
    reason_codes: String,
}

impl<W: Write> CsvSink<W> {
    /// Wraps a writer; the CSV writer buffers on its own.
    pub fn new(out: W) -> Self {
        CsvSink {
            out: csv::WriterBuilder::new()
                .buffer_capacity(64 * 1024)
                .from_writer(out),
            header_written: false,
            country_code: String::new(),
            reason_codes: String::new(),
        }
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.header_written = true;
            self.out.write_record(HEADER)?;
        }
        Ok(())
    }
}

/// The contract name of a risk level.
pub(crate) fn risk_name(risk: Risk) -> &'static str {
    match risk {
        Risk::Low => "low",
        Risk::Medium => "medium",
        Risk::High => "high",
    }
}

fn bool_str(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

impl<W: Write> Sink for CsvSink<W> {
    fn write(&mut self, r: &Report) -> io::Result<()> {
        self.header()?;
        self.country_code.clear();
        if let Some(cc) = r.country_code {
            // Writing into a String cannot fail.
            let _ = write!(self.country_code, "{cc}");
        }
        self.reason_codes.clear();
        for (i, reason) in r.reasons.iter().enumerate() {
            if i > 0 {
                self.reason_codes.push(';');
            }
            self.reason_codes.push_str(reason.code);
        }
        let row: [&str; 20] = [
            &r.input,
            bool_str(r.ok),
            r.error.as_ref().map_or("", |e| e.code),
            r.error.as_ref().map_or("", |e| e.message.as_str()),
            r.e164.as_deref().unwrap_or(""),
            &self.country_code,
            r.region.unwrap_or(""),
            r.country.unwrap_or(""),
            r.national_format.as_deref().unwrap_or(""),
            r.international_format.as_deref().unwrap_or(""),
            r.category.map_or("", |c| c.as_str()),
            bool_str(r.valid),
            r.validity.map_or("", |v| v.as_str()),
            r.place.unwrap_or(""),
            r.operator.unwrap_or(""),
            r.tariff.as_ref().map_or("", |t| t.id),
            bool_str(r.caller_id_allowed),
            r.risk.map_or("", risk_name),
            &self.reason_codes,
            r.advice.as_ref().map_or("", |a| a.code),
        ];
        self.out.write_record(row)?;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.out.flush()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use numrep::{lookup, Options};

    fn render(inputs: &[&str]) -> String {
        let mut out = Vec::new();
        {
            let mut sink = CsvSink::new(&mut out);
            for input in inputs {
                sink.write(&lookup(input, &Options::default()))
                    .expect("write to Vec");
            }
            sink.finish().expect("flush Vec");
        }
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn header_even_without_rows() {
        assert_eq!(render(&[]).trim_end(), HEADER.join(","));
    }

    #[test]
    fn premium_row_and_quoting() {
        let text = render(&["+49 900 5123456", "030,123"]);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][0], "+49 900 5123456");
        assert_eq!(&rows[0][10], "premium_rate");
        assert_eq!(&rows[0][16], "false");
        assert_eq!(&rows[0][17], "high");
        assert_eq!(&rows[1][0], "030,123");
        assert!(text.contains("\"030,123\""));
    }
}
