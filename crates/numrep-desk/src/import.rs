//! Complaints exported from a ticket system: CSV with a header, or JSON lines,
//! each with the fields of `POST /api/v1/complaints` plus `received_at` (epoch ms
//! or RFC 3339). Bad rows are reported with their line and skipped, never dropped
//! silently; lines are read with a length cap, so memory stays bounded.

use std::io::{self, BufRead};

use serde::Deserialize;

use crate::input::ComplaintInput;
use crate::time::{parse_timestamp, Millis};

/// Longest line accepted, in bytes.
pub const MAX_LINE: usize = 64 * 1024;

/// The columns a CSV file may have.
pub const CSV_COLUMNS: [&str; 8] = [
    "number",
    "category",
    "received_at",
    "region",
    "claimed_company",
    "customer_ref",
    "note",
    "call_time",
];

/// How the file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    /// CSV with a header row naming [`CSV_COLUMNS`].
    Csv,
    /// One JSON object per line.
    JsonLines,
}

impl ImportFormat {
    /// The format a file name implies (`.csv`, `.jsonl`, `.ndjson`, `.json`).
    pub fn from_file_name(name: &str) -> Option<ImportFormat> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            Some(ImportFormat::Csv)
        } else if [".jsonl", ".ndjson", ".json"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            Some(ImportFormat::JsonLines)
        } else {
            None
        }
    }
}

/// One complaint read from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// 1-based line of the file.
    pub line: u64,
    /// The complaint.
    pub input: ComplaintInput,
    /// When it was made.
    pub received_at: Millis,
}

/// A row that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct RowError {
    /// 1-based line.
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

/// A JSON line: the complaint plus its time.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonLine {
    number: String,
    category: String,
    received_at: TimeValue,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    claimed_company: Option<String>,
    #[serde(default)]
    customer_ref: Option<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    call_time: Option<TimeValue>,
}

/// A time written as epoch ms or as text.
#[derive(Deserialize)]
#[serde(untagged)]
enum TimeValue {
    Millis(i64),
    Text(String),
}

impl TimeValue {
    fn millis(&self) -> Result<Millis, String> {
        match self {
            TimeValue::Millis(ms) if *ms >= 0 => Ok(*ms),
            TimeValue::Millis(ms) => Err(format!("{ms} lies before 1970")),
            TimeValue::Text(text) => parse_timestamp(text),
        }
    }
}

/// Reads rows from `reader` one at a time.
pub fn rows<R: BufRead + 'static>(
    reader: R,
    format: ImportFormat,
) -> Box<dyn Iterator<Item = Result<ImportRow, RowError>>> {
    match format {
        ImportFormat::JsonLines => Box::new(JsonRows {
            reader,
            line: 0,
            buf: Vec::new(),
        }),
        ImportFormat::Csv => Box::new(CsvRows::new(reader)),
    }
}

struct JsonRows<R> {
    reader: R,
    line: u64,
    buf: Vec<u8>,
}

impl<R: BufRead> Iterator for JsonRows<R> {
    type Item = Result<ImportRow, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.line += 1;
            let line = self.line;
            let err = |message: String| Some(Err(RowError { line, message }));
            match read_capped_line(&mut self.reader, &mut self.buf) {
                Ok(None) => return None,
                Err(e) => return err(format!("cannot read: {e}")),
                Ok(Some(false)) => return err(format!("longer than {MAX_LINE} bytes")),
                Ok(Some(true)) => {}
            }
            let text = String::from_utf8_lossy(&self.buf);
            let text = text.trim_start_matches('\u{feff}').trim();
            if text.is_empty() {
                continue;
            }
            let row = serde_json::from_str::<JsonLine>(text)
                .map_err(|e| e.to_string())
                .and_then(|j| json_row(j, line));
            return Some(row.map_err(|message| RowError { line, message }));
        }
    }
}

fn json_row(j: JsonLine, line: u64) -> Result<ImportRow, String> {
    Ok(ImportRow {
        line,
        received_at: j
            .received_at
            .millis()
            .map_err(|e| format!("received_at: {e}"))?,
        input: ComplaintInput {
            number: j.number,
            region: j.region,
            category: j.category,
            claimed_company: j.claimed_company,
            customer_ref: j.customer_ref,
            note: j.note,
            call_time: j
                .call_time
                .map(|t| t.millis())
                .transpose()
                .map_err(|e| format!("call_time: {e}"))?,
        },
    })
}

