//! Reading `data/` CSV files into string records, with errors that name file and line.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem in `data/`: which file, which line, what is wrong.
#[derive(Debug)]
pub struct GenError {
    /// The file.
    pub file: PathBuf,
    /// 1-based line, 0 when the whole file is concerned.
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for GenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        }
    }
}

impl std::error::Error for GenError {}

/// One data row with named access to its columns.
pub struct Row {
    file: PathBuf,
    /// 1-based line number.
    pub line: u64,
    headers: csv::StringRecord,
    record: csv::StringRecord,
}

impl Row {
    /// The column's text (trimmed); an error when the column is missing from the header.
    pub fn get(&self, column: &str) -> Result<&str, GenError> {
        let index = self
            .headers
            .iter()
            .position(|h| h == column)
            .ok_or_else(|| self.error(format!("no column `{column}` in the header")))?;
        Ok(self.record.get(index).unwrap_or("").trim())
    }

    /// Whether the file has this column at all.
    pub fn has_column(&self, column: &str) -> bool {
        self.headers.iter().any(|h| h == column)
    }

    /// A column that must not be empty.
    pub fn required(&self, column: &str) -> Result<&str, GenError> {
        let value = self.get(column)?;
        if value.is_empty() {
            return Err(self.error(format!("column `{column}` is empty")));
        }
        Ok(value)
    }

    /// A column parsed with `FromStr`; empty gives `None`.
    pub fn optional<T: std::str::FromStr>(&self, column: &str) -> Result<Option<T>, GenError> {
        let value = self.get(column)?;
        if value.is_empty() {
            return Ok(None);
        }
        value
            .parse()
            .map(Some)
            .map_err(|_| self.error(format!("column `{column}`: cannot read `{value}`")))
    }

    /// A required column parsed with `FromStr`.
    pub fn parsed<T: std::str::FromStr>(&self, column: &str) -> Result<T, GenError> {
        self.optional(column)?
            .ok_or_else(|| self.error(format!("column `{column}` is empty")))
    }

    /// An error located at this row.
    pub fn error(&self, message: String) -> GenError {
        GenError {
            file: self.file.clone(),
            line: self.line,
            message,
        }
    }
}

/// Reads all rows of a headed CSV file.
pub fn read_rows(path: &Path) -> Result<Vec<Row>, GenError> {
    let fail = |line, message: String| GenError {
        file: path.to_path_buf(),
        line,
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .from_path(path)
        .map_err(|e| fail(0, e.to_string()))?;
    let headers = reader
        .headers()
        .map_err(|e| fail(1, e.to_string()))?
        .clone();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            fail(line, e.to_string())
        })?;
        let line = record.position().map_or(0, |p| p.line());
        rows.push(Row {
            file: path.to_path_buf(),
            line,
            headers: headers.clone(),
            record,
        });
    }
    Ok(rows)
}

/// Checks that a prefix is 1..=max ASCII digits.
pub fn check_digits(row: &Row, value: &str, max: usize) -> Result<(), GenError> {
    if value.is_empty() || value.len() > max || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(row.error(format!("`{value}` is not a prefix of 1 to {max} digits")));
    }
    Ok(())
}
