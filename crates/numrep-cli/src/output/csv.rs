//! CSV: a header and one flat row per report, quoted by the `csv` crate.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::io;

use numrep::lists::Decision;
use numrep::{Report, Risk};

use super::Encoder;

/// The columns, in order.
pub const HEADER: [&str; 24] = [
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
    "own_vendor",
    "own_campaign",
    "list_decision",
    "sources",
];

/// The CSV writer's destination: a byte buffer the encoder can empty while the
/// writer keeps owning it (`csv::Writer` hands out only a shared reference).
#[derive(Default)]
struct Produced(RefCell<Vec<u8>>);

impl io::Write for Produced {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.get_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A header and one flat row per report.
pub struct CsvEncoder {
    writer: csv::Writer<Produced>,
    country_code: String,
    reason_codes: String,
    sources: String,
}

impl CsvEncoder {
    /// A fresh encoder.
    pub fn new() -> Self {
        CsvEncoder {
            writer: csv::WriterBuilder::new()
                .buffer_capacity(4096)
                .from_writer(Produced::default()),
            country_code: String::new(),
            reason_codes: String::new(),
            sources: String::new(),
        }
    }

    /// Moves what the CSV writer produced into `out`.
    fn drain(&mut self, out: &mut Vec<u8>) -> io::Result<()> {
        self.writer.flush()?;
        let mut produced = self.writer.get_ref().0.borrow_mut();
        out.extend_from_slice(&produced);
        produced.clear();
        Ok(())
    }
}

impl Default for CsvEncoder {
    fn default() -> Self {
        CsvEncoder::new()
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

impl Encoder for CsvEncoder {
    fn header(&mut self, out: &mut Vec<u8>) -> io::Result<()> {
        self.writer.write_record(HEADER)?;
        self.drain(out)
    }

    fn row(&mut self, r: &Report, out: &mut Vec<u8>) -> io::Result<()> {
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
        self.sources.clear();
        for (i, source) in r.sources.iter().enumerate() {
            if i > 0 {
                self.sources.push(';');
            }
            let verdict = source.verdict.map_or("", |v| v.as_str());
            let _ = write!(
                self.sources,
                "{}:{}:{verdict}",
                source.name,
                source.status.as_str()
            );
        }
        let list_decision = match r.list.as_ref().map(|l| l.decision) {
            Some(Decision::Allowed) => "allowed",
            Some(Decision::Blocked) => "blocked",
            Some(Decision::NotListed) | None => "",
        };
        let own = r.own_number.as_ref();
        let row: [&str; 24] = [
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
            own.map_or("", |o| o.vendor.as_str()),
            own.and_then(|o| o.campaign.as_deref()).unwrap_or(""),
            list_decision,
            &self.sources,
        ];
        self.writer.write_record(row)?;
        self.drain(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(inputs: &[&str]) -> String {
        super::super::render_for_test(&mut CsvEncoder::new(), inputs)
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
