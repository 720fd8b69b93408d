//! Splitting an extension off the end: `x12`, `ext. 12`, `extension 12`, `;ext=12`, and
//! the German `Durchwahl 89`, `Dw. 89`, `App. 89` (Apparat), also in brackets
//! (`(Durchwahl 89)`).
//!
//! A DIN 5008 direct-dial suffix (`030 1234-56`) is part of the number, not an extension.

use super::chars::{digit, is_blank};
use super::words::leading_word;
use crate::digits::Digits;
use crate::error::{ParseError, Problem};

/// Longest extension accepted.
pub const MAX_EXTENSION: usize = 10;

/// Words that introduce an extension, lower case.
const MARKERS: [&str; 7] = ["x", "ext", "extension", "durchwahl", "dw", "app", "apparat"];

/// Whether `word` introduces an extension (any case).
pub fn is_marker(word: &str) -> bool {
    MARKERS.iter().any(|m| word.eq_ignore_ascii_case(m))
}

/// Returns the text before the extension and the extension's digits.
pub fn split(text: &str) -> Result<(&str, Option<Digits>), ParseError> {
    // Every marker starts with one of these ASCII bytes, so `i` is a char boundary.
    let starts = text
        .bytes()
        .enumerate()
        .rev()
        .filter(|(_, b)| matches!(b.to_ascii_lowercase(), b'x' | b'e' | b'd' | b'a'));
    for (i, _) in starts {
        let marker = leading_word(&text[i..]);
        if !is_marker(marker) {
            continue;
        }
        let before = &text[..i];
        // A marker must follow a digit, a blank, a bracket or `;`, never a letter (so the
        // X in a vanity word such as 0800 TAXI stays a letter).
        let prev = before.chars().next_back();
        if !prev.is_some_and(|c| digit(c).is_some() || is_blank(c) || matches!(c, ')' | '(' | ';'))
        {
            continue;
        }
        let rest = text[i + marker.len()..].trim_start_matches(['.', ':', '=', ' ', '\u{a0}']);
        let rest = rest.trim_end_matches(is_blank);
        // `(Durchwahl 89)`: the brackets go with the marker.
        let (before, rest) = match prev {
            Some('(') => match rest.strip_suffix(')') {
                Some(rest) => (&before[..before.len() - 1], rest),
                None => continue,
            },
            _ => (before, rest),
        };
        if rest.is_empty() || !rest.chars().all(|c| digit(c).is_some()) {
            continue;
        }
        let mut ext = Digits::new();
        for c in rest.chars().filter_map(digit) {
            if ext.len() == MAX_EXTENSION || !ext.push(c) {
                return Err(ParseError::InvalidExtension {
                    reason: Problem::ExtensionTooLong,
                });
            }
        }
        let before = before.trim_end_matches(|c: char| is_blank(c) || matches!(c, ';' | ','));
        return Ok((before, Some(ext)));
    }
    Ok((text, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ext(text: &str) -> (&str, Option<String>) {
        let (before, ext) = split(text).expect("valid");
        (before, ext.map(|d| d.as_str().to_owned()))
    }

    #[test]
    fn german_extension_words() {
        for text in [
            "030 1234567 Durchwahl 89",
            "030 1234567 Durchwahl: 89",
            "030 1234567 Dw. 89",
            "030 1234567 Dw 89",
            "030 1234567 DW: 89",
            "030 1234567, App. 89",
            "030 1234567 Apparat 89",
            "030 1234567 x89",
            "030 1234567;ext=89",
            "030 1234567 (Durchwahl 89)",
        ] {
            assert_eq!(ext(text), ("030 1234567", Some("89".into())), "{text:?}");
        }
    }

    #[test]
    fn letters_inside_words_are_no_markers() {
        assert_eq!(ext("0800 TAXI123"), ("0800 TAXI123", None));
        assert_eq!(ext("0800 HAPPY 12"), ("0800 HAPPY 12", None));
        assert_eq!(ext("030 1234567 Dwx 89"), ("030 1234567 Dwx 89", None));
    }
}
