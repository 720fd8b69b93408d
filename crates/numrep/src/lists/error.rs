//! The one error type of the lists module.

use std::fmt;

use super::date::Date;
use crate::lang::Lang;

/// Everything that can go wrong while parsing, loading or querying a list.
///
/// Positions are 1-based character positions inside the field that was parsed;
/// line numbers are 1-based lines of the loaded text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ListError {
    /// The pattern text was empty or only separators.
    EmptyPattern,
    /// A character that is neither a digit, a wildcard nor a separator.
    InvalidCharacter {
        /// The offending character.
        character: char,
        /// Its 1-based character position in the pattern text.
        position: usize,
    },
    /// `+` somewhere other than at the very start.
    MisplacedPlus {
        /// 1-based character position of the `+`.
        position: usize,
    },
    /// `*` followed by more digits or wildcards; `*` is only allowed at the end.
    WildcardNotAtEnd {
        /// 1-based character position of the `*`.
        position: usize,
    },
    /// The pattern has no `+`, `00` or national `0` in front of the digits.
    MissingPrefix {
        /// 1-based character position of the first digit or wildcard.
        position: usize,
    },
    /// A national form (`030…`) but no default country code was configured.
    NationalWithoutCountryCode,
    /// The country code does not start with a digit 1–9.
    InvalidCountryCodeStart {
        /// 1-based character position of the offending symbol.
        position: usize,
    },
    /// A prefix (`+`, `00`, `0`) with no digits after it.
    MissingDigits,
    /// More than 15 digits/wildcards after normalisation (the E.164 maximum).
    PatternTooLong {
        /// Digits and `#` after normalisation.
        digits: usize,
        /// The maximum allowed.
        max: usize,
    },
    /// A default country code outside 1–999.
    InvalidCountryCode {
        /// The value that was given.
        value: u16,
    },
    /// A date that is not a real calendar date written `YYYY-MM-DD` or `DD.MM.YYYY`.
    InvalidDate {
        /// The text as written (shortened to 40 characters).
        text: String,
        /// What is wrong with it.
        reason: DateProblem,
    },
    /// `valid_from` is after `valid_to`.
    DateRangeReversed {
        /// The start of the window as written.
        valid_from: Date,
        /// The end of the window as written.
        valid_to: Date,
    },
    /// The number given to a lookup is not 1–15 digits starting with 1–9.
    InvalidLookupNumber {
        /// What is wrong with it.
        reason: LookupProblem,
    },
    /// The CSV header has no column for a required field.
    MissingColumn {
        /// The file the text came from.
        file: String,
        /// The 1-based line of the header row.
        line: u32,
        /// The required column name.
        column: &'static str,
    },
    /// The CSV header names a known column twice.
    DuplicateColumn {
        /// The file the text came from.
        file: String,
        /// The 1-based line of the header row.
        line: u32,
        /// The column named twice.
        column: String,
    },
    /// The CSV header names a column numrep does not know. The whole list is refused:
    /// a misspelt header (`valid_until`) would silently drop that value from every row.
    UnknownColumn {
        /// The file the text came from.
        file: String,
        /// The 1-based line of the header row.
        line: u32,
        /// The column name as written (shortened to 40 characters).
        column: String,
        /// The known column it most likely means.
        suggestion: Option<&'static str>,
        /// Every column name the list knows.
        known: &'static [&'static str],
    },
    /// The CSV header row cannot be read (an unclosed quote, too long).
    BadHeader {
        /// The file the text came from.
        file: String,
        /// The 1-based line of the header row.
        line: u32,
        /// What is wrong with it.
        problem: Box<ListError>,
    },
    /// A JSON entry has a field numrep does not know; the entry is left out.
    UnknownField {
        /// The field name as written (shortened to 40 characters).
        field: String,
        /// The known field it most likely means.
        suggestion: Option<&'static str>,
        /// Every field name the list knows.
        known: &'static [&'static str],
    },
    /// A JSON entry names the same field twice; the entry is left out.
    DuplicateField {
        /// The field name (shortened to 40 characters).
        field: String,
    },
    /// A CSV value opens a quote that its line does not close. The row is left out
    /// and the next line is read as the next row (a value cannot span lines).
    UnbalancedQuote {
        /// The 1-based number of the field whose quote is not closed.
        field: usize,
    },
    /// A CSV row has a value in a column the header does not name (past the last
    /// header column, or under an empty header cell): usually a delimiter inside an
    /// unquoted value that shifted the columns.
    ValueWithoutColumn {
        /// The 1-based column number.
        column: usize,
    },
    /// A required field is absent or blank in a row.
    MissingField {
        /// The field name.
        field: &'static str,
    },
    /// A JSON field holds something other than a string (or null).
    WrongFieldType {
        /// The field name.
        field: &'static str,
    },
    /// A field is longer than the configured limit.
    FieldTooLong {
        /// The field name.
        field: &'static str,
        /// Its length in bytes.
        len: usize,
        /// The configured maximum.
        max: usize,
    },
    /// A CSV line is longer than the configured limit.
    LineTooLong {
        /// Its length in bytes.
        len: usize,
        /// The configured maximum.
        max: usize,
    },
    /// A JSON array element is not an object.
    NotAnObject,
    /// The same entry appears again; the first one is kept.
    Duplicate {
        /// The normalised pattern.
        pattern: String,
        /// The line of the entry that was kept, when known.
        first_line: Option<u32>,
    },
    /// The JSON text is not valid JSON.
    Json {
        /// The file the text came from.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// Valid JSON, but neither an array nor an object with an `entries` array.
    JsonShape {
        /// The file the text came from.
        file: String,
    },
    /// The text (or file) is larger than the configured limit.
    TextTooLarge {
        /// The file the text came from.
        file: String,
        /// Its length in bytes (for a file that grew while it was read, the bytes read
        /// before reading stopped).
        len: usize,
        /// The configured maximum.
        max: usize,
    },
    /// The text holds more entries than the configured limit.
    TooManyEntries {
        /// The file the text came from.
        file: String,
        /// The configured maximum.
        max: usize,
    },
    /// A file name whose extension is neither `.csv` (`.tsv`, `.txt`) nor `.json`.
    UnknownFormat {
        /// The file name.
        file: String,
    },
    /// For hosts that read list files: the path is a directory, device or pipe, not a
    /// regular file, so it is not read at all.
    NotAFile {
        /// The path as given.
        file: String,
    },
    /// For hosts that read list files: there is no file at this path.
    NotFound {
        /// The path as given.
        file: String,
    },
    /// For hosts that read list files: the file is not UTF-8 text (for example a
    /// spreadsheet saved as "CSV" in a Windows code page rather than "CSV UTF-8").
    NotUtf8 {
        /// The path as given.
        file: String,
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// For hosts that read list files: the file could not be read.
    Unreadable {
        /// The path as given.
        file: String,
        /// The operating system's reason.
        reason: String,
    },
}

/// What is wrong with a date ([`ListError::InvalidDate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateProblem {
    /// Neither `YYYY-MM-DD` nor `DD.MM.YYYY`.
    NotIsoOrGerman,
    /// Has dots but is not `DD.MM.YYYY`.
    NotGerman,
    /// The year is not four digits.
    YearNotDigits,
    /// The month is not a number.
    MonthNotNumber,
    /// The day is not a number.
    DayNotNumber,
    /// The year is above 9999.
    YearTooLarge,
    /// The month is not 1–12.
    MonthOutOfRange,
    /// The month has no such day.
    DayOutOfRange,
}

