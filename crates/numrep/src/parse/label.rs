//! A label before the number: `Tel.: `, `Tel. `, `Tel.-Nr. `, `Mobil: `, `T: +49 …`,
//! `Telefon (mobil): `, `Kundenservice: `.
//!
//! A label is a run of words, `.`, `-`, `/`, blanks and bracketed words at the start of
//! the text. Words before a `:` are a label whatever they say; words after the last `:`
//! (or without one) must each be a label word (`words::is_label`). Anything else before digits
//! is an unknown word and an error.

use super::chars::{has_digit, is_blank};
use super::{char_offset, words};
use crate::error::ParseError;

/// The text after a leading label: all of `text` when it has none, or when it starts
/// with words but holds no digit (the scanner reports such text).
///
/// Error positions are relative to `text`.
pub fn strip(text: &str) -> Result<&str, ParseError> {
    if !text.starts_with(char::is_alphabetic) {
        return Ok(text);
    }
    let mut rest = text;
    let mut unknown = None;
    loop {
        rest = rest.trim_start_matches(is_label_punctuation);
        if let Some(after) = rest.strip_prefix([':', '\u{FF1A}']) {
            // `Kontakt: Tel. 030 …`: what is before a colon is a label, whatever it says.
            rest = after;
            unknown = None;
            continue;
        }
        let word = words::leading_word(rest);
        if !word.is_empty() {
            if unknown.is_none() && !words::is_label(word, true) {
                unknown = Some(word);
            }
            rest = &rest[word.len()..];
        } else if let Some(after) = after_bracketed_words(rest) {
            rest = after;
        } else {
            break;
        }
    }
    match unknown {
        None => Ok(rest),
        Some(word) if has_digit(rest) => Err(ParseError::UnknownWord {
            word: words::excerpt(word),
            position: char_offset(text, word),
        }),
        Some(_) => Ok(text),
    }
}

/// Characters between the words of a label.
fn is_label_punctuation(c: char) -> bool {
    is_blank(c) || matches!(c, '.' | '-' | '/' | '\u{2010}'..='\u{2015}')
}

/// After a bracketed group of words at the start of `text` (`(mobil)`, `[Büro]`).
fn after_bracketed_words(text: &str) -> Option<&str> {
    let close = match text.chars().next()? {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    let end = text.find(close)?;
    let inner = &text[1..end];
    let only_words = inner
        .chars()
        .all(|c| c.is_alphabetic() || is_label_punctuation(c));
    (only_words && inner.chars().any(char::is_alphabetic)).then(|| &text[end + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_removed() {
        for (text, rest) in [
            ("Tel.: 030 / 123", "030 / 123"),
            ("Tel. 030 1", "030 1"),
            ("tel 030", "030"),
            ("Tel.-Nr.: 030", "030"),
            ("Tel./Fax: 030", "030"),
            ("Telefon (mobil): 0171", "0171"),
            ("Phone no. +1", "+1"),
            ("T: +49", "+49"),
            ("M +49", "+49"),
            ("Kundenservice Mo-Fr: 030", "030"),
            ("Телефон: 030", "030"),
            ("Tel. (030) 1", "(030) 1"),
            ("Fax:", ""),
            ("Kontakt: Tel. 030", "030"),
            ("030 1", "030 1"),
            ("hello", "hello"),
        ] {
            assert_eq!(strip(text).map(str::trim_start), Ok(rest), "{text:?}");
        }
    }

    #[test]
    fn unknown_words_before_digits_are_named() {
        assert_eq!(
            strip("Tel Kundendienst 030"),
            Err(ParseError::UnknownWord {
                word: "Kundendienst".into(),
                position: 4
            })
        );
    }
}
