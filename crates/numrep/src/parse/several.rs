//! A second number in the text: `Tel. 030 1234567, Fax 030 1234568`,
//! `0171 1234567 oder 030 1234567`, `030 1234567 Mobil: 0171 1234567`.
//!
//! After at least one digit, outside brackets, a list mark (`,` `;` `|` `&` before a
//! blank or a word), a word that labels, notes or joins numbers ([`words`]), or any word
//! followed by `:`, is a break; when the next thing after it (skipping blanks,
//! punctuation and more such words) is the start of a number, the text holds two
//! numbers. Extension words (`Durchwahl 89`) are no break.

use super::chars::{digit, is_blank, is_plus};
use super::{char_offset, extension, words};
use crate::error::ParseError;

/// `Err(SeveralNumbers)` when `text` holds a second number. Positions are relative to
/// `text`.
pub fn check(text: &str) -> Result<(), ParseError> {
    let (mut seen_digit, mut depth, mut i) = (false, 0u32, 0usize);
    while let Some(c) = text[i..].chars().next() {
        let mut next = i + c.len_utf8();
        let is_break = match c {
            '(' | '[' => {
                depth += 1;
                false
            }
            ')' | ']' => {
                depth = depth.saturating_sub(1);
                false
            }
            ',' | ';' | '|' | '&' => is_list_mark(&text[next..]),
            // Digits first: they are never letters, and `is_alphabetic` searches a large
            // table for every character outside ASCII (full-width digits).
            c if digit(c).is_some() => {
                seen_digit = true;
                false
            }
            c if c.is_alphabetic() => {
                let word = words::leading_word(&text[i..]);
                next = i + word.len();
                seen_digit && depth == 0 && is_break_word(word, &text[next..])
            }
            _ => false,
        };
        if is_break && seen_digit && depth == 0 {
            if let Some(second) = number_after(&text[next..]) {
                return Err(ParseError::SeveralNumbers {
                    between: words::excerpt(
                        text[i..text.len() - second.len()].trim_matches(is_blank),
                    ),
                    position: char_offset(text, second),
                });
            }
        }
        i = next;
    }
    Ok(())
}

/// A list mark is followed by a blank or a word (`030 1, 030 2`, `…, Fax 030 2`), but
/// not by an extension word (`;ext=12`). Without a blank (`030,1234567`) it is more
/// likely a typo, and the scanner names the character.
fn is_list_mark(after: &str) -> bool {
    let word = words::leading_word(after);
    if word.is_empty() {
        after.starts_with(is_blank)
    } else {
        !extension::is_marker(word)
    }
}

fn is_break_word(word: &str, after: &str) -> bool {
    words::is_label(word, false)
        || words::is_note(word)
        || words::is_conjunction(word)
        || (after.trim_start_matches(['.', ' ']).starts_with(':') && !extension::is_marker(word))
}

/// The start of a number right after a break, skipping blanks, punctuation and words that
/// may stand between two numbers.
fn number_after(text: &str) -> Option<&str> {
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(|c: char| {
            is_blank(c) || matches!(c, '.' | ':' | '-' | '/' | '\u{2010}'..='\u{2015}')
        });
        let word = words::leading_word(rest);
        if word.is_empty() {
            break;
        }
        let after = &rest[word.len()..];
        if !is_break_word(word, after) && !words::is_label(word, true) {
            return None;
        }
        rest = after;
    }
    let mut chars = rest.chars();
    let starts_number = match chars.next()? {
        '(' => chars.next().and_then(digit).is_some(),
        c => digit(c).is_some() || is_plus(c),
    };
    starts_number.then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<(String, usize)> {
        match check(text) {
            Ok(()) => None,
            Err(ParseError::SeveralNumbers { between, position }) => Some((between, position)),
            Err(e) => panic!("{text:?}: {e}"),
        }
    }

    #[test]
    fn second_numbers_are_found() {
        assert_eq!(
            found("030 1234567, Fax 030 1234568"),
            Some((", Fax".into(), 17))
        );
        assert_eq!(found("030 1 Fax: 030 2"), Some(("Fax:".into(), 11)));
        assert_eq!(found("0171 1 oder +49 30 2"), Some(("oder".into(), 12)));
        assert_eq!(found("030 1; 030 2"), Some((";".into(), 7)));
        assert_eq!(
            found("030 1 Hotline: (030) 2"),
            Some(("Hotline:".into(), 15))
        );
    }

    #[test]
    fn one_number_with_notes_is_not_two() {
        for text in [
            "030 1234567",
            "030 1234567 Fax",
            "030 1234567 (Mo, Mi 9-12)",
            "030 1234567, Durchwahl 89",
            "030 1234567 Dw.: 89",
            "030 123456;ext=12",
            "0800 TAXI123",
            "Fax 030 1",
            "030,1234567",
        ] {
            assert_eq!(found(text), None, "{text:?}");
        }
    }
}
