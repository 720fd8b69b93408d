//! Lower case without Unicode's case tables (they cost the widget's module 7.5 KB gzip):
//! every word numrep compares without case is ASCII or Latin-1 (`Büro`, `Rückruf`, column
//! and key names). Of the letters beyond Latin-1 only five lower into it in Unicode (the
//! Kelvin sign to `k`, `İ`, `Ÿ`, capital `ẞ`, the Ångström sign); nobody writes a label
//! with those, so they are left as they are.

/// `c` in lower case when it is an ASCII or Latin-1 capital (`A`–`Z`, `À`–`Þ` except
/// `×`), else `c` itself: the same as [`char::to_lowercase`] for all of Latin-1.
pub(crate) fn lower_latin1(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from(c as u8 + 0x20),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_unicode_on_latin1() {
        for c in '\0'..='\u{FF}' {
            let unicode: Vec<char> = c.to_lowercase().collect();
            assert_eq!(vec![lower_latin1(c)], unicode, "{c:?}");
        }
    }

    #[test]
    fn leaves_everything_else_as_it_is() {
        // Outside Latin-1 only these five lower to a Latin-1 letter in Unicode (`İ`,
        // `Ÿ`, capital `ẞ`, the Kelvin and Ångström signs); the words numrep compares
        // contain none of those letters.
        let mut to_latin1 = Vec::new();
        for c in ('\u{100}'..=char::MAX).filter(|c| lower_latin1(*c) == *c) {
            if c.to_lowercase()
                .next()
                .is_some_and(|l| u32::from(l) <= 0xFF)
            {
                to_latin1.push(c);
            }
        }
        assert_eq!(
            to_latin1,
            ['\u{130}', '\u{178}', '\u{1E9E}', '\u{212A}', '\u{212B}']
        );
    }
}
