//! Text → [`PhoneNumber`]: every way people write or paste a number, or a precise error.
//!
//! Accepted: E.164 (`+4930123456`), `00` or the region's international prefix, national
//! with trunk prefix (`030 123456`), `+49 (0)30 …`, separators (space, `-`, `/`, `.`,
//! brackets, no-break and other Unicode spaces), `tel:` URIs with `;ext=`, extensions
//! (`x12`, `ext. 12`, `Durchwahl 89`, `Dw. 89`, `App. 89`), vanity letters
//! (`0800 FLOWERS`), Unicode digits, short codes (`110`, `116116`, `11833`), surrounding
//! blanks, quotation marks (`„…“`, `"…"`, `«…»`, a spreadsheet's `'` before `+`), angle
//! brackets and a trailing period.
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
//! Text without a digit is [`ParseError::NoDigits`], or [`ParseError::NoNumberShown`]
//! when it is what a display shows for a call without a number (`Unbekannt`,
//! `Rufnummer unterdrückt`, `No Caller ID`; the phrases are in `words`).
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

use crate::digits::{code_digits, Digits};
use crate::error::{ParseError, Problem};
use crate::number::PhoneNumber;
use crate::plan::world::{self, LengthCheck, Stripped, Territory};
use crate::plan::{country_code_at, DE_PLAN};
use crate::region::Region;

/// Longest input accepted, in characters.
pub const MAX_INPUT_CHARS: usize = 256;
/// Shortest national significant number accepted.
pub const MIN_NATIONAL: usize = 2;
/// Longest national significant number accepted (classification reports what is too long).
pub const MAX_NATIONAL: usize = 17;
/// Longest short code.
const MAX_SHORT_CODE: usize = 6;

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
    let text = unquoted(input);
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
    // Text without a digit is no number, whatever its words (`call me`, `Fax`): one
    // answer for all of it, before the passes that look for a number among words.
    if !chars::has_digit(text) {
        if words::is_no_number_shown(text) {
            return Err(ParseError::NoNumberShown);
        }
        return Err(ParseError::NoDigits);
    }
    let number = label::strip(text).map_err(at(input, text))?;
    // `Tel.: „030 …“`: the quotes may stand after the label too.
    let number = if number.len() < text.len() {
        unquoted(number)
    } else {
        number
    };
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

/// `text` without the blanks, quotation marks, angle brackets (`<+49 30 …>`) and the
/// final period that people copy along with a number.
fn unquoted(text: &str) -> &str {
    let text = trimmed_edges(text);
    text.strip_prefix('<')
        .and_then(|inner| inner.strip_suffix('>'))
        .map_or(text, trimmed_edges)
}

/// `text` without blanks and quotation marks around it, and periods at its end.
fn trimmed_edges(text: &str) -> &str {
    let is_edge = |c: char| chars::is_blank(c) || chars::is_quote(c);
    text.trim_start_matches(is_edge)
        .trim_end_matches(|c| is_edge(c) || c == '.')
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
        return international(digits, ext);
    }
    if let Some(context) = context {
        // RFC 3966 local number with a global context: context digits + local digits,
        // read as an international number (libphonenumber does the same).
        let mut all = Digits::new();
        for &d in context.digits().iter().chain(digits) {
            if !all.push(d) {
                return Err(ParseError::TooLong {
                    digits: context.len + digits.len(),
                    max: Digits::CAPACITY,
                });
            }
        }
        return international(all.as_bytes(), ext);
    }
    if let Some(rest) = after_international_prefix(digits, region) {
        return international(rest, ext);
    }
    if region == Region::DE {
        return german_national(digits, ext);
    }
    national(digits, ext, region)
}

/// The digits after the region's international prefix (`00`, `011`, `0011`, `000`,
/// carrier forms such as `0015` or `00700`, chosen as libphonenumber's pattern chooses
/// them). As in libphonenumber, a prefix followed by `0` is none (no calling code starts
/// with 0), and other digits are national (Japan's freephone `0077 …` is no `00`).
fn after_international_prefix(digits: &[u8], region: Region) -> Option<&[u8]> {
    let len = region
        .territory()
        .and_then(|t| t.international_prefix_len(digits))?;
    let rest = &digits[len..];
    (rest.first() != Some(&b'0')).then_some(rest)
}

/// `digits` (after `+`, an international prefix or a `tel:` context) split into the
/// calling code and the national number; a national prefix written after the calling
/// code (`+49 (0)30 …`, `+44 020 …`) is dropped as libphonenumber drops it. Inlined into
/// [`build`], like [`german_national`]: one call frame less on the two common paths.
#[inline(always)]
fn international(digits: &[u8], ext: Option<Digits>) -> Result<PhoneNumber, ParseError> {
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
    let code = country.code;
    let written = &digits[usize::from(country.len)..];
    let national = national_number(world::main_territory(code), code, written)?;
    Ok(PhoneNumber::new(code, national, ext))
}

/// The national number after a written national prefix, checked: libphonenumber's
/// rule ([`national_prefix_stripped`]), or for Germany [`never_zero`]. libphonenumber
/// strips once; where what is left could be stripped again (a prefix written twice),
/// numrep goes on, so that a number's E.164 form always reads back as the same number.
fn national_number(
    territory: Option<&Territory>,
    code: u16,
    digits: &[u8],
) -> Result<Digits, ParseError> {
    if code == DE_PLAN.country_code {
        return checked_national(never_zero(code, digits)?);
    }
    // Nothing to strip: stripping the same digits again would find nothing either.
    let Some(mut national) = national_prefix_stripped(territory, digits) else {
        return checked_national(digits);
    };
    // Only a stripping that shortens again (a transform may lengthen: Norfolk's
    // `10660` is `310660`, once).
    while let Some(next) = national_prefix_stripped(territory, national.digits()) {
        if next.digits().len() >= national.digits().len() {
            break;
        }
        national = next;
    }
    checked_national(national.digits())
}

