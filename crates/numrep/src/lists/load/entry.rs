//! What the loaders need from an entry type, and what entry types get from a row.

use super::super::error::ListError;
use super::super::index::Patterned;
use super::super::pattern::PatternOptions;

/// Named text fields of one CSV record or JSON object.
pub(crate) trait RowFields {
    /// The raw value of `field`: `None` when absent or null.
    fn raw(&self, field: &'static str) -> Result<Option<&str>, ListError>;

    /// The longest field value accepted, in bytes.
    fn max_field_bytes(&self) -> usize;

    /// The trimmed value of `field`, `None` when absent or blank.
    fn optional(&self, field: &'static str) -> Result<Option<String>, ListError> {
        let Some(value) = self.raw(field)? else {
            return Ok(None);
        };
        let value = value.trim();
        if value.len() > self.max_field_bytes() {
            return Err(ListError::FieldTooLong {
                field,
                len: value.len(),
                max: self.max_field_bytes(),
            });
        }
        Ok((!value.is_empty()).then(|| value.to_string()))
    }

    /// The trimmed value of `field`; an error when absent or blank.
    fn required(&self, field: &'static str) -> Result<String, ListError> {
        self.optional(field)?
            .ok_or(ListError::MissingField { field })
    }
}

/// An entry type that can be loaded from CSV or JSON rows.
pub(crate) trait ListEntry: Patterned + Sized {
    /// Every field name the entry reads (other columns are ignored).
    const FIELDS: &'static [&'static str];
    /// Field names that must be present (CSV: as a header column).
    const REQUIRED: &'static [&'static str];

    /// Builds an entry from one row; `line` is where the row starts.
    fn from_row(
        row: &dyn RowFields,
        line: Option<u32>,
        options: &PatternOptions,
    ) -> Result<Self, ListError>;

    /// Where the entry was loaded from.
    fn line(&self) -> Option<u32>;

    /// Whether this entry repeats `earlier` (and so is reported and left out).
    fn duplicates(&self, earlier: &Self) -> bool;
}
