//! Notes after the number: any bracketed text with a letter (`(Mo-Fr)`, `(Büro)`,
//! `[privat]`) except a bracketed extension (`(Durchwahl 89)`), and the note words of
//! note words (`words::is_note`: `Zentrale`, `Fax`), joined by blanks, `,`, `-` or `/`. A note is
//! only removed when digits stand before it.

use super::chars::{has_digit, is_blank};
use super::{extension, words};

/// `text` without its trailing notes.
pub fn strip(text: &str) -> &str {
    let mut rest = text;
    loop {
        let end = rest.trim_end_matches(is_blank);
        let Some(before) = before_bracket_note(end).or_else(|| before_note_word(end)) else {
            return rest;
        };
        if !has_digit(before) {
            return rest;
        }
        rest = before.trim_end_matches(|c: char| {
            is_blank(c) || matches!(c, ',' | '-' | '/' | '\u{2010}'..='\u{2015}')
        });
    }
}

/// The text before a bracketed group with a letter at the end of `text`.
fn before_bracket_note(text: &str) -> Option<&str> {
    let (open, close) = match text.chars().next_back()? {
        ')' => ('(', ')'),
        ']' => ('[', ']'),
        _ => return None,
    };
    let mut depth = 0usize;
    for (i, c) in text.char_indices().rev() {
        if c == close {
            depth += 1;
        } else if c == open {
            depth -= 1;
            if depth == 0 {
                let inner = &text[i + 1..];
                let is_note = inner.chars().any(char::is_alphabetic)
                    && !extension::is_marker(words::leading_word(inner));
                return is_note.then(|| &text[..i]);
            }
        }
    }
    None
}

/// The text before a note word at the end of `text`.
fn before_note_word(text: &str) -> Option<&str> {
    let word = words::trailing_word(text);
    (!word.is_empty() && words::is_note(word)).then(|| &text[..text.len() - word.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_removed() {
        for (text, number) in [
            ("030 1234567 (Mo-Fr)", "030 1234567"),
            ("030 1234567 (Büro)", "030 1234567"),
            ("030 1234567 (Mo-Fr 9-17 Uhr)", "030 1234567"),
            ("030 1234567 Zentrale", "030 1234567"),
            ("030 1234567 - Zentrale", "030 1234567"),
            ("030 1234567, Fax", "030 1234567"),
            ("030 1234567 FAX", "030 1234567"),
            ("030 1234567 (Zentrale) Fax", "030 1234567"),
            ("030 1234567 [privat]", "030 1234567"),
            ("(030) 1234567", "(030) 1234567"),
            ("+49 (0)", "+49 (0)"),
            ("0800 FLOWERS", "0800 FLOWERS"),
            ("(Büro)", "(Büro)"),
            ("030 1 (Dw. 89)", "030 1 (Dw. 89)"),
            ("Fax", "Fax"),
        ] {
            assert_eq!(strip(text), number, "{text:?}");
        }
    }
}
