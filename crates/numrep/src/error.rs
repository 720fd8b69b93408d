//! Why a text could not be read as a phone number.

use std::fmt;

use crate::lang::Lang;
use crate::region::Region;
use crate::text::{Arg, Msg};

/// A parse failure with enough context to tell the user what to fix.
///
/// `code()` is stable (JSON, CLI exit reasons, the widget); [`ParseError::message`] is
/// a sentence in a [`Lang`] from the message catalogue, `Display` the English one.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseError {
    /// Nothing but whitespace.
    Empty,
    /// Text without a single digit.
    NoDigits,
    /// What a display shows when the caller's number did not come through (`Unbekannt`,
    /// `Rufnummer unterdrückt`, `Anonymous`, `No Caller ID`): withheld, or not sent.
    NoNumberShown,
    /// More text than any written phone number needs.
    InputTooLong {
        /// Characters in the input.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// A character that has no place in a phone number.
    InvalidCharacter {
        /// The character.
        ch: char,
        /// 0-based character position in the input.
        position: usize,
    },
    /// Too few digits for any number of that form.
    TooShort {
        /// Digits found after the country code or trunk prefix.
        digits: usize,
        /// The minimum.
        min: usize,
    },
    /// More digits than any number of that form.
    TooLong {
        /// Digits found.
        digits: usize,
        /// The maximum.
        max: usize,
    },
    /// The digits after `+` or `00` start with no known country calling code.
    UnknownCountryCode {
        /// The (up to 3) digits that were tried.
        digits: String,
    },
    /// A national number without the trunk prefix that is not a short code either.
    MissingTrunkPrefix {
        /// The region the number was read for.
        region: Region,
        /// Its trunk prefix.
        trunk: &'static str,
    },
    /// Digits after the calling code that no number of that country can have.
    InvalidNationalNumber {
        /// The calling code.
        country_code: u16,
        /// What is wrong.
        reason: Problem,
    },
    /// The default region is not an ISO 3166 code numrep knows.
    UnknownRegion {
        /// What was given.
        region: String,
    },
    /// An extension that is empty or too long.
    InvalidExtension {
        /// What is wrong.
        reason: Problem,
    },
    /// A `tel:` URI that does not follow RFC 3966.
    InvalidTelUri {
        /// What is wrong.
        reason: Problem,
    },
    /// A word before or after the number that is neither a known label (`Tel.:`) or note
    /// (`Zentrale`, `(Büro)`) nor vanity letters (`030 1234567 Kundendienst`).
    UnknownWord {
        /// The word (at most 32 characters).
        word: String,
        /// 0-based character position of the word in the input.
        position: usize,
    },
    /// Letters inside the digits where a vanity number cannot have them (`030 123ABC45`).
    LettersInNumber {
        /// The letters (at most 32 characters).
        letters: String,
        /// 0-based character position of the first letter in the input.
        position: usize,
    },
    /// More than one number in the text (`Tel. 030 1234567, Fax 030 1234568`).
    SeveralNumbers {
        /// What stands between the numbers (`, Fax`), never digits.
        between: String,
        /// 0-based character position where the second number starts.
        position: usize,
    },
}

impl ParseError {
    /// Stable machine-readable code, e.g. `invalid_character`.
    pub fn code(&self) -> &'static str {
        match self {
            ParseError::Empty => "empty",
            ParseError::NoDigits => "no_digits",
            ParseError::NoNumberShown => "no_number_shown",
            ParseError::InputTooLong { .. } => "input_too_long",
            ParseError::InvalidCharacter { .. } => "invalid_character",
            ParseError::TooShort { .. } => "too_short",
            ParseError::TooLong { .. } => "too_long",
            ParseError::UnknownCountryCode { .. } => "unknown_country_code",
            ParseError::MissingTrunkPrefix { .. } => "missing_trunk_prefix",
            ParseError::InvalidNationalNumber { .. } => "invalid_national_number",
            ParseError::UnknownRegion { .. } => "unknown_region",
            ParseError::InvalidExtension { .. } => "invalid_extension",
            ParseError::InvalidTelUri { .. } => "invalid_tel_uri",
            ParseError::UnknownWord { .. } => "unknown_word",
            ParseError::LettersInNumber { .. } => "letters_in_number",
            ParseError::SeveralNumbers { .. } => "several_numbers",
        }
    }

    /// The same error with its character position (if it has one) passed through `map`.
    pub(crate) fn map_position(mut self, map: impl FnOnce(usize) -> usize) -> Self {
        match &mut self {
            ParseError::InvalidCharacter { position, .. }
            | ParseError::UnknownWord { position, .. }
            | ParseError::LettersInNumber { position, .. }
            | ParseError::SeveralNumbers { position, .. } => *position = map(*position),
            _ => {}
        }
        self
    }
}

