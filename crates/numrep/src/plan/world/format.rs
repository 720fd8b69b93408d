//! Formatting a national number by its territory's format rules, as libphonenumber's
//! `format_number` does: the first rule whose leading digits start the number and whose
//! pattern fits the whole number decides the groups; its template places them.

use std::fmt;

use super::automaton::NOTHING;
use super::tables::{AUTOMATA, FORMAT_PATTERNS, FORMAT_RULES, TEMPLATES};
use super::{main_territory, Territory};
use crate::digits::code_digits;

/// libphonenumber's `PhoneNumberFormat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FormatMode {
    /// `+4930123456`
    E164,
    /// `+49 30 123456`
    International,
    /// `030 123456`
    National,
    /// `tel:+49-30-123456`
    Rfc3966,
}

/// Longest text a format produces (17 digits, template marks, `tel:+ccc-`).
const CAPACITY: usize = 64;

/// A formatted number, kept inline (no allocation).
#[derive(Clone, Copy)]
pub(crate) struct FormattedText {
    bytes: [u8; CAPACITY],
    len: usize,
}

impl FormattedText {
    pub(crate) fn new() -> Self {
        FormattedText {
            bytes: [0; CAPACITY],
            len: 0,
        }
    }

    pub(crate) fn push(&mut self, b: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    pub(crate) fn push_str(&mut self, s: &[u8]) {
        for &b in s {
            self.push(b);
        }
    }

    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII is ever pushed (digits, templates and prefixes are ASCII).
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

impl fmt::Display for FormattedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for FormattedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// The group boundaries of `national` under a format pattern, if the pattern fits.
pub(super) fn split(pattern: u16, national: &[u8]) -> Option<[(usize, usize); 9]> {
    let p = FORMAT_PATTERNS.get(usize::from(pattern))?;
    if AUTOMATA.full(p.full, national) == 0 {
        return None;
    }
    let fixed: usize = p
        .groups
        .chunks_exact(2)
        .filter(|g| g[0] == g[1])
        .map(|g| usize::from(g[0]))
        .sum();
    let mut spans = [(0, 0); 9];
    let mut at = 0;
    for (slot, g) in spans.iter_mut().zip(p.groups.chunks_exact(2)) {
        let len = if g[0] == g[1] {
            usize::from(g[0])
        } else {
            national.len().checked_sub(fixed)?
        };
        *slot = (at, at + len);
        at += len;
    }
    (at == national.len()).then_some(spans)
}

/// Writes `template` with `\N` replaced by group N and `$CC` by `carrier`.
fn fill(out: &mut FormattedText, template: &str, national: &[u8], spans: &[(usize, usize); 9]) {
    let t = template.as_bytes();
    let mut i = 0;
    while i < t.len() {
        if t[i] == b'\\' && i + 1 < t.len() && t[i + 1].is_ascii_digit() {
            let n = usize::from(t[i + 1] - b'0');
            if let Some(&(a, b)) = n.checked_sub(1).and_then(|k| spans.get(k)) {
                out.push_str(&national[a..b]);
            }
            i += 2;
        } else {
            out.push(t[i]);
            i += 1;
        }
    }
}

/// The formatted national part (`30 123456`, `030 123456`) under `territory`'s rules.
fn national_part(territory: &Territory, national: &[u8], mode: FormatMode) -> FormattedText {
    let rules = match (mode, territory.international_formats) {
        (FormatMode::National, _) | (_, None) => territory.national_formats,
        (_, Some(international)) => international,
    };
    let mut out = FormattedText::new();
    for &id in rules {
        let Some(rule) = FORMAT_RULES.get(usize::from(id)) else {
            continue;
        };
        if rule.leading_digits != NOTHING && AUTOMATA.prefixes(rule.leading_digits, national) == 0 {
            continue;
        }
        let Some(spans) = split(rule.pattern, national) else {
            continue;
        };
        let template = if mode == FormatMode::National {
            rule.national
        } else {
            rule.international
        };
        fill(
            &mut out,
            TEMPLATES.get(usize::from(template)).copied().unwrap_or(""),
            national,
            &spans,
        );
        return out;
    }
    out.push_str(national);
    out
}

fn is_separator(b: u8) -> bool {
    !b.is_ascii_digit()
}

/// Formats `+code national` (ASCII digits) in `mode` with the format rules of the
/// calling code's main territory, exactly as libphonenumber's `format_number`
/// (without extension and carrier code). `None` for an unknown calling code (E.164
/// still formats).
pub(crate) fn format(code: u16, national: &[u8], mode: FormatMode) -> Option<FormattedText> {
    let mut out = FormattedText::new();
    let mut cc_digits = [0u8; 3];
    let cc = code_digits(code, &mut cc_digits).as_bytes();
    if mode == FormatMode::E164 {
        out.push(b'+');
        out.push_str(cc);
        out.push_str(national);
        return Some(out);
    }
    let territory = main_territory(code)?;
    let part = national_part(territory, national, mode);
    match mode {
        FormatMode::National => return Some(part),
        FormatMode::International => {
            out.push(b'+');
            out.push_str(cc);
            out.push(b' ');
            out.push_str(part.as_str().as_bytes());
        }
        FormatMode::Rfc3966 | FormatMode::E164 => {
            out.push_str(b"tel:+");
            out.push_str(cc);
            out.push(b'-');
            // Separators become one dash; leading ones go.
            let text = part.as_str().as_bytes();
            let start = text
                .iter()
                .position(|&b| !is_separator(b))
                .unwrap_or(text.len());
            let mut gap = false;
            for &b in &text[start..] {
                if is_separator(b) {
                    gap = true;
                } else {
                    if gap {
                        out.push(b'-');
                        gap = false;
                    }
                    out.push(b);
                }
            }
        }
    }
    Some(out)
}
