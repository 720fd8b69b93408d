//! What each character of a written number means.

/// Zero code points of the Unicode decimal-digit runs numrep accepts (each run is 0–9).
const DIGIT_ZEROS: [u32; 37] = [
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xAA50, 0xABF0, 0xFF10,
    0x1D7CE,
];

/// The ASCII digit for any decimal digit (ASCII, full-width, Arabic-Indic, Devanagari …).
pub fn digit(c: char) -> Option<u8> {
    let cp = u32::from(c);
    if c.is_ascii_digit() {
        return Some(c as u8);
    }
    if cp < 0x0660 {
        return None;
    }
    // The runs are sorted and apart: only the last zero at or below `cp` can hold it.
    let run = DIGIT_ZEROS
        .partition_point(|&zero| zero <= cp)
        .checked_sub(1)?;
    let offset = cp - DIGIT_ZEROS[run];
    (offset < 10).then(|| b'0' + offset as u8)
}

/// Whether `text` holds a decimal digit (ASCII or any other script's, as [`digit`]).
pub fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        || (!text.is_ascii() && text.chars().any(|c| digit(c).is_some()))
}

/// The keypad digit for a vanity letter (ITU E.161: ABC=2 … WXYZ=9).
pub fn vanity(c: char) -> Option<u8> {
    let d = match c.to_ascii_uppercase() {
        'A'..='C' => b'2',
        'D'..='F' => b'3',
        'G'..='I' => b'4',
        'J'..='L' => b'5',
        'M'..='O' => b'6',
        'P'..='S' => b'7',
        'T'..='V' => b'8',
        'W'..='Z' => b'9',
        _ => return None,
    };
    Some(d)
}

/// A character people put between digit groups.
pub fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '-'
            | '/'
            | '.'
            | '('
            | ')'
            | '['
            | ']'
            | '\u{00A0}'
            | '\u{2002}'..='\u{200B}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
            | '\u{2010}'..='\u{2015}'
            | '\u{2212}'
            | '\u{FF08}'
            | '\u{FF09}'
            | '\u{FF0D}'
            | '\u{FF0E}'
            | '\u{FF0F}'
    )
}

/// `+` or its full-width form.
pub fn is_plus(c: char) -> bool {
    c == '+' || c == '\u{FF0B}'
}

/// Whitespace to trim around the input.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}'
}

/// A quotation mark people copy along with a number (`„030 1234567“`, `"…"`, `«…»`),
/// or the apostrophe spreadsheets put before a `+` to keep it text (`'+49 30 …`).
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '„' | '“' | '”' | '‚' | '‘' | '’' | '«' | '»' | '‹' | '›' | '＂' | '＇'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_digit_of_every_run_and_nothing_around_them() {
        assert!(
            DIGIT_ZEROS.windows(2).all(|w| w[0] + 10 <= w[1]),
            "sorted, apart"
        );
        for zero in DIGIT_ZEROS {
            for d in 0..10u8 {
                let c = char::from_u32(zero + u32::from(d)).unwrap();
                assert_eq!(digit(c), Some(b'0' + d), "{c:?}");
            }
            for outside in [zero - 1, zero + 10] {
                let c = char::from_u32(outside).unwrap();
                assert_eq!(digit(c), None, "{c:?}");
            }
        }
    }
}