/// What is wrong with a lookup number ([`ListError::InvalidLookupNumber`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LookupProblem {
    /// No digits at all.
    Empty,
    /// Starts with 0 instead of a country code.
    StartsWithZero,
    /// More than 15 digits.
    TooLong,
    /// Holds something other than ASCII digits.
    NotDigits,
}

impl ListError {
    /// A stable machine-readable code, e.g. `"invalid_character"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::EmptyPattern => "empty_pattern",
            Self::InvalidCharacter { .. } => "invalid_character",
            Self::MisplacedPlus { .. } => "misplaced_plus",
            Self::WildcardNotAtEnd { .. } => "wildcard_not_at_end",
            Self::MissingPrefix { .. } => "missing_prefix",
            Self::NationalWithoutCountryCode => "national_without_country_code",
            Self::InvalidCountryCodeStart { .. } => "invalid_country_code_start",
            Self::MissingDigits => "missing_digits",
            Self::PatternTooLong { .. } => "pattern_too_long",
            Self::InvalidCountryCode { .. } => "invalid_country_code",
            Self::InvalidDate { .. } => "invalid_date",
            Self::DateRangeReversed { .. } => "date_range_reversed",
            Self::InvalidLookupNumber { .. } => "invalid_lookup_number",
            Self::MissingColumn { .. } => "missing_column",
            Self::DuplicateColumn { .. } => "duplicate_column",
            Self::MissingField { .. } => "missing_field",
            Self::WrongFieldType { .. } => "wrong_field_type",
            Self::FieldTooLong { .. } => "field_too_long",
            Self::LineTooLong { .. } => "line_too_long",
            Self::NotAnObject => "not_an_object",
            Self::Duplicate { .. } => "duplicate",
            Self::Json { .. } => "json",
            Self::JsonShape { .. } => "json_shape",
            Self::TextTooLarge { .. } => "text_too_large",
            Self::TooManyEntries { .. } => "too_many_entries",
            Self::UnknownFormat { .. } => "unknown_format",
            Self::UnknownColumn { .. } => "unknown_column",
            Self::BadHeader { .. } => "bad_header",
            Self::UnknownField { .. } => "unknown_field",
            Self::DuplicateField { .. } => "duplicate_field",
            Self::UnbalancedQuote { .. } => "unbalanced_quote",
            Self::ValueWithoutColumn { .. } => "value_without_column",
            Self::NotAFile { .. } => "not_a_file",
            Self::NotFound { .. } => "not_found",
            Self::NotUtf8 { .. } => "not_utf8",
            Self::Unreadable { .. } => "unreadable",
        }
    }
}

impl fmt::Display for ListError {
    /// The message in English; [`ListError::message`] gives it in any language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message(Lang::En).fmt(f)
    }
}

impl std::error::Error for ListError {}
