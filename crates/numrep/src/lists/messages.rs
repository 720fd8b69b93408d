//! List errors and left-out rows as texts from the catalogue, in English or German.
//!
//! Nothing is rendered until a text is written: [`ListError::message`] and
//! [`RowProblem::message`] return [`fmt::Display`] values.

use std::fmt;

use super::error::{DateProblem, ListError, LookupProblem};
use super::load::RowProblem;
use crate::lang::Lang;
use crate::text::{Arg, Msg, Opt};

impl ListError {
    /// The message in `lang` (`Display` gives English).
    pub fn message(&self, lang: Lang) -> ListErrorText<'_> {
        ListErrorText { error: self, lang }
    }
}

impl RowProblem {
    /// Where the row is and why it was left out, in `lang`:
    /// `block.csv:6: skipped: invalid character 'x' …`.
    pub fn message(&self, lang: Lang) -> RowProblemText<'_> {
        RowProblemText {
            problem: self,
            lang,
        }
    }
}

/// A list error's message, rendered when displayed ([`ListError::message`]).
#[derive(Clone, Copy, Debug)]
pub struct ListErrorText<'a> {
    error: &'a ListError,
    lang: Lang,
}

/// A left-out row's message, rendered when displayed ([`RowProblem::message`]).
#[derive(Clone, Copy, Debug)]
pub struct RowProblemText<'a> {
    problem: &'a RowProblem,
    lang: Lang,
}

/// `… and 12 more rows skipped`, for rows counted beyond the listing limit.
#[derive(Clone, Copy, Debug)]
pub struct UnlistedProblemsText {
    pub(super) count: usize,
    pub(super) lang: Lang,
}

/// A value written as Rust's debug form: quoted, with control characters and
/// direction overrides escaped (text from a list file is never shown raw).
struct Debugged<'a, T: fmt::Debug + ?Sized>(&'a T);

impl<T: fmt::Debug + ?Sized> fmt::Display for Debugged<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// Known names joined with `, `.
struct Names(&'static [&'static str]);

impl fmt::Display for Names {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, name) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(name)?;
        }
        Ok(())
    }
}

/// ` (did you mean valid_to?)` or nothing.
struct Hint(Option<&'static str>, Lang);

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(name) => Msg::ListDidYouMean.with(self.1, &[("name", &name)]).fmt(f),
            None => Ok(()),
        }
    }
}