/// Reads one line into `buf` (without its end); `Ok(None)` at the end of input,
/// `Ok(Some(false))` when the line was longer than [`MAX_LINE`] (the rest skipped).
fn read_capped_line<R: BufRead>(reader: &mut R, buf: &mut Vec<u8>) -> io::Result<Option<bool>> {
    buf.clear();
    let mut any = false;
    let mut fits = true;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(any.then_some(fits));
        }
        any = true;
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if fits && buf.len() + take <= MAX_LINE {
            buf.extend_from_slice(&chunk[..take]);
        } else {
            fits = false;
            buf.clear();
        }
        reader.consume(take + usize::from(done));
        if done {
            return Ok(Some(fits));
        }
    }
}

struct CsvRows<R: io::Read> {
    records: csv::StringRecordsIntoIter<R>,
    columns: Result<Vec<usize>, RowError>,
    failed: bool,
}

impl<R: io::Read> CsvRows<R> {
    fn new(reader: R) -> CsvRows<R> {
        let mut csv = csv::ReaderBuilder::new()
            .flexible(false)
            .comment(Some(b'#'))
            .from_reader(reader);
        let columns = csv
            .headers()
            .map_err(|e| RowError {
                line: 1,
                message: e.to_string(),
            })
            .and_then(column_positions);
        CsvRows {
            records: csv.into_records(),
            columns,
            failed: false,
        }
    }
}

/// For each of [`CSV_COLUMNS`], its position in the header (`usize::MAX`: absent).
fn column_positions(header: &csv::StringRecord) -> Result<Vec<usize>, RowError> {
    let bad = |message: String| RowError { line: 1, message };
    let mut positions = vec![usize::MAX; CSV_COLUMNS.len()];
    for (i, name) in header.iter().enumerate() {
        let name = name.trim().trim_start_matches('\u{feff}');
        let Some(known) = CSV_COLUMNS.iter().position(|c| *c == name) else {
            return Err(bad(format!(
                "unknown column {name:?}; the columns are {}",
                CSV_COLUMNS.join(", ")
            )));
        };
        positions[known] = i;
    }
    for required in 0..3 {
        if positions[required] == usize::MAX {
            return Err(bad(format!(
                "the column {:?} is missing",
                CSV_COLUMNS[required]
            )));
        }
    }
    Ok(positions)
}

