//! Writing a number for people: `+49 30 123456`, `030 123456`, `tel:+49-30-123456`.
//!
//! Formatting is a [`fmt::Display`] adapter ([`Formatted`]): nothing is allocated until
//! the number is written somewhere.

use std::fmt::{self, Write as _};

use crate::classify::{classify, Classification};
use crate::number::PhoneNumber;
use crate::plan::region_info;

/// How to write a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Mode {
    /// `+4930123456` (short codes: the bare code).
    E164,
    /// `+49 30 123456`, the leading group (area code, service prefix) set apart.
    International,
    /// `030 123456`: trunk prefix and groups, as dialled inside the country.
    National,
    /// `tel:+49-30-123456` (RFC 3966), with `;ext=` for an extension.
    Rfc3966,
}

/// A number written in a [`Mode`]; see [`PhoneNumber::format`].
#[derive(Debug, Clone, Copy)]
pub struct Formatted {
    number: PhoneNumber,
    group_len: usize,
    mode: Mode,
    /// The trunk prefix, for [`Mode::National`].
    trunk: &'static str,
}

impl Formatted {
    /// `number` in `mode`, grouped as `class` says.
    pub(crate) fn new(number: &PhoneNumber, class: &Classification, mode: Mode) -> Formatted {
        Formatted {
            number: *number,
            group_len: class.group_len(),
            mode,
            trunk: if mode == Mode::National {
                trunk_prefix(number.country_code())
            } else {
                ""
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
        let national = number.national_number();
        if number.is_short_code() {
            return f.write_str(national);
        }
        let (group, rest) = national.split_at(self.group_len.min(national.len()));
        let (group, rest) = if group.is_empty() {
            (rest, "")
        } else {
            (group, rest)
        };
        let mut code_buf = [b'+'; 4];
        let code = calling_code(number.country_code(), &mut code_buf);
        match self.mode {
            Mode::E164 => {
                f.write_str(code)?;
                f.write_str(national)
            }
            Mode::International => {
                f.write_str(code)?;
                separated(f, ' ', group)?;
                separated(f, ' ', rest)
            }
            Mode::National => {
                f.write_str(self.trunk)?;
                f.write_str(group)?;
                separated(f, ' ', rest)
            }
            Mode::Rfc3966 => {
                f.write_str("tel:")?;
                f.write_str(code)?;
                separated(f, '-', group)?;
                separated(f, '-', rest)?;
                match number.extension() {
                    Some(ext) => write!(f, ";ext={ext}"),
                    None => Ok(()),
                }
            }
        }
    }
}

fn separated(f: &mut fmt::Formatter<'_>, separator: char, rest: &str) -> fmt::Result {
    if rest.is_empty() {
        Ok(())
    } else {
        f.write_char(separator)?;
        f.write_str(rest)
    }
}

/// `+49`: the calling code (1–3 digits) after the `+` already in `buf`.
fn calling_code(code: u16, buf: &mut [u8; 4]) -> &str {
    let digits = match code {
        0..=9 => 1,
        10..=99 => 2,
        _ => 3,
    };
    let mut rest = code;
    for slot in buf[1..=digits].iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    std::str::from_utf8(&buf[..=digits]).unwrap_or("+")
}

/// The trunk prefix written before a national number of this calling code (`0` in
/// Germany), from the code's main region.
fn trunk_prefix(code: u16) -> &'static str {
    crate::plan::country_code(code)
        .and_then(|c| c.main_region)
        .and_then(region_info)
        .map_or("", |r| r.national_prefix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;
    use crate::region::Region;

    fn formats(input: &str) -> [String; 4] {
        let n = parse(input, Region::germany()).expect("parses");
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
    fn short_codes_are_the_bare_code() {
        assert_eq!(formats("110"), ["110", "110", "110", "110"]);
    }
}
