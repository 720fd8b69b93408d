//! When letters are digits: a number written as a vanity number (`0800 FLOWERS`,
//! `+1 800 FLOWERS`, `1-800-FLOWERS`, `0800 TAXI123`).
//!
//! The scanner reads a run of three or more letters after a digit as keypad digits
//! (ITU E.161). This rule then keeps them only when the first letter follows a short
//! prefix group: two to four digits of the national number (a service or area code such
//! as `800`, `180 5` or `30`), judged by parsing the digits before the letter alone.
//! Letters after more digits are words after a complete number
//! (`030 1234567 Kundendienst` → [`ParseError::UnknownWord`]) or letters in the
//! middle of it (`030 123ABC45` → [`ParseError::LettersInNumber`]), never digits: reading
//! them would turn the text into a different, often valid, number. Note words
//! (`Zentrale`, `Fax`) are removed before the scanner sees them, so they are never
//! vanity letters.

use super::chars::has_digit;
use super::scan::Letter;
use super::words;
use crate::error::ParseError;

/// National digits allowed before the first vanity letter.
const PREFIX_DIGITS: std::ops::RangeInclusive<usize> = 2..=4;

/// Checks the first `letter` read as a digit from `text`, given what the digits before
/// it parse to on their own (`prefix`: the length of their national number). A prefix
/// that fails for another reason than being too short (`+999`, a missing trunk prefix)
/// returns that error: it is what is wrong with the text. Error positions are relative
/// to `text`.
pub fn check(
    prefix: Result<usize, ParseError>,
    letter: Letter,
    text: &str,
) -> Result<(), ParseError> {
    match prefix {
        Ok(digits) if PREFIX_DIGITS.contains(&digits) => return Ok(()),
        Ok(_) | Err(ParseError::TooShort { .. }) => {}
        Err(e) => return Err(e),
    }
    let word = words::leading_word(&text[letter.byte..]);
    let after = &text[letter.byte + word.len()..];
    Err(if has_digit(after) {
        ParseError::LettersInNumber {
            letters: words::excerpt(word),
            position: letter.position,
        }
    } else {
        ParseError::UnknownWord {
            word: words::excerpt(word),
            position: letter.position,
        }
    })
}
