//! Text → [`PhoneNumber`]: every way people write or paste a number, or a precise error.
//!
//! Accepted: E.164 (`+4930123456`), `00` or the region's international prefix, national
//! with trunk prefix (`030 123456`), `+49 (0)30 …`, separators (space, `-`, `/`, `.`,
//! brackets, no-break and other Unicode spaces), `tel:` URIs with `;ext=`, extensions
//! (`x12`, `ext. 12`, `Durchwahl 89`, `Dw. 89`, `App. 89`), vanity letters
//! (`0800 FLOWERS`), Unicode digits, short codes (`110`, `116116`, `11833`), surrounding
//! blanks and a trailing period.
//!
//! Text pasted from e-mails and tickets is read too, in this order:
//! 1. invisible direction and format marks (U+200B, U+200E/F, U+202A–E, U+2066–9,
//!    U+FEFF) are dropped wherever they are (`marks`);
//! 2. a label before the number (`Tel.: `, `Mobil `, `T: `, `Kundenservice: `) is
//!    skipped (`label`; the words are in `words`);
//! 3. a second number (`…, Fax 030 …`, `… oder 0171 …`) is an error, never read
//!    (`several`);
//! 4. notes after the number (`(Mo-Fr)`, `(Büro)`, `Zentrale`, `Fax`) are dropped
//!    (`notes`);
//! 5. the extension is split off, and the rest is scanned; letters count as digits only
//!    when the number is written as a vanity number (`vanity` has the rule).
//!
//! Plain text (ASCII digits, separators, a leading `+`, `(0)`: nearly every number) is
//! scanned once and skips all five steps; anything else falls back to the full reader.

mod chars;
mod extension;
mod label;
mod marks;
mod notes;
mod scan;
mod several;
mod tel_uri;
mod vanity;
mod words;

use std::borrow::Cow;

use crate::digits::Digits;
use crate::error::ParseError;
use crate::number::PhoneNumber;
use crate::plan::{country_code_at, national_plan};
use crate::region::Region;

/// Longest input accepted, in characters.
pub const MAX_INPUT_CHARS: usize = 256;
/// Shortest national significant number accepted.
pub const MIN_NATIONAL: usize = 2;
/// Longest national significant number accepted (classification reports what is too long).
pub const MAX_NATIONAL: usize = 17;
/// Longest short code.
const MAX_SHORT_CODE: usize = 6;

/// Calling codes whose national numbers never start with 0, so `+49 030 …` means `+49 30 …`.
const DROP_WRITTEN_TRUNK: [u16; 3] = [49, 43, 41];

/// Parses `input`, reading national forms as numbers of `region`.
pub fn parse(input: &str, region: Region) -> Result<PhoneNumber, ParseError> {
    // Bytes ≥ characters, so short inputs need no count.
    if input.len() > MAX_INPUT_CHARS
        && input.chars().take(MAX_INPUT_CHARS + 1).count() > MAX_INPUT_CHARS
    {
        return Err(ParseError::InputTooLong {
            chars: input.chars().count(),
            max: MAX_INPUT_CHARS,
        });
    }
    if let Some(scanned) = scan::scan_plain(input) {
        return build(&scanned, None, None, region);
    }
    match marks::strip(input) {
        Cow::Borrowed(text) => parse_text(text, region),
        Cow::Owned(text) => parse_text(&text, region)
            .map_err(|e| e.map_position(|p| marks::original_position(input, p))),
    }
}

/// Parses `input` (free of marks).
fn parse_text(input: &str, region: Region) -> Result<PhoneNumber, ParseError> {
    let text = input
        .trim_matches(chars::is_blank)
        .trim_end_matches('.')
        .trim_end_matches(chars::is_blank);
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    if let Some(uri) = tel_uri::split(text) {
        let uri = uri?;
        let scanned = scan::scan(uri.number).map_err(at(input, uri.number))?;
        let context = match (scanned.plus, uri.context) {
            (false, Some(context)) => Some(scan::scan(context).map_err(at(input, context))?),
            _ => None,
        };
        return finish(
            &scanned,
            uri.number,
            context.as_ref(),
            uri.extension,
            region,
        )
        .map_err(at(input, uri.number));
    }
    let number = label::strip(text).map_err(at(input, text))?;
    several::check(number).map_err(at(input, number))?;
    let (main, ext) = extension::split(notes::strip(number))?;
    let scanned = scan::scan(main).map_err(at(input, main))?;
    finish(&scanned, main, None, ext, region).map_err(at(input, main))
}

/// The vanity rule for letters read as digits (before any length check of the whole,
/// so a word after a number is reported as a word), then [`build`].
fn finish(
    scanned: &scan::Scanned,
    text: &str,
    context: Option<&scan::Scanned>,
    ext: Option<Digits>,
    region: Region,
) -> Result<PhoneNumber, ParseError> {
    if let Some(letter) = scanned.first_letter {
        let prefix = build(&scanned.before(letter), context, None, region);
        vanity::check(prefix.map(|n| n.national_number().len()), letter, text)?;
    }
    build(scanned, context, ext, region)
}

/// Moves an error position from `part` to `whole`, of which `part` is a slice.
fn at<'a>(whole: &'a str, part: &'a str) -> impl FnOnce(ParseError) -> ParseError + 'a {
    move |e| e.map_position(|p| p + char_offset(whole, part))
}

