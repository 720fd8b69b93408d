//! Making text from inputs, lists and services safe to show.
//!
//! - [`for_terminal`]: control characters (C0, DEL, C1) and the invisible bidirectional
//!   controls that reorder text (U+061C, U+200E/F, U+202A–E, U+2066–9) are shown escaped,
//!   so a hostile input or vendor name can neither drive the terminal nor make a row
//!   read backwards.
//! - [`for_spreadsheet`]: a cell that starts with `=`, `+`, `-`, `@`, tab or CR is
//!   prefixed with `'` so a spreadsheet shows it as text instead of running it as a
//!   formula (OWASP CSV injection).
//! - [`elide`]: a value cut to a number of terminal columns, ending in `…`.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// True for a character that must not reach a terminal or a spreadsheet as it is.
fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// `s` with control and bidirectional-control characters escaped (`\u{202e}`).
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    // Control characters are C0 (bytes below 0x20), DEL and C1 (0xC2 0x80..0x9F); the
    // bidi controls are encoded with lead bytes 0xD8 (U+061C) and 0xE2 (U+20xx). A byte
    // scan rules them out cheaply for almost every string.
    let maybe = s
        .bytes()
        .any(|b| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2);
    if !maybe || !s.chars().any(is_hidden_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hidden_control(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` made safe for a spreadsheet cell: escaped like [`for_terminal`], and prefixed
/// with `'` when it would start a formula.
pub fn for_spreadsheet(s: &str) -> Cow<'_, str> {
    let shown = for_terminal(s);
    if shown.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{shown}"))
    } else {
        shown
    }
}

/// At most `columns` terminal columns of `s`; a cut value ends in `…`.
pub fn elide(s: &str, columns: usize) -> Cow<'_, str> {
    if s.len() <= columns && s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > columns.saturating_sub(1) {
            let rest_fits = s[i..]
                .chars()
                .map(|c| c.width().unwrap_or(0))
                .sum::<usize>()
                + used
                <= columns;
            if rest_fits {
                return Cow::Borrowed(s);
            }
            return Cow::Owned(format!("{}…", &s[..i]));
        }
        used += w;
    }
    Cow::Borrowed(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_escaped() {
        assert!(matches!(for_terminal("+49 30 123"), Cow::Borrowed(_)));
        assert!(matches!(for_terminal("Zürich – München"), Cow::Borrowed(_)));
        assert_eq!(for_terminal("a\u{9b}b"), "a\\u{9b}b");
        assert_eq!(for_terminal("a\u{7f}b"), "a\\u{7f}b");
        assert_eq!(for_terminal("a\tb"), "a\\tb");
        assert_eq!(for_terminal("\u{202E}gnp.exe"), "\\u{202e}gnp.exe");
        assert_eq!(for_terminal("x\u{2066}y\u{2069}"), "x\\u{2066}y\\u{2069}");
        assert_eq!(for_terminal("\u{200F}"), "\\u{200f}");
    }

    #[test]
    fn formulas_become_text() {
        for cell in [
            "=HYPERLINK(\"x\")",
            "+49 30 1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            let safe = for_spreadsheet(cell);
            assert!(
                !safe.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} → {safe:?}"
            );
        }
        assert_eq!(for_spreadsheet("=1+1"), "'=1+1");
        assert_eq!(for_spreadsheet("030 1234567"), "030 1234567");
        assert_eq!(for_spreadsheet("Callcenter Nord"), "Callcenter Nord");
    }

    #[test]
    fn long_values_are_cut_by_columns() {
        assert_eq!(elide("short", 10), "short");
        assert_eq!(elide("0123456789", 10), "0123456789");
        assert_eq!(elide("01234567890", 10), "012345678…");
        assert_eq!(elide("０１２３４５", 6), "０１…");
        assert_eq!(elide("ü", 1), "ü");
    }
}