impl<R: io::Read> Iterator for CsvRows<R> {
    type Item = Result<ImportRow, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let columns = match &self.columns {
            Ok(c) => c,
            Err(e) => {
                self.failed = true;
                return Some(Err(e.clone()));
            }
        };
        let record = self.records.next()?;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                // An I/O error ends the file; a bad row does not.
                self.failed = matches!(e.kind(), csv::ErrorKind::Io(_));
                return Some(Err(RowError {
                    line,
                    message: e.to_string(),
                }));
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let cell = |i: usize| {
            record
                .get(columns[i])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let time = |i: usize| cell(i).map(|t| parse_timestamp(&t)).transpose();
        let row = (|| {
            Ok(ImportRow {
                line,
                received_at: time(2)
                    .map_err(|e| format!("received_at: {e}"))?
                    .ok_or("received_at is empty")?,
                input: ComplaintInput {
                    number: cell(0).unwrap_or_default(),
                    category: cell(1).unwrap_or_default(),
                    region: cell(3),
                    claimed_company: cell(4),
                    customer_ref: cell(5),
                    note: cell(6),
                    call_time: time(7).map_err(|e| format!("call_time: {e}"))?,
                },
            })
        })();
        Some(row.map_err(|message: String| RowError { line, message }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(text: &str, format: ImportFormat) -> Vec<Result<ImportRow, RowError>> {
        rows(io::Cursor::new(text.as_bytes().to_vec()), format).collect()
    }

    #[test]
    fn json_lines_with_both_time_forms_and_bad_rows() {
        let text = "\u{feff}{\"number\":\"030 1234567\",\"category\":\"fraud\",\"received_at\":1764152100000}\n\
                    \n\
                    {\"number\":\"+49 40 55550123\",\"category\":\"adult\",\"received_at\":\"2025-11-26T10:15:00Z\",\"customer_ref\":\"K-1\",\"call_time\":\"2025-11-26T09:00:00Z\"}\r\n\
                    {\"number\":\"1\",\"category\":\"adult\"}\n\
                    {\"number\":\"1\",\"category\":\"adult\",\"received_at\":5,\"extra\":1}\n\
                    not json\n";
        let rows = read(text, ImportFormat::JsonLines);
        assert_eq!(rows.len(), 5);
        let first = rows[0].as_ref().unwrap();
        assert_eq!((first.line, first.received_at), (1, 1_764_152_100_000));
        let second = rows[1].as_ref().unwrap();
        assert_eq!(second.line, 3);
        assert_eq!(second.received_at, 1_764_152_100_000);
        assert_eq!(second.input.customer_ref.as_deref(), Some("K-1"));
        assert_eq!(second.input.call_time, Some(1_764_147_600_000));
        assert!(rows[2]
            .as_ref()
            .unwrap_err()
            .message
            .contains("received_at"));
        assert!(rows[3]
            .as_ref()
            .unwrap_err()
            .message
            .contains("unknown field"));
        assert_eq!(rows[4].as_ref().unwrap_err().line, 6);
    }

    #[test]
    fn overlong_json_line_is_one_error_and_reading_goes_on() {
        let long = "x".repeat(MAX_LINE + 10);
        let text = format!(
            "{long}\n{{\"number\":\"030 1234567\",\"category\":\"fraud\",\"received_at\":1}}\n"
        );
        let rows = read(&text, ImportFormat::JsonLines);
        assert_eq!(rows.len(), 2);
        assert!(rows[0]
            .as_ref()
            .unwrap_err()
            .message
            .contains("longer than"));
        assert_eq!(rows[1].as_ref().unwrap().line, 2);
    }

    #[test]
    fn csv_with_header_any_column_order_and_bad_rows() {
        let text = "# export of 2025-11-26\n\
                    category,number,received_at,customer_ref,note\n\
                    fraud,030 1234567,2025-11-26T10:15:00Z,K-1,\"said \"\"bank\"\"\"\n\
                    adult,040 5555 0123,,K-2,\n\
                    adult,040 5555 0123,yesterday,K-2,\n";
        let rows = read(text, ImportFormat::Csv);
        assert_eq!(rows.len(), 3);
        let first = rows[0].as_ref().unwrap();
        assert_eq!(first.input.number, "030 1234567");
        assert_eq!(first.input.note.as_deref(), Some("said \"bank\""));
        assert_eq!(first.received_at, 1_764_152_100_000);
        assert!(rows[1].as_ref().unwrap_err().message.contains("empty"));
        assert!(rows[2]
            .as_ref()
            .unwrap_err()
            .message
            .contains("received_at"));
    }

    #[test]
    fn csv_header_mistakes_stop_the_file() {
        let rows = read("number,category,when\n1,fraud,2\n", ImportFormat::Csv);
        assert_eq!(rows.len(), 1);
        assert!(rows[0]
            .as_ref()
            .unwrap_err()
            .message
            .contains("unknown column \"when\""));
        let rows = read("number,received_at\n1,2\n", ImportFormat::Csv);
        assert!(rows[0]
            .as_ref()
            .unwrap_err()
            .message
            .contains("\"category\" is missing"));
    }

    #[test]
    fn formats_from_names() {
        assert_eq!(
            ImportFormat::from_file_name("a.CSV"),
            Some(ImportFormat::Csv)
        );
        assert_eq!(
            ImportFormat::from_file_name("a.ndjson"),
            Some(ImportFormat::JsonLines)
        );
        assert_eq!(ImportFormat::from_file_name("a.txt"), None);
    }

    proptest! {
        #[test]
        fn any_bytes_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            for format in [ImportFormat::Csv, ImportFormat::JsonLines] {
                let n = rows(io::Cursor::new(bytes.clone()), format).take(1000).count();
                prop_assert!(n <= bytes.len() + 1);
            }
        }
    }
}
