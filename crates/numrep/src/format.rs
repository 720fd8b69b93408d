//! Writing a number for people: `+49 30 123456`, `030 123456`, `tel:+49-30-123456`.
//!
//! Every region's numbers follow libphonenumber's format rules for that region
//! (`+44 20 7946 0958`, `020 7946 0958`, `(212) 555-0100`). German numbers keep the
//! grouping of the BNetzA tables where those know the leading group (area code or
//! service prefix: `+49 30 1234567`, `0151 12345678`, `0900 5 123456`), which differs
//! from libphonenumber for some ranges (`docs/differences.md`).
//!
//! Formatting is a [`fmt::Display`] adapter ([`Formatted`]): nothing is allocated until
//! the number is written somewhere.

use std::fmt;

use crate::classify::{classify, Classification};
use crate::digits::code_digits;
use crate::number::PhoneNumber;
use crate::plan::world::{self, FormatMode, FormattedText};

/// How to write a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Mode {
    /// `+4930123456` (short codes: the bare code).
    E164,
    /// `+49 30 123456`: grouped as the number's region writes it, with the calling code.
    International,
    /// `030 123456`: national prefix and groups, as dialled inside the country.
    National,
    /// `tel:+49-30-123456` (RFC 3966), with `;ext=` for an extension.
    Rfc3966,
}

/// A number written in a [`Mode`]; see [`PhoneNumber::format`].
#[derive(Debug, Clone, Copy)]
pub struct Formatted {
    number: PhoneNumber,
    mode: Mode,
    /// Digits of the leading group from the German tables; 0 = libphonenumber's rules.
    german_group: usize,
}

impl Formatted {
    /// `number` in `mode`, grouped as `class` says.
    pub(crate) fn new(number: &PhoneNumber, class: &Classification, mode: Mode) -> Formatted {
        Formatted {
            number: *number,
            mode,
            german_group: if class.is_german() {
                class.group_len()
            } else {
                0
            },
        }
    }
}

impl PhoneNumber {
    /// The number written in `mode`, as a value to display:
    /// `number.format(Mode::International).to_string()` is `"+49 30 123456"`.
    pub fn format(&self, mode: Mode) -> Formatted {
        Formatted::new(self, &classify(self), mode)
    }
}

impl fmt::Display for Formatted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = &self.number;
        if number.is_short_code() {
            return f.write_str(number.national_number());
        }
        if self.german_group == 0 {
            self.by_metadata(f)?;
        } else {
            // Assembled first, written once: a writer that escapes (JSON) pays per call.
            f.write_str(self.german().as_str())?;
        }
        match (self.mode, number.extension()) {
            (Mode::Rfc3966, Some(ext)) => write!(f, ";ext={ext}"),
            _ => Ok(()),
        }
    }
}

impl Formatted {
    /// libphonenumber's format rules of the calling code's main region.
    fn by_metadata(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = &self.number;
        let mode = match self.mode {
            Mode::E164 => FormatMode::E164,
            Mode::International => FormatMode::International,
            Mode::National => FormatMode::National,
            Mode::Rfc3966 => FormatMode::Rfc3966,
        };
        match world::format(number.country_code(), number.national_digits(), mode) {
            Some(text) => f.write_str(text.as_str()),
            // A calling code without metadata (none today): E.164 is always right.
            None => write!(f, "+{}{}", number.country_code(), number.national_number()),
        }
    }

    /// The German tables' grouping: the leading group set apart, the rest in one.
    fn german(&self) -> FormattedText {
        let number = &self.number;
        let national = number.national_digits();
        let (group, rest) = national.split_at(self.german_group.min(national.len()));
        let mut code_buf = [0; 3];
        let code = code_digits(number.country_code(), &mut code_buf).as_bytes();
        let mut text = FormattedText::new();
        match self.mode {
            Mode::E164 => {
                text.push(b'+');
                text.push_str(code);
                text.push_str(national);
            }
            Mode::International => {
                text.push(b'+');
                text.push_str(code);
                separated(&mut text, b' ', group);
                separated(&mut text, b' ', rest);
            }
            Mode::National => {
                text.push(b'0');
                text.push_str(group);
                separated(&mut text, b' ', rest);
            }
            Mode::Rfc3966 => {
                text.push_str(b"tel:+");
                text.push_str(code);
                separated(&mut text, b'-', group);
                separated(&mut text, b'-', rest);
            }
        }
        text
    }
}

/// `separator` and `rest`, unless `rest` is empty.
fn separated(text: &mut FormattedText, separator: u8, rest: &[u8]) {
    if !rest.is_empty() {
        text.push(separator);
        text.push_str(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;
    use crate::region::Region;

    fn formats(input: &str) -> [String; 4] {
        let n = parse(input, Region::DE).expect("parses");
        [
            Mode::E164,
            Mode::International,
            Mode::National,
            Mode::Rfc3966,
        ]
        .map(|mode| n.format(mode).to_string())
    }

    #[test]
    fn german_landline_in_every_mode() {
        assert_eq!(
            formats("030 1234567 x12"),
            [
                "+49301234567",
                "+49 30 1234567",
                "030 1234567",
                "tel:+49-30-1234567;ext=12"
            ]
        );
    }

    #[test]
    fn german_service_numbers_lead_with_their_prefix() {
        // The leading group is the service prefix, never a digit of the subscriber's
        // part (`0700` is 700 + 8 digits: `07001 2345678` once misled agents).
        for (input, international, national) in [
            ("0700 12345678", "+49 700 12345678", "0700 12345678"),
            ("0800 1234567", "+49 800 1234567", "0800 1234567"),
            ("0900 5123456", "+49 900 5123456", "0900 5123456"),
            ("0180 5123456", "+49 180 5123456", "0180 5123456"),
            ("01511 2345678", "+49 1511 2345678", "01511 2345678"),
        ] {
            let [_, got_international, got_national, _] = formats(input);
            assert_eq!(
                (got_international.as_str(), got_national.as_str()),
                (international, national),
                "{input}"
            );
        }
    }

    #[test]
    fn short_codes_are_the_bare_code() {
        assert_eq!(formats("110"), ["110", "110", "110", "110"]);
    }
}
