//! NDJSON: exactly `serde_json::to_string(&report)` per line, streamed straight
//! into the writer.

use std::io::{self, Write};

use numrep::Report;

use super::Sink;

/// Writes one JSON object per report, each on its own line.
pub struct JsonSink<W: Write> {
    out: W,
}

impl<W: Write> JsonSink<W> {
    /// Wraps a (buffered) writer.
    pub fn new(out: W) -> Self {
        JsonSink { out }
    }
}

impl<W: Write> Sink for JsonSink<W> {
    fn write(&mut self, report: &Report) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, report).map_err(io::Error::from)?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
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

    #[test]
    fn one_line_per_report_equal_to_to_string() {
        let reports = [
            lookup("+49 900 5123456", &Options::default()),
            lookup("nonsense", &Options::default()),
        ];
        let mut out = Vec::new();
        let mut sink = JsonSink::new(&mut out);
        for r in &reports {
            sink.write(r).expect("write to Vec");
        }
        sink.finish().expect("flush Vec");
        let text = String::from_utf8(out).expect("JSON is UTF-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        for (line, r) in lines.iter().zip(&reports) {
            assert_eq!(*line, serde_json::to_string(r).expect("serializes"));
        }
    }
}
