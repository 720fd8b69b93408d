//! Reads entries from CSV text with a header row.

use csv::{ReaderBuilder, StringRecord, Trim};

use super::super::error::ListError;
use super::collector::{Collector, RowPosition};
use super::entry::{ListEntry, RowFields};

/// Reads every record of `text` into `collector`.
pub(crate) fn read<E: ListEntry>(
    text: &str,
    collector: &mut Collector<E>,
) -> Result<(), ListError> {
    let mut reader = ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .comment(Some(b'#'))
        .trim(Trim::All)
        .delimiter(sniff_delimiter(text))
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|error| csv_error(collector.file(), &error))?;
    let columns = Columns::from_header::<E>(header, collector.file())?;
    let mut record = StringRecord::new();
    let mut lines = LineCounter::new(text);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                if is_blank(&record) {
                    continue;
                }
                collector.count_row()?;
                let line = record
                    .position()
                    .map(|position| lines.line_of_record_at(position.byte()));
                let position = RowPosition { line, index: None };
                let result = parse_record::<E>(&record, &columns, line, collector);
                collector.take(position, result);
            }
            Err(error) => {
                collector.count_row()?;
                let line = error
                    .position()
                    .map(|position| lines.line_of_record_at(position.byte()));
                let message = csv_error(collector.file(), &error).to_string();
                collector.reject(
                    RowPosition { line, index: None },
                    ListError::Csv {
                        file: collector.file().to_string(),
                        line: line.map(u64::from),
                        message,
                    },
                );
            }
        }
    }
}

fn parse_record<E: ListEntry>(
    record: &StringRecord,
    columns: &Columns,
    line: Option<u32>,
    collector: &Collector<E>,
) -> Result<E, ListError> {
    let len = record.as_slice().len();
    if len > collector.options.max_line_bytes {
        return Err(ListError::LineTooLong {
            len,
            max: collector.options.max_line_bytes,
        });
    }
    let row = CsvRow {
        record,
        columns,
        max_field_bytes: collector.options.max_field_bytes,
    };
    E::from_row(&row, line, &collector.options.pattern)
}

/// Turns record byte offsets into 1-based line numbers, counting incrementally.
///
/// The CSV reader reports a record's start *before* the blank and comment lines it
/// skipped, so the counter first moves past those to the record's first real line.
struct LineCounter<'a> {
    bytes: &'a [u8],
    at: usize,
    line: u32,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    fn line_of_record_at(&mut self, byte: u64) -> u32 {
        let byte = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        if byte >= self.at {
            self.advance_to(byte);
        }
        self.skip_blank_and_comment_lines();
        self.line
    }

    fn advance_to(&mut self, byte: usize) {
        let newlines = self.bytes[self.at..byte]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.line = self
            .line
            .saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
        self.at = byte;
    }

    fn skip_blank_and_comment_lines(&mut self) {
        loop {
            let rest = &self.bytes[self.at..];
            let line_end = rest.iter().position(|&b| b == b'\n');
            let line = &rest[..line_end.unwrap_or(rest.len())];
            let blank = line.iter().all(|b| b.is_ascii_whitespace());
            let at_line_start = self.at == 0 || self.bytes.get(self.at - 1) == Some(&b'\n');
            let comment = at_line_start && line.first() == Some(&b'#');
            match line_end {
                Some(end) if blank || comment => self.advance_to(self.at + end + 1),
                _ => return,
            }
        }
    }
}

fn csv_error(file: &str, error: &csv::Error) -> ListError {
    ListError::Csv {
        file: file.to_string(),
        line: error.position().map(csv::Position::line),
        message: error.to_string(),
    }
}

/// A record whose fields are all blank (e.g. `,,,`) is a blank line.
fn is_blank(record: &StringRecord) -> bool {
    record.iter().all(str::is_empty)
}

/// Picks `,`, `;` or tab, whichever occurs most in the header line.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('#'))
        .unwrap_or("");
    let count = |delimiter: char| header.matches(delimiter).count();
    [b';', b'\t']
        .into_iter()
        .filter(|&delimiter| count(char::from(delimiter)) > count(','))
        .max_by_key(|&delimiter| count(char::from(delimiter)))
        .unwrap_or(b',')
}

/// Which column holds which known field.
struct Columns {
    positions: Vec<(&'static str, usize)>,
}

impl Columns {
    fn from_header<E: ListEntry>(header: &StringRecord, file: &str) -> Result<Self, ListError> {
        let mut positions: Vec<(&'static str, usize)> = Vec::new();
        for (column, name) in header.iter().enumerate() {
            let name = name.trim().to_ascii_lowercase();
            let Some(&field) = E::FIELDS.iter().find(|&&field| field == name) else {
                continue;
            };
            if positions.iter().any(|&(known, _)| known == field) {
                return Err(ListError::DuplicateColumn {
                    file: file.to_string(),
                    column: name,
                });
            }
            positions.push((field, column));
        }
        if let Some(&column) = E::REQUIRED
            .iter()
            .find(|&&required| positions.iter().all(|&(field, _)| field != required))
        {
            return Err(ListError::MissingColumn {
                file: file.to_string(),
                column,
            });
        }
        Ok(Self { positions })
    }

    fn column_of(&self, field: &str) -> Option<usize> {
        self.positions
            .iter()
            .find(|&&(known, _)| known == field)
            .map(|&(_, column)| column)
    }
}

struct CsvRow<'a> {
    record: &'a StringRecord,
    columns: &'a Columns,
    max_field_bytes: usize,
}

impl RowFields for CsvRow<'_> {
    fn raw(&self, field: &'static str) -> Result<Option<&str>, ListError> {
        Ok(self
            .columns
            .column_of(field)
            .and_then(|column| self.record.get(column)))
    }

    fn max_field_bytes(&self) -> usize {
        self.max_field_bytes
    }
}
