//! The one error type of the lists module.

use std::fmt;

use super::date::Date;

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
    /// A date that is not a real `YYYY-MM-DD` calendar date.
    InvalidDate {
        /// The text as written (shortened to 40 characters).
        text: String,
        /// What is wrong with it.
        reason: &'static str,
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
        reason: &'static str,
    },
    /// The CSV header has no column for a required field.
    MissingColumn {
        /// The file the text came from.
        file: String,
        /// The required column name.
        column: &'static str,
    },
    /// The CSV header names a known column twice.
    DuplicateColumn {
        /// The file the text came from.
        file: String,
        /// The column named twice.
        column: String,
    },
    /// A required field is absent or blank in a row.
    MissingField {
        /// The field name.
        field: &'static str,
    },
    /// A field holds the wrong JSON type.
    WrongFieldType {
        /// The field name.
        field: &'static str,
        /// What was expected.
        expected: &'static str,
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
    /// A CSV record is longer than the configured limit.
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
    /// A CSV record could not be read (for example an unterminated quote).
    Csv {
        /// The file the text came from.
        file: String,
        /// 1-based line, when known.
        line: Option<u64>,
        /// The reader's description.
        message: String,
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
    /// The text is larger than the configured limit.
    TextTooLarge {
        /// The file the text came from.
        file: String,
        /// Its length in bytes.
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
    /// A file name whose extension is neither `.csv` nor `.json`.
    UnknownFormat {
        /// The file name.
        file: String,
    },
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
            Self::Csv { .. } => "csv",
            Self::Json { .. } => "json",
            Self::JsonShape { .. } => "json_shape",
            Self::TextTooLarge { .. } => "text_too_large",
            Self::TooManyEntries { .. } => "too_many_entries",
            Self::UnknownFormat { .. } => "unknown_format",
        }
    }
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyPattern => write!(f, "pattern is empty"),
            Self::InvalidCharacter {
                character,
                position,
            } => write!(
                f,
                "invalid character {character:?} at position {position} \
                 (allowed: digits, '#' for one digit, '*' at the end, spaces, - / . ( ))"
            ),
            Self::MisplacedPlus { position } => {
                write!(f, "'+' at position {position}: only allowed at the start")
            }
            Self::WildcardNotAtEnd { position } => write!(
                f,
                "'*' at position {position} is followed by more symbols; '*' is only allowed at the end"
            ),
            Self::MissingPrefix { position } => write!(
                f,
                "number at position {position} has no '+', '00' or national '0' in front"
            ),
            Self::NationalWithoutCountryCode => write!(
                f,
                "national number (leading 0) but no default country code is configured"
            ),
            Self::InvalidCountryCodeStart { position } => write!(
                f,
                "country code at position {position} must start with a digit 1-9"
            ),
            Self::MissingDigits => write!(f, "no digits after the prefix"),
            Self::PatternTooLong { digits, max } => {
                write!(f, "{digits} digits, more than the E.164 maximum of {max}")
            }
            Self::InvalidCountryCode { value } => {
                write!(f, "country code {value} is not in 1-999")
            }
            Self::InvalidDate { text, reason } => {
                write!(f, "invalid date {text:?}: {reason} (expected YYYY-MM-DD)")
            }
            Self::DateRangeReversed {
                valid_from,
                valid_to,
            } => write!(f, "valid_from {valid_from} is after valid_to {valid_to}"),
            Self::InvalidLookupNumber { reason } => {
                write!(f, "lookup number is not E.164 digits: {reason}")
            }
            Self::MissingColumn { file, column } => {
                write!(f, "{file}: header has no {column:?} column")
            }
            Self::DuplicateColumn { file, column } => {
                write!(f, "{file}: header names column {column:?} twice")
            }
            Self::MissingField { field } => write!(f, "required field {field:?} is missing or blank"),
            Self::WrongFieldType { field, expected } => {
                write!(f, "field {field:?} must be {expected}")
            }
            Self::FieldTooLong { field, len, max } => {
                write!(f, "field {field:?} is {len} bytes, limit is {max}")
            }
            Self::LineTooLong { len, max } => write!(f, "record is {len} bytes, limit is {max}"),
            Self::NotAnObject => write!(f, "entry is not a JSON object"),
            Self::Duplicate {
                pattern,
                first_line,
            } => match first_line {
                Some(line) => write!(
                    f,
                    "duplicate of the entry for {pattern} on line {line}; first one kept"
                ),
                None => write!(f, "duplicate entry for {pattern}; first one kept"),
            },
            Self::Csv {
                file,
                line: Some(line),
                message,
            } => write!(f, "{file}:{line}: unreadable CSV: {message}"),
            Self::Csv {
                file,
                line: None,
                message,
            } => write!(f, "{file}: unreadable CSV: {message}"),
            Self::Json {
                file,
                line,
                column,
                message,
            } => write!(f, "{file}:{line}:{column}: invalid JSON: {message}"),
            Self::JsonShape { file } => write!(
                f,
                "{file}: expected a JSON array of entries or an object with an \"entries\" array"
            ),
            Self::TextTooLarge { file, len, max } => {
                write!(f, "{file}: {len} bytes, limit is {max}")
            }
            Self::TooManyEntries { file, max } => {
                write!(f, "{file}: more than {max} entries")
            }
            Self::UnknownFormat { file } => {
                write!(f, "{file}: unknown list format (expected .csv or .json)")
            }
        }
    }
}

impl std::error::Error for ListError {}
