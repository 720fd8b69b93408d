//! Splitting an extension off the end: `x12`, `ext. 12`, `extension 12`, `;ext=12`.
//!
//! A DIN 5008 direct-dial suffix (`030 1234-56`) is part of the number, not an extension.

use super::chars::{digit, is_blank};
use crate::digits::Digits;
use crate::error::ParseError;

/// Longest extension accepted.
pub const MAX_EXTENSION: usize = 10;

/// Markers, longest first so `extension` wins over `ext` and `x`.
const MARKERS: [&str; 5] = [";ext=", "extension", "ext.", "ext", "x"];

/// Returns the text before the extension and the extension's digits.
pub fn split(text: &str) -> Result<(&str, Option<Digits>), ParseError> {
    let lower_ok = |i: usize, m: &str| {
        text.get(i..i + m.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(m))
    };
    // Every marker starts with one of these ASCII bytes; most numbers contain none, so
    // this is one backwards byte scan (and `i` is always a char boundary).
    let starts = text
        .bytes()
        .enumerate()
        .rev()
        .filter(|(_, b)| matches!(b, b';' | b'e' | b'E' | b'x' | b'X'));
    for (i, _) in starts {
        let Some(marker) = MARKERS.iter().find(|m| lower_ok(i, m)) else {
            continue;
        };
        let before = &text[..i];
        // A marker must follow a digit, a blank or a closing bracket, never a letter
        // (so the X in a vanity word such as 0800 TAXI stays a letter).
        let prev = before.chars().next_back();
        if !prev.is_some_and(|c| digit(c).is_some() || is_blank(c) || c == ')') {
            continue;
        }
        let rest = text[i + marker.len()..].trim_start_matches(['.', ':', '=', ' ', '\u{a0}']);
        let rest = rest.trim_end_matches(is_blank);
        if rest.is_empty() || !rest.chars().all(|c| digit(c).is_some()) {
            continue;
        }
        let mut ext = Digits::new();
        for c in rest.chars().filter_map(digit) {
            if ext.len() == MAX_EXTENSION || !ext.push(c) {
                return Err(ParseError::InvalidExtension {
                    reason: "longer than 10 digits",
                });
            }
        }
        return Ok((before, Some(ext)));
    }
    Ok((text, None))
}