impl fmt::Display for ListErrorText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = self.lang;
        let say =
            |f: &mut fmt::Formatter<'_>, msg: Msg, args: &[Arg<'_>]| msg.with(lang, args).fmt(f);
        match self.error {
            ListError::EmptyPattern => say(f, Msg::ListEmptyPattern, &[]),
            ListError::InvalidCharacter {
                character,
                position,
            } => say(
                f,
                Msg::ListInvalidCharacter,
                &[("character", &Debugged(character)), ("position", position)],
            ),
            ListError::MisplacedPlus { position } => {
                say(f, Msg::ListMisplacedPlus, &[("position", position)])
            }
            ListError::WildcardNotAtEnd { position } => {
                say(f, Msg::ListWildcardNotAtEnd, &[("position", position)])
            }
            ListError::MissingPrefix { position } => {
                say(f, Msg::ListMissingPrefix, &[("position", position)])
            }
            ListError::NationalWithoutCountryCode => {
                say(f, Msg::ListNationalWithoutCountryCode, &[])
            }
            ListError::InvalidCountryCodeStart { position } => say(
                f,
                Msg::ListInvalidCountryCodeStart,
                &[("position", position)],
            ),
            ListError::MissingDigits => say(f, Msg::ListMissingDigits, &[]),
            ListError::PatternTooLong { digits, max } => say(
                f,
                Msg::ListPatternTooLong,
                &[("digits", digits), ("max", max)],
            ),
            ListError::InvalidCountryCode { value } => {
                say(f, Msg::ListInvalidCountryCode, &[("value", value)])
            }
            ListError::InvalidDate { text, reason } => say(
                f,
                Msg::ListInvalidDate,
                &[
                    ("text", &Debugged(text.as_str())),
                    ("reason", &reason.msg().text(lang)),
                ],
            ),
            ListError::DateRangeReversed {
                valid_from,
                valid_to,
            } => say(
                f,
                Msg::ListDateRangeReversed,
                &[("from", valid_from), ("to", valid_to)],
            ),
            ListError::InvalidLookupNumber { reason } => say(
                f,
                Msg::ListInvalidLookupNumber,
                &[("reason", &reason.msg().text(lang))],
            ),
            ListError::MissingColumn { file, line, column } => say(
                f,
                Msg::ListMissingColumn,
                &[("file", file), ("line", line), ("column", column)],
            ),
            ListError::DuplicateColumn { file, line, column } => say(
                f,
                Msg::ListDuplicateColumn,
                &[
                    ("file", file),
                    ("line", line),
                    ("column", &Debugged(column.as_str())),
                ],
            ),
            ListError::UnknownColumn {
                file,
                line,
                column,
                suggestion,
                known,
            } => say(
                f,
                Msg::ListUnknownColumn,
                &[
                    ("file", file),
                    ("line", line),
                    ("column", &Debugged(column.as_str())),
                    ("hint", &Hint(*suggestion, lang)),
                    ("known", &Names(known)),
                ],
            ),
            ListError::BadHeader {
                file,
                line,
                problem,
            } => say(
                f,
                Msg::ListBadHeader,
                &[
                    ("file", file),
                    ("line", line),
                    ("problem", &problem.message(lang)),
                ],
            ),
            ListError::UnknownField {
                field,
                suggestion,
                known,
            } => say(
                f,
                Msg::ListUnknownField,
                &[
                    ("field", &Debugged(field.as_str())),
                    ("hint", &Hint(*suggestion, lang)),
                    ("known", &Names(known)),
                ],
            ),
            ListError::DuplicateField { field } => say(
                f,
                Msg::ListDuplicateField,
                &[("field", &Debugged(field.as_str()))],
            ),
            ListError::UnbalancedQuote { field } => {
                say(f, Msg::ListUnbalancedQuote, &[("field", field)])
            }
            ListError::ValueWithoutColumn { column } => {
                say(f, Msg::ListValueWithoutColumn, &[("column", column)])
            }
            ListError::MissingField { field } => say(f, Msg::ListMissingField, &[("field", field)]),
            ListError::WrongFieldType { field } => {
                say(f, Msg::ListWrongFieldType, &[("field", field)])
            }
            ListError::FieldTooLong { field, len, max } => say(
                f,
                Msg::ListFieldTooLong,
                &[("field", field), ("len", len), ("max", max)],
            ),
            ListError::LineTooLong { len, max } => {
                say(f, Msg::ListLineTooLong, &[("len", len), ("max", max)])
            }
            ListError::NotAnObject => say(f, Msg::ListNotAnObject, &[]),
            ListError::Duplicate {
                pattern,
                first_line: Some(line),
            } => say(
                f,
                Msg::ListDuplicateOfLine,
                &[("pattern", pattern), ("line", line)],
            ),
            ListError::Duplicate {
                pattern,
                first_line: None,
            } => say(f, Msg::ListDuplicate, &[("pattern", pattern)]),
            ListError::Json {
                file,
                line,
                column,
                message,
            } => say(
                f,
                Msg::ListJson,
                &[
                    ("file", file),
                    ("line", line),
                    ("column", column),
                    ("message", message),
                ],
            ),
            ListError::JsonShape { file } => say(f, Msg::ListJsonShape, &[("file", file)]),
            ListError::TextTooLarge { file, len, max } => say(
                f,
                Msg::ListTextTooLarge,
                &[("file", file), ("len", len), ("max", max)],
            ),
            ListError::TooManyEntries { file, max } => {
                say(f, Msg::ListTooManyEntries, &[("file", file), ("max", max)])
            }
            ListError::UnknownFormat { file } => say(f, Msg::ListUnknownFormat, &[("file", file)]),
            ListError::NotAFile { file } => say(f, Msg::ListNotAFile, &[("file", file)]),
            ListError::NotFound { file } => say(f, Msg::ListNotFound, &[("file", file)]),
            ListError::NotUtf8 { file, offset } => {
                say(f, Msg::ListNotUtf8, &[("file", file), ("offset", offset)])
            }
            ListError::Unreadable { file, reason } => say(
                f,
                Msg::ListUnreadable,
                &[("file", file), ("reason", reason)],
            ),
        }
    }
}

