//! Text → [`PhoneNumber`]: every way people write or paste a number, or a precise error.
//!
//! Accepted: E.164 (`+4930123456`), `00` or the region's international prefix, national
//! with trunk prefix (`030 123456`), `+49 (0)30 …`, separators (space, `-`, `/`, `.`,
//! brackets, no-break and other Unicode spaces), `tel:` URIs with `;ext=`, extensions
//! (`x12`, `ext. 12`), vanity letters (`0800 FLOWERS`), Unicode digits, short codes
//! (`110`, `116116`, `11833`), surrounding blanks and a trailing period.

mod chars;
mod extension;
mod scan;
mod tel_uri;

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
    let leading = input.chars().take_while(|&c| chars::is_blank(c)).count();
    let text = input
        .trim_matches(chars::is_blank)
        .trim_end_matches('.')
        .trim_end_matches(chars::is_blank);
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    if let Some(uri) = tel_uri::split(text) {
        let uri = uri?;
        let scanned = scan::scan(uri.number, leading + uri.offset)?;
        let context = match (scanned.plus, uri.context) {
            (false, Some(context)) => Some(scan::scan(context, 0)?),
            _ => None,
        };
        return build(&scanned, context.as_ref(), uri.extension, region);
    }
    let (main, ext) = extension::split(text)?;
    let scanned = scan::scan(main, leading)?;
    build(&scanned, None, ext, region)
}

/// Decides the form (international, national, short code) and splits off the calling code.
fn build(
    s: &scan::Scanned,
    context: Option<&scan::Scanned>,
    ext: Option<Digits>,
    region: Region,
) -> Result<PhoneNumber, ParseError> {
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
