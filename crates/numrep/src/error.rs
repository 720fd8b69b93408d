//! Why a text could not be read as a phone number.

use std::fmt;

/// A parse failure with enough context to tell the user what to fix.
///
/// `code()` is stable (JSON, CLI exit reasons, the widget); `Display` is an English sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseError {
    /// Nothing but whitespace.
    Empty,
    /// Text without a single digit.
    NoDigits,
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
        region: String,
        /// Its trunk prefix.
        trunk: String,
    },
    /// Digits after the calling code that no number of that country can have.
    InvalidNationalNumber {
        /// The calling code.
        country_code: u16,
        /// What is wrong.
        reason: &'static str,
    },
    /// The default region is not an ISO 3166 code numrep knows.
    UnknownRegion {
        /// What was given.
        region: String,
    },
    /// An extension that is empty or too long.
    InvalidExtension {
        /// What is wrong.
        reason: &'static str,
    },
    /// A `tel:` URI that does not follow RFC 3966.
    InvalidTelUri {
        /// What is wrong.
        reason: &'static str,
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
    /// The message in the requested language (`Display` gives English).
    pub fn message(&self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::En => self.to_string(),
            crate::Lang::De => self.german(),
        }
    }

    fn german(&self) -> String {
        match self {
            ParseError::Empty => "die Eingabe ist leer".to_string(),
            ParseError::NoDigits => "die Eingabe enthält keine Ziffern".to_string(),
            ParseError::InputTooLong { chars, max } => {
                format!("die Eingabe ist {chars} Zeichen lang; höchstens {max} werden angenommen")
            }
            ParseError::InvalidCharacter { ch, position } => format!(
                "das Zeichen {:?} (U+{:04X}) an Stelle {} kann nicht Teil einer Rufnummer sein",
                ch,
                u32::from(*ch),
                position + 1
            ),
            ParseError::TooShort { digits, min } => {
                format!("{digits} Ziffer(n) sind zu wenige für eine Rufnummer (mindestens {min})")
            }
            ParseError::TooLong { digits, max } => {
                format!("{digits} Ziffern sind zu viele für eine Rufnummer (höchstens {max})")
            }
            ParseError::UnknownCountryCode { digits } => {
                format!("keine Landesvorwahl beginnt mit +{digits}")
            }
            ParseError::MissingTrunkPrefix { region, trunk } => format!(
                "eine nationale Rufnummer in {region} beginnt mit {trunk} (z. B. {trunk}30 …); \
                 internationale Nummern mit + oder 00 schreiben"
            ),
            ParseError::InvalidNationalNumber { country_code, .. } => format!(
                "keine Rufnummer mit +{country_code} beginnt nach der Verkehrsausscheidungsziffer mit 0: die überzählige 0 entfernen"
            ),
            ParseError::UnknownRegion { region } => {
                format!("{region:?} ist kein bekannter Ländercode (ISO 3166, z. B. DE)")
            }
            ParseError::InvalidExtension { reason } => format!("ungültige Durchwahl: {reason}"),
            ParseError::InvalidTelUri { reason } => format!("ungültige tel:-URI: {reason}"),
            ParseError::UnknownWord { word, position } => format!(
                "das Wort „{word}“ an Stelle {} gehört nicht zu einer Rufnummer: bekannte Angaben \
                 wie „Tel.:“, „Zentrale“ oder „(Büro)“ werden übergangen, und Buchstaben zählen \
                 nur direkt nach einer kurzen Vorwahl als Vanity-Nummer (0800 FLOWERS)",
                position + 1
            ),
            ParseError::LettersInNumber { letters, position } => format!(
                "die Buchstaben „{letters}“ an Stelle {} stehen mitten in der Rufnummer; \
                 Buchstaben zählen nur direkt nach einer kurzen Vorwahl als Vanity-Nummer \
                 (0800 FLOWERS)",
                position + 1
            ),
            ParseError::SeveralNumbers { between, position } => format!(
                "der Text enthält mehr als eine Rufnummer: nach „{between}“ beginnt an Stelle {} \
                 eine zweite; bitte jede Nummer einzeln prüfen",
                position + 1
            ),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Empty => write!(f, "the input is empty"),
            ParseError::NoDigits => write!(f, "the input contains no digits"),
            ParseError::InputTooLong { chars, max } => {
                write!(
                    f,
                    "the input is {chars} characters long; at most {max} are accepted"
                )
            }
            ParseError::InvalidCharacter { ch, position } => write!(
                f,
                "character {:?} (U+{:04X}) at position {} cannot be part of a phone number",
                ch,
                u32::from(*ch),
                position + 1
            ),
            ParseError::TooShort { digits, min } => {
                write!(
                    f,
                    "{digits} digit(s) are too few for a phone number (at least {min})"
                )
            }
            ParseError::TooLong { digits, max } => {
                write!(
                    f,
                    "{digits} digits are too many for a phone number (at most {max})"
                )
            }
            ParseError::UnknownCountryCode { digits } => {
                write!(f, "no country calling code starts the digits +{digits}")
            }
            ParseError::MissingTrunkPrefix { region, trunk } => write!(
                f,
                "a national number in {region} starts with {trunk} (e.g. {trunk}30 …); \
                 write an international number with + or 00"
            ),
            ParseError::InvalidNationalNumber {
                country_code,
                reason,
            } => write!(
                f,
                "no number with +{country_code} {reason}: remove the extra 0"
            ),
            ParseError::UnknownRegion { region } => {
                write!(
                    f,
                    "{region:?} is not a region code numrep knows (use ISO 3166, e.g. DE)"
                )
            }
            ParseError::InvalidExtension { reason } => write!(f, "invalid extension: {reason}"),
            ParseError::InvalidTelUri { reason } => write!(f, "invalid tel: URI: {reason}"),
            ParseError::UnknownWord { word, position } => write!(
                f,
                "the word \"{word}\" at position {} is not part of a phone number: known labels \
                 and notes such as \"Tel.:\", \"Zentrale\" or \"(Büro)\" are skipped, and letters \
                 count as a vanity number only right after a short prefix (0800 FLOWERS)",
                position + 1
            ),
            ParseError::LettersInNumber { letters, position } => write!(
                f,
                "the letters \"{letters}\" at position {} stand inside the number; letters count \
                 as a vanity number only right after a short prefix (0800 FLOWERS)",
                position + 1
            ),
            ParseError::SeveralNumbers { between, position } => write!(
                f,
                "the text holds more than one number: a second one starts after \"{between}\" \
                 at position {}; look up one number at a time",
                position + 1
            ),
        }
    }
}

impl std::error::Error for ParseError {}
