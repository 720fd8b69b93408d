//! `tel:` URIs (RFC 3966): `tel:+49-30-1234567;ext=12`, `tel:030-123;phone-context=+49`.

use super::chars::digit;
use crate::digits::Digits;
use crate::error::{ParseError, Problem};

/// The parts of a `tel:` URI numrep uses.
pub struct TelUri<'a> {
    /// The number part (global `+…` or local digits with separators).
    pub number: &'a str,
    /// `;ext=` digits.
    pub extension: Option<Digits>,
    /// `;phone-context=+49` digits of a global context, for local numbers.
    pub context: Option<&'a str>,
}

/// If `text` starts with `tel:` (any case) and holds no blank, splits it. With blanks
/// (`Tel: 030 123`) the `Tel:` is a label, not a URI scheme.
pub fn split(text: &str) -> Option<Result<TelUri<'_>, ParseError>> {
    let scheme = text.get(..4)?;
    if !scheme.eq_ignore_ascii_case("tel:") || text.contains(char::is_whitespace) {
        return None;
    }
    Some(parse(&text[4..]))
}

fn parse(rest: &str) -> Result<TelUri<'_>, ParseError> {
    let mut parts = rest.split(';');
    let number = parts.next().unwrap_or_default();
    if number.is_empty() {
        return Err(ParseError::InvalidTelUri {
            reason: Problem::NoNumberAfterScheme,
        });
    }
    let mut uri = TelUri {
        number,
        extension: None,
        context: None,
    };
    for param in parts {
        let (name, value) = param.split_once('=').unwrap_or((param, ""));
        if name.eq_ignore_ascii_case("ext") {
            uri.extension = Some(extension(value)?);
        } else if name.eq_ignore_ascii_case("phone-context") {
            uri.context = value.strip_prefix('+');
        }
    }
    Ok(uri)
}

fn extension(value: &str) -> Result<Digits, ParseError> {
    let mut ext = Digits::new();
    for c in value.chars() {
        if matches!(c, '-' | '.' | '(' | ')') {
            continue;
        }
        let d = digit(c).ok_or(ParseError::InvalidTelUri {
            reason: Problem::ExtensionNotDigits,
        })?;
        if ext.len() == super::extension::MAX_EXTENSION || !ext.push(d) {
            return Err(ParseError::InvalidExtension {
                reason: Problem::ExtensionTooLong,
            });
        }
    }
    if ext.is_empty() {
        return Err(ParseError::InvalidExtension {
            reason: Problem::EmptyExtension,
        });
    }
    Ok(ext)
}