/// German national numbers never start with 0 (BNetzA): one written trunk prefix goes
/// even where libphonenumber's length rule would keep it (`+49 (0)10`), and a second
/// zero is an error, not part of the number (`+49 0049 30 …`).
fn never_zero(code: u16, national: &[u8]) -> Result<&[u8], ParseError> {
    let national = national.strip_prefix(b"0").unwrap_or(national);
    if national.first() == Some(&b'0') {
        return Err(ParseError::InvalidNationalNumber {
            country_code: code,
            reason: Problem::ZeroAfterTrunkPrefix,
        });
    }
    Ok(national)
}

/// libphonenumber's national-prefix (and carrier-code) stripping for parsing, with its
/// transform rules (Argentina's `0 11 15 …` → `9 11 …`), kept only when what is left
/// has a length numbers of the territory have (else the digits may be a short number).
fn national_prefix_stripped(territory: Option<&Territory>, digits: &[u8]) -> Option<Stripped> {
    let t = territory?;
    let stripped = t.strip_national_prefix(digits)?;
    let kept = !matches!(
        t.length_check(stripped.digits()),
        LengthCheck::TooShort | LengthCheck::PossibleLocalOnly | LengthCheck::InvalidLength
    );
    kept.then_some(stripped)
}

/// A number written nationally in Germany: trunk prefix `0`, or a short code; digits
/// without either are an error, not a guess (`30123456` may be a local number without
/// its area code). `docs/differences.md` says why this differs from libphonenumber.
#[inline(always)]
fn german_national(digits: &[u8], ext: Option<Digits>) -> Result<PhoneNumber, ParseError> {
    if digits.starts_with(b"0") {
        let code = DE_PLAN.country_code;
        let national = checked_national(never_zero(code, digits)?)?;
        return Ok(PhoneNumber::new(code, national, ext));
    }
    let is_short = digits.len() <= MAX_SHORT_CODE
        && DE_PLAN.records[usize::from(DE_PLAN.short.find(digits))].prefix_len > 0;
    if is_short {
        let code = Digits::from_digits(digits).unwrap_or_default();
        return Ok(PhoneNumber::short(Region::DE, code, ext));
    }
    Err(ParseError::MissingTrunkPrefix {
        region: Region::DE,
        trunk: "0",
    })
}

/// A number written nationally in `region`, read as libphonenumber reads it: the
/// calling code written without `+` (`44 20 …` in GB), then the national prefix and
/// its transform (with or without it: AE `800 …`, IN `1800 …`, BR `(11) 2345-6789`).
/// Digits that are no valid number but a short number of the region (`999` in GB,
/// `911` in the US, `000` in AU, `112`) are that short number.
fn national(digits: &[u8], ext: Option<Digits>, region: Region) -> Result<PhoneNumber, ParseError> {
    let code = region.country_code();
    let territory = region.territory();
    if let Some(rest) = territory.and_then(|t| without_plus(t, code, digits)) {
        let national = national_number(territory, code, rest.digits())?;
        return Ok(PhoneNumber::new(code, national, ext));
    }
    let mut national = national_number(territory, code, digits)?;
    // As its E.164 form will read: with the calling code's main region's rules (a
    // Jersey `01…` that Jersey's rules keep, Britain's strip).
    let main = world::main_territory(code);
    if !matches!((main, territory), (Some(a), Some(b)) if std::ptr::eq(a, b)) {
        national = national_number(main, code, national.as_bytes())?;
    }
    let short = territory.is_some_and(|t| {
        t.short_number(digits)
            .is_some_and(|s| s.valid || s.emergency)
            && t.number_type(national.as_bytes()).is_none()
    });
    if short {
        if let Some(code) = Digits::from_digits(digits) {
            return Ok(PhoneNumber::short(region, code, ext));
        }
    }
    Ok(PhoneNumber::new(code, national, ext))
}

/// libphonenumber's "calling code without a plus sign": `digits` start with the
/// region's calling code, and the rest (national prefix stripped) is a number of the
/// region while all of it is not, or all of it is too long.
fn without_plus(t: &Territory, code: u16, digits: &[u8]) -> Option<Stripped> {
    let mut buf = [0u8; 3];
    let rest = digits.strip_prefix(code_digits(code, &mut buf).as_bytes())?;
    let potential = match t.strip_national_prefix(rest) {
        Some(stripped) => stripped,
        None => Stripped::of(rest)?,
    };
    let better = !t.matches_general(digits) && t.matches_general(potential.digits());
    (better || t.length_check(digits) == LengthCheck::TooLong).then_some(potential)
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
    // Not `ok_or`: that builds (and drops) the error on every successful parse.
    match Digits::from_digits(digits) {
        Some(national) => Ok(national),
        None => Err(ParseError::TooLong {
            digits: digits.len(),
            max: MAX_NATIONAL,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The plain fast path and the full reader agree on every plain text.
        #[test]
        fn plain_text_reads_the_same_both_ways(
            start in prop::sample::select(vec!["", " ", "+49", "0049 ", "+49 (0)", "+49 ( 0 ) ", "0", "+"]),
            rest in "[0-9 \t+()\\[\\]./-]{0,30}",
            region in prop::sample::select(vec!["DE", "US", "IT", "AT"]),
        ) {
            let region = Region::from_code(region).expect("known region");
            let text = format!("{start}{rest}");
            prop_assert_eq!(parse(&text, region), parse_text(&text, region));
        }
    }
}