/// Characters in `whole` before its slice `part`.
fn char_offset(whole: &str, part: &str) -> usize {
    let bytes = (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize);
    whole
        .get(..bytes)
        .map_or(0, |before| before.chars().count())
}

/// Decides the form (international, national, short code) and splits off the calling code.
fn build(
    s: &scan::Scanned,
    context: Option<&scan::Scanned>,
    ext: Option<Digits>,
    region: Region,
) -> Result<PhoneNumber, ParseError> {
    s.check_length()?;
    if let Some(context) = context {
        context.check_length()?;
    }
    let digits = s.digits();
    if s.plus {
        return international(digits, s.paren_zero, ext);
    }
    if let Some(context) = context {
        // RFC 3966 local number with a global context: context digits + local digits.
        let mut all = Digits::new();
        for &d in context
            .digits()
            .iter()
            .chain(local_without_trunk(digits, region))
        {
            if !all.push(d) {
                return Err(ParseError::TooLong {
                    digits: context.len + digits.len(),
                    max: Digits::CAPACITY,
                });
            }
        }
        return international(all.as_bytes(), None, ext);
    }
    let info = region.info();
    for prefix in ["00", info.international_prefix] {
        if let Some(rest) = digits
            .strip_prefix(prefix.as_bytes())
            .filter(|_| !prefix.is_empty())
        {
            let paren = s.paren_zero.and_then(|p| p.checked_sub(prefix.len()));
            return international(rest, paren, ext);
        }
    }
    national(digits, ext, region)
}

fn local_without_trunk(digits: &[u8], region: Region) -> &[u8] {
    let trunk = region.info().national_prefix.as_bytes();
    if trunk.is_empty() {
        digits
    } else {
        digits.strip_prefix(trunk).unwrap_or(digits)
    }
}

fn international(
    digits: &[u8],
    paren_zero: Option<usize>,
    ext: Option<Digits>,
) -> Result<PhoneNumber, ParseError> {
    if digits.is_empty() {
        return Err(ParseError::TooShort {
            digits: 0,
            min: MIN_NATIONAL,
        });
    }
    let Some(country) = country_code_at(digits) else {
        let tried = &digits[..digits.len().min(3)];
        return Err(ParseError::UnknownCountryCode {
            digits: String::from_utf8_lossy(tried).into_owned(),
        });
    };
    let cc_len = usize::from(country.len);
    let mut national = &digits[cc_len..];
    let written_trunk = paren_zero == Some(cc_len) || DROP_WRITTEN_TRUNK.contains(&country.code);
    if written_trunk && national.first() == Some(&b'0') {
        national = &national[1..];
    }
    // These countries' national numbers never start with 0; a second zero is not a
    // trunk prefix (and keeping it would make E.164 lose a digit on every re-parse).
    if DROP_WRITTEN_TRUNK.contains(&country.code) && national.first() == Some(&b'0') {
        return Err(ParseError::InvalidNationalNumber {
            country_code: country.code,
            reason: "starts with 0 after the trunk prefix",
        });
    }
    Ok(PhoneNumber::new(
        country.code,
        checked_national(national)?,
        ext,
    ))
}

fn national(digits: &[u8], ext: Option<Digits>, region: Region) -> Result<PhoneNumber, ParseError> {
    let info = region.info();
    let trunk = info.national_prefix;
    if !trunk.is_empty() {
        if let Some(rest) = digits.strip_prefix(trunk.as_bytes()) {
            return Ok(PhoneNumber::new(info.code, checked_national(rest)?, ext));
        }
    }
    if let Some(plan) = national_plan(info.code) {
        let is_short = digits.len() <= MAX_SHORT_CODE
            && plan.records[usize::from(plan.short.find(digits))].prefix_len > 0;
        if is_short {
            let code = Digits::from_ascii(digits).unwrap_or_default();
            return Ok(PhoneNumber::short(info.code, code, ext));
        }
    }
    if trunk == "0" {
        return Err(ParseError::MissingTrunkPrefix {
            region: info.region.to_string(),
            trunk: trunk.to_string(),
        });
    }
    Ok(PhoneNumber::new(info.code, checked_national(digits)?, ext))
}

fn checked_national(digits: &[u8]) -> Result<Digits, ParseError> {
    if digits.len() < MIN_NATIONAL {
        return Err(ParseError::TooShort {
            digits: digits.len(),
            min: MIN_NATIONAL,
        });
    }
    if digits.len() > MAX_NATIONAL {
        return Err(ParseError::TooLong {
            digits: digits.len(),
            max: MAX_NATIONAL,
        });
    }
    Digits::from_ascii(digits).ok_or(ParseError::TooLong {
        digits: digits.len(),
        max: MAX_NATIONAL,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The plain fast path and the full reader agree on every plain text.
        #[test]
        fn plain_text_reads_the_same_both_ways(
            start in prop::sample::select(vec!["", " ", "+49", "0049 ", "+49 (0)", "0", "+"]),
            rest in "[0-9 +()./-]{0,30}",
            region in prop::sample::select(vec!["DE", "US", "IT", "AT"]),
        ) {
            let region = Region::from_code(region).expect("known region");
            let text = format!("{start}{rest}");
            prop_assert_eq!(parse(&text, region), parse_text(&text, region));
        }
    }
}
