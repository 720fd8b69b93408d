//! Reads entries from CSV text with a header row, one row per line.

use super::super::error::ListError;
use super::collector::{Collector, RowPosition};
use super::csv_line::{Lines, Record};
use super::entry::{ListEntry, RowFields};
use super::names::{shortened, Name};

/// Reads every row of `text` into `collector`.
pub(crate) fn read<E: ListEntry>(
    text: &str,
    collector: &mut Collector<E>,
) -> Result<(), ListError> {
    let mut lines = Lines::new(text).filter(|&(_, line)| !is_skipped(line));
    let (header_line, header) = lines.next().unwrap_or((1, ""));
    let delimiter = sniff_delimiter(header);
    let mut record = Record::default();
    let max_line_bytes = collector.options.max_line_bytes;
    let bad_header = |problem| ListError::BadHeader {
        file: collector.file().to_string(),
        line: header_line,
        problem: Box::new(problem),
    };
    if header.len() > max_line_bytes {
        return Err(bad_header(ListError::LineTooLong {
            len: header.len(),
            max: max_line_bytes,
        }));
    }
    record.split(header, delimiter).map_err(bad_header)?;
    let columns = Columns::from_header::<E>(&record, collector.file(), header_line)?;
    for (line, text) in lines {
        let position = RowPosition {
            line: Some(line),
            index: None,
        };
        if text.len() > max_line_bytes {
            collector.count_row()?;
            let error = ListError::LineTooLong {
                len: text.len(),
                max: max_line_bytes,
            };
            collector.reject(position, error);
            continue;
        }
        if let Err(error) = record.split(text, delimiter) {
            collector.count_row()?;
            collector.reject(position, error);
            continue;
        }
        if record.iter().all(str::is_empty) {
            continue;
        }
        collector.count_row()?;
        let result = columns.check(&record).and_then(|()| {
            let row = CsvRow {
                record: &record,
                columns: &columns,
                max_field_bytes: collector.options.max_field_bytes,
            };
            E::from_row(&row, Some(line), &collector.options.pattern)
        });
        collector.take(position, result);
    }
    Ok(())
}

/// Blank lines and comment lines (`#` first, after any blanks) are not rows.
fn is_skipped(line: &str) -> bool {
    let line = line.trim_start();
    line.is_empty() || line.starts_with('#')
}

/// Picks `,`, `;` or tab, whichever occurs most in the header line.
fn sniff_delimiter(header: &str) -> u8 {
    let count = |delimiter: u8| header.bytes().filter(|&b| b == delimiter).count();
    [b';', b'\t']
        .into_iter()
        .filter(|&delimiter| count(delimiter) > count(b','))
        .max_by_key(|&delimiter| count(delimiter))
        .unwrap_or(b',')
}

/// Which column holds which known field, and which columns may hold values.
struct Columns {
    positions: Vec<(&'static str, usize)>,
    /// Columns the header names (known fields and `x_…` extras).
    width: usize,
    /// Header cells left empty: values below them belong to no field.
    unnamed: Vec<usize>,
}

impl Columns {
    /// Reads the header. An unknown name refuses the whole file: a misspelt column
    /// would otherwise drop that value from every row without a word.
    fn from_header<E: ListEntry>(
        header: &Record,
        file: &str,
        line: u32,
    ) -> Result<Self, ListError> {
        let mut positions: Vec<(&'static str, usize)> = Vec::new();
        let mut unnamed = Vec::new();
        for (column, name) in header.iter().enumerate() {
            if name.is_empty() {
                unnamed.push(column);
                continue;
            }
            match Name::of(name, E::FIELDS, true) {
                Name::Field(field) => {
                    if positions.iter().any(|&(known, _)| known == field) {
                        return Err(ListError::DuplicateColumn {
                            file: file.to_string(),
                            line,
                            column: shortened(name),
                        });
                    }
                    positions.push((field, column));
                }
                Name::Extra => {}
                Name::Unknown { shown, suggestion } => {
                    return Err(ListError::UnknownColumn {
                        file: file.to_string(),
                        line,
                        column: shown,
                        suggestion,
                        known: E::FIELDS,
                    })
                }
            }
        }
        if let Some(&column) = E::REQUIRED
            .iter()
            .find(|&&required| positions.iter().all(|&(field, _)| field != required))
        {
            return Err(ListError::MissingColumn {
                file: file.to_string(),
                line,
                column,
            });
        }
        Ok(Self {
            positions,
            width: header.len(),
            unnamed,
        })
    }

    /// A row must not have values where the header names no column: past its end
    /// (usually an unquoted delimiter inside a value) or under an empty header cell.
    fn check(&self, record: &Record) -> Result<(), ListError> {
        let beyond = self.width..record.len();
        let stray = self
            .unnamed
            .iter()
            .copied()
            .chain(beyond)
            .find(|&column| record.get(column).is_some_and(|value| !value.is_empty()));
        match stray {
            Some(column) => Err(ListError::ValueWithoutColumn { column: column + 1 }),
            None => Ok(()),
        }
    }

    fn column_of(&self, field: &str) -> Option<usize> {
        self.positions
            .iter()
            .find(|&&(known, _)| known == field)
            .map(|&(_, column)| column)
    }
}

struct CsvRow<'a> {
    record: &'a Record,
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
