//! NDJSON: exactly `serde_json::to_string(&report)` per line, written by the core's
//! faster `Report::write_json`.

use std::io;

use numrep::Report;

use super::Encoder;

/// One JSON object per report, each on its own line; no header.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonEncoder;

impl Encoder for JsonEncoder {
    fn header(&mut self, _out: &mut Vec<u8>) -> io::Result<()> {
        Ok(())
    }

    fn row(&mut self, report: &Report, out: &mut Vec<u8>) -> io::Result<()> {
        report.write_json(out);
        out.push(b'\n');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use numrep::{lookup, Options};

    #[test]
    fn one_line_per_report_equal_to_to_string() {
        let reports = [
            lookup("+49 900 5123456", &Options::default()),
            lookup("nonsense", &Options::default()),
        ];
        let mut out = Vec::new();
        let mut enc = JsonEncoder;
        enc.header(&mut out).expect("no header");
        for r in &reports {
            enc.row(r, &mut out).expect("write to Vec");
        }
        let text = String::from_utf8(out).expect("JSON is UTF-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        for (line, r) in lines.iter().zip(&reports) {
            assert_eq!(*line, serde_json::to_string(r).expect("serializes"));
        }
    }
}
