//! Invisible direction and format marks that Outlook, browsers and chat tools put into
//! copied text. They carry no meaning for a number and are dropped wherever they occur.

use std::borrow::Cow;

/// U+200B zero width space, U+200E/F LRM/RLM, U+202A–E embeddings and overrides,
/// U+2066–9 isolates, U+FEFF byte order mark / zero width no-break space.
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// `text` without marks; borrowed (no copy) when it has none, which ASCII text never has.
pub fn strip(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || !text.chars().any(is_mark) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|&c| !is_mark(c)).collect())
}

/// The character position in `original` of the character at `position` of
/// `strip(original)`: error positions point into what the user pasted.
pub fn original_position(original: &str, position: usize) -> usize {
    original
        .chars()
        .enumerate()
        .filter(|&(_, c)| !is_mark(c))
        .nth(position)
        .map_or(original.chars().count(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_dropped_anywhere() {
        assert!(matches!(strip("030 123"), Cow::Borrowed(_)));
        assert!(matches!(strip("０３０"), Cow::Borrowed(_)));
        assert_eq!(strip("\u{202A}030\u{200E} 12\u{2069}3\u{FEFF}"), "030 123");
    }

    #[test]
    fn positions_map_back() {
        let original = "\u{200E}0\u{200F}3a";
        assert_eq!(strip(original), "03a");
        assert_eq!(original_position(original, 2), 4);
        assert_eq!(original_position(original, 0), 1);
    }
}
