//! Reports for input lines the core never sees: over-long lines and lines that are
//! not UTF-8. They look like any other failed lookup (`ok: false`, an `error` with
//! a code), so every input line gets exactly one output row.

use numrep::{Lang, Options, Report};

use crate::input::MAX_LINE;

/// A failed report for a line longer than [`MAX_LINE`] bytes.
pub fn too_long(start: String, bytes: u64, options: &Options) -> Report {
    let message = match options.language() {
        Lang::De => format!(
            "die Zeile ist {bytes} Bytes lang; höchstens {MAX_LINE} werden gelesen, daher wurde sie übersprungen"
        ),
        _ => format!(
            "the line is {bytes} bytes long; at most {MAX_LINE} are read, so it was skipped"
        ),
    };
    Report::rejected(&start, "line_too_long", message, options)
}

/// A failed report for a line that is not UTF-8.
pub fn invalid_utf8(shown: String, offset: usize, options: &Options) -> Report {
    let message = match options.language() {
        Lang::De => format!(
            "die Zeile ist kein gültiges UTF-8 (erstes ungültiges Byte an Stelle {offset}); bitte die Datei als UTF-8 speichern"
        ),
        _ => format!(
            "the line is not valid UTF-8 (first bad byte at offset {offset}); save the file as UTF-8"
        ),
    };
    Report::rejected(&shown, "invalid_utf8", message, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_failed_reports() {
        let r = too_long("1111…".into(), 100_000, &Options::default());
        assert!(!r.is_ok());
        assert_eq!(r.error().map(|e| e.code()), Some("line_too_long"));
        assert!(r.risk().is_none());
        let r = invalid_utf8("0\u{fffd}".into(), 1, &Options::default());
        assert_eq!(r.error().map(|e| e.code()), Some("invalid_utf8"));
        assert_eq!(r.input(), "0\u{fffd}");
    }
}