impl DateProblem {
    fn msg(self) -> Msg {
        match self {
            DateProblem::NotIsoOrGerman => Msg::DateNotIsoOrGerman,
            DateProblem::NotGerman => Msg::DateNotGerman,
            DateProblem::YearNotDigits => Msg::DateYearNotDigits,
            DateProblem::MonthNotNumber => Msg::DateMonthNotNumber,
            DateProblem::DayNotNumber => Msg::DateDayNotNumber,
            DateProblem::YearTooLarge => Msg::DateYearTooLarge,
            DateProblem::MonthOutOfRange => Msg::DateMonthOutOfRange,
            DateProblem::DayOutOfRange => Msg::DateDayOutOfRange,
        }
    }
}

impl LookupProblem {
    fn msg(self) -> Msg {
        match self {
            LookupProblem::Empty => Msg::LookupEmpty,
            LookupProblem::StartsWithZero => Msg::LookupStartsWithZero,
            LookupProblem::TooLong => Msg::LookupTooLong,
            LookupProblem::NotDigits => Msg::LookupNotDigits,
        }
    }
}

/// `block.csv:6` or `b.json:4 (entry 2)`.
struct RowLocation<'a>(&'a RowProblem, Lang);

impl fmt::Display for RowLocation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let problem = self.0;
        write!(f, "{}{}", problem.file, Opt(":", problem.line.as_ref(), ""))?;
        match problem.index {
            Some(index) => Msg::ListEntryIndex
                .with(self.1, &[("index", &index)])
                .fmt(f),
            None => Ok(()),
        }
    }
}

impl fmt::Display for RowProblemText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Msg::ListRowSkipped
            .with(
                self.lang,
                &[
                    ("at", &RowLocation(self.problem, self.lang)),
                    ("reason", &self.problem.error.message(self.lang)),
                ],
            )
            .fmt(f)
    }
}

impl fmt::Display for UnlistedProblemsText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Msg::ListRowsUnlisted
            .with(self.lang, &[("count", &self.count)])
            .fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_speak_both_languages() {
        let error = ListError::UnknownColumn {
            file: "own.csv".into(),
            line: 3,
            column: "valid_until".into(),
            suggestion: Some("valid_to"),
            known: &["pattern", "vendor", "valid_to"],
        };
        assert_eq!(
            error.to_string(),
            "own.csv:3: unknown column \"valid_until\" (did you mean valid_to?); the list is \
             refused, because every row would lose that value \
             (known: pattern, vendor, valid_to; columns starting with x_ are ignored)"
        );
        assert_eq!(
            error.message(Lang::De).to_string(),
            "own.csv:3: unbekannte Spalte \"valid_until\" (gemeint ist wohl valid_to); die \
             Liste wird abgelehnt, weil sonst jeder Zeile dieser Wert fehlen würde \
             (bekannt: pattern, vendor, valid_to; Spalten, die mit x_ beginnen, werden übergangen)"
        );
        let date = ListError::InvalidDate {
            text: "2026-13-01".into(),
            reason: DateProblem::MonthOutOfRange,
        };
        assert_eq!(
            date.message(Lang::De).to_string(),
            "ungültiges Datum \"2026-13-01\": Monat nicht in 01-12 (erwartet: JJJJ-MM-TT oder TT.MM.JJJJ)"
        );
    }

    #[test]
    fn echoed_text_is_escaped() {
        let error = ListError::UnknownField {
            field: "x\u{202e}y\n".into(),
            suggestion: None,
            known: &["pattern"],
        };
        let text = error.message(Lang::De).to_string();
        assert!(text.contains(r#""x\u{202e}y\n""#), "{text}");
        assert!(!text.chars().any(|c| c.is_control() || c == '\u{202e}'));
    }
}