impl ParseError {
    /// The message in `lang`, rendered when displayed (`Display` gives English).
    pub fn message(&self, lang: Lang) -> ErrorText<'_> {
        ErrorText { error: self, lang }
    }
}

/// A parse error's message in one language ([`ParseError::message`]).
#[derive(Clone, Copy, Debug)]
pub struct ErrorText<'a> {
    error: &'a ParseError,
    lang: Lang,
}

/// A character as the messages show it: `'a' (U+0061)`.
struct CharText(char);

impl fmt::Display for CharText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} (U+{:04X})", self.0, u32::from(self.0))
    }
}

impl fmt::Display for ErrorText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = self.lang;
        let say =
            |msg: Msg, args: &[Arg<'_>], f: &mut fmt::Formatter<'_>| msg.with(lang, args).fmt(f);
        match self.error {
            ParseError::Empty => say(Msg::ErrorEmpty, &[], f),
            ParseError::NoDigits => say(Msg::ErrorNoDigits, &[], f),
            ParseError::NoNumberShown => say(Msg::ErrorNoNumberShown, &[], f),
            ParseError::InputTooLong { chars, max } => {
                say(Msg::ErrorInputTooLong, &[("chars", chars), ("max", max)], f)
            }
            ParseError::InvalidCharacter { ch, position } => say(
                Msg::ErrorInvalidCharacter,
                &[("ch", &CharText(*ch)), ("position", &(position + 1))],
                f,
            ),
            ParseError::TooShort { digits, min } => {
                say(Msg::ErrorTooShort, &[("digits", digits), ("min", min)], f)
            }
            ParseError::TooLong { digits, max } => {
                say(Msg::ErrorTooLong, &[("digits", digits), ("max", max)], f)
            }
            ParseError::UnknownCountryCode { digits } => {
                say(Msg::ErrorUnknownCountryCode, &[("digits", digits)], f)
            }
            ParseError::MissingTrunkPrefix { region, trunk } => say(
                Msg::ErrorMissingTrunkPrefix,
                &[("region", region), ("trunk", trunk)],
                f,
            ),
            ParseError::InvalidNationalNumber {
                country_code,
                reason,
            } => say(
                Msg::ErrorInvalidNationalNumber,
                &[("code", country_code), ("reason", &reason.text(lang))],
                f,
            ),
            ParseError::UnknownRegion { region } => say(
                Msg::ErrorUnknownRegion,
                &[("region", &format_args!("{region:?}"))],
                f,
            ),
            ParseError::InvalidExtension { reason } => say(
                Msg::ErrorInvalidExtension,
                &[("reason", &reason.text(lang))],
                f,
            ),
            ParseError::InvalidTelUri { reason } => say(
                Msg::ErrorInvalidTelUri,
                &[("reason", &reason.text(lang))],
                f,
            ),
            ParseError::UnknownWord { word, position } => say(
                Msg::ErrorUnknownWord,
                &[("word", word), ("position", &(position + 1))],
                f,
            ),
            ParseError::LettersInNumber { letters, position } => say(
                Msg::ErrorLettersInNumber,
                &[("letters", letters), ("position", &(position + 1))],
                f,
            ),
            ParseError::SeveralNumbers { between, position } => say(
                Msg::ErrorSeveralNumbers,
                &[("between", between), ("position", &(position + 1))],
                f,
            ),
        }
    }
}

impl fmt::Display for ParseError {
    /// The English message.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message(Lang::En).fmt(f)
    }
}

impl std::error::Error for ParseError {}

/// What exactly is wrong, for the errors with more than one cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Problem {
    /// A zero after the trunk prefix (`+49 0049 30 …`): no number of the country
    /// starts with 0.
    ZeroAfterTrunkPrefix,
    /// An extension of more than 10 digits.
    ExtensionTooLong,
    /// `;ext=` with nothing after it.
    EmptyExtension,
    /// `tel:` with no number after it.
    NoNumberAfterScheme,
    /// `;ext=` followed by something other than digits.
    ExtensionNotDigits,
}

impl Problem {
    /// In words, in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Problem::ZeroAfterTrunkPrefix => Msg::ProblemZeroAfterTrunkPrefix,
            Problem::ExtensionTooLong => Msg::ProblemExtensionTooLong,
            Problem::EmptyExtension => Msg::ProblemEmptyExtension,
            Problem::NoNumberAfterScheme => Msg::ProblemNoNumberAfterScheme,
            Problem::ExtensionNotDigits => Msg::ProblemExtensionNotDigits,
        }
        .text(lang)
    }
}
