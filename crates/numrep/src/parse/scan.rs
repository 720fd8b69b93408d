//! Reading the characters of the number part into digits, with precise errors.

use super::chars::{digit, is_plus, is_separator, vanity};
use crate::error::ParseError;

/// Most digits kept (bounded memory); more are counted and reported as too long.
pub const MAX_DIGITS: usize = 64;

/// What the characters said.
#[derive(Clone, Copy)]
pub struct Scanned {
    /// A leading `+`.
    pub plus: bool,
    /// The digits (vanity letters already mapped).
    pub digits: [u8; MAX_DIGITS],
    /// How many of `digits` are used.
    pub len: usize,
    /// How many digits the text has; more than [`MAX_DIGITS`] is an error of the whole
    /// (reported by [`Scanned::check_length`] after the vanity rule had its say).
    pub total: usize,
    /// The first letter read as a vanity digit; [`super::vanity`] decides whether the
    /// number is written as a vanity number at all.
    pub first_letter: Option<Letter>,
}

/// Where a letter was read as a digit.
#[derive(Clone, Copy)]
pub struct Letter {
    /// Index of its digit in [`Scanned::digits`].
    pub digit: usize,
    /// Byte offset in the scanned text.
    pub byte: usize,
    /// Character position in the scanned text.
    pub position: usize,
}

impl Scanned {
    /// Nothing read yet.
    const EMPTY: Scanned = Scanned {
        plus: false,
        digits: [0; MAX_DIGITS],
        len: 0,
        total: 0,
        first_letter: None,
    };

    /// The digits read.
    pub fn digits(&self) -> &[u8] {
        &self.digits[..self.len]
    }

    /// `TooLong` when the text had more than [`MAX_DIGITS`] digits.
    pub fn check_length(&self) -> Result<(), ParseError> {
        if self.total > MAX_DIGITS {
            return Err(ParseError::TooLong {
                digits: self.total,
                max: MAX_DIGITS,
            });
        }
        Ok(())
    }

    /// What was read before `letter` (no letters).
    pub fn before(&self, letter: Letter) -> Scanned {
        Scanned {
            len: letter.digit.min(self.len),
            total: letter.digit.min(self.len),
            first_letter: None,
            ..*self
        }
    }
}

/// What a byte is to [`scan_plain`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Plain {
    /// A separator (`space`, tab, `-`, `/`, `.`, `)`, `[`, `]`): skipped.
    Separator = 0,
    /// An ASCII digit: kept.
    Digit = 1,
    /// `+` or `(`: allowed in some places only.
    Special = 2,
    /// Anything else: not plain text.
    Other = 3,
}

/// [`Plain`] of every byte.
static PLAIN: [Plain; 256] = {
    let mut table = [Plain::Other; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'0'..=b'9' => Plain::Digit,
            b' ' | b'\t' | b'-' | b'/' | b'.' | b')' | b'[' | b']' => Plain::Separator,
            b'+' | b'(' => Plain::Special,
            _ => Plain::Other,
        };
        b += 1;
    }
    table
};

/// Scans plain text: ASCII digits, separators, a leading `+` and `(0)`, nothing else
/// (nearly every number). `None` for anything more (a letter, a non-ASCII character, a
/// stray `+`), no digit, or more than [`MAX_DIGITS`] bytes: the caller then reads the
/// text in full, labels, notes and precise errors included. Plain text reads the same both ways (a property test checks
/// it); this loop only skips the character decoding and error positions the full reader
/// needs.
///
/// Digits and separators take the same branch-free path (every byte is stored, only a
/// digit moves on), so the switch between them costs no mispredicted branch.
///
/// Always inlined into its one caller: returned by value, the 64-digit buffer would
/// otherwise be copied out (and the compiler's choice flips with unrelated changes).
#[inline(always)]
pub fn scan_plain(text: &str) -> Option<Scanned> {
    let bytes = text.as_bytes();
    // At most as many bytes as digits are kept: then the digit count before any byte
    // is below MAX_DIGITS, so every store is in bounds without a check or a clamp
    // (longer texts, rare, take the full reader).
    if bytes.len() > MAX_DIGITS {
        return None;
    }
    let mut digits = [0u8; MAX_DIGITS];
    // A leading `+` (most international numbers) read without a branch.
    let mut plus = bytes.first() == Some(&b'+');
    let (mut total, mut at) = (0usize, usize::from(plus));
    while let Some(&b) = bytes.get(at) {
        at += 1;
        let mut d = b;
        let class = PLAIN[usize::from(b)];
        let mut step = class as usize;
        if class as u8 >= Plain::Special as u8 {
            match b {
                b'(' if total > 0 && is_paren_zero(&text[at - 1..]) => {
                    at += paren_zero_len(&text[at - 1..]) - 1;
                    (d, step) = (b'0', 1);
                }
                b'(' => step = 0,
                b'+' if !plus && total == 0 => {
                    plus = true;
                    continue;
                }
                _ => return None,
            }
        }
        // `total` < MAX_DIGITS here (fewer digits than bytes before this one), so
        // the mask never wraps; it only spares the bounds check.
        digits[total % MAX_DIGITS] = d;
        total += step;
    }
    (total > 0).then_some(Scanned {
        plus,
        digits,
        len: total,
        total,
        first_letter: None,
    })
}

/// Scans `text`; error positions are character positions in `text`.
pub fn scan(text: &str) -> Result<Scanned, ParseError> {
    let mut s = Scanned::EMPTY;
    let mut total = 0usize;
    let mut letters_allowed = false;
    // Bytes for ASCII (nearly every input), chars only where the text is not ASCII.
    let (mut byte, mut pos) = (0usize, 0usize);
    while let Some(&b) = text.as_bytes().get(byte) {
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            text[byte..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER)
        };
        let (at, position) = (byte, pos);
        byte += c.len_utf8();
        pos += 1;
        let d = if b.is_ascii_digit() {
            letters_allowed = true;
            b
        } else if let Some(d) = digit(c) {
            letters_allowed = true;
            d
        } else if is_plus(c) {
            if s.plus || total > 0 {
                return Err(ParseError::InvalidCharacter { ch: c, position });
            }
            s.plus = true;
            continue;
        } else if c == '(' && total > 0 && is_paren_zero(&text[at..]) {
            // `(0)` (the `+49 (0)30` habit): a zero, which the calling code's national
            // prefix rule then drops. The group is ASCII, so characters and bytes agree.
            let rest = paren_zero_len(&text[at..]) - 1;
            byte += rest;
            pos += rest;
            b'0'
        } else if is_separator(c) {
            continue;
        } else if let Some(d) = vanity(c).filter(|_| letters_allowed && in_word(text, at)) {
            s.first_letter.get_or_insert(Letter {
                digit: total,
                byte: at,
                position,
            });
            d
        } else {
            return Err(ParseError::InvalidCharacter { ch: c, position });
        };
        if total < MAX_DIGITS {
            s.digits[total] = d;
            s.len = total + 1;
        }
        total += 1;
    }
    s.total = total;
    if total == 0 {
        return Err(ParseError::NoDigits);
    }
    Ok(s)
}

/// Vanity letters come as words (`0800 FLOWERS`): a letter counts only inside a run of
/// at least three, so a stray `a` in `030 12a` is reported instead of read as 2.
fn in_word(text: &str, byte: usize) -> bool {
    // Three letters decide: counting stops there (a long word costs no more).
    let is_letter = |c: &char| c.is_ascii_alphabetic();
    let before = text[..byte]
        .chars()
        .rev()
        .take(3)
        .take_while(is_letter)
        .count();
    let after = text[byte..].chars().take(3).take_while(is_letter).count();
    before + after >= 3
}

/// `(0)` with optional blanks inside, at the start of `rest`.
fn is_paren_zero(rest: &str) -> bool {
    let inner = rest[1..].trim_start_matches(' ');
    inner.starts_with('0') && inner[1..].trim_start_matches(' ').starts_with(')')
}

/// Characters in the `(0)` group at the start of `rest`.
fn paren_zero_len(rest: &str) -> usize {
    rest.chars().position(|c| c == ')').map_or(1, |p| p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The plain scanner reads what the full scanner reads, past the kept digits too
        /// (the digit count, and the first [`MAX_DIGITS`] digits, of texts with more).
        #[test]
        fn plain_scan_reads_as_the_full_scan(text in "[0-9 \t+()\\[\\]./-]{0,200}") {
            if let Some(plain) = scan_plain(&text) {
                let full = scan(&text).expect("plain text scans in full");
                prop_assert_eq!(plain.plus, full.plus);
                prop_assert_eq!(plain.total, full.total);
                prop_assert_eq!(plain.digits(), full.digits());
            }
        }
    }
}
