//! A small inline buffer of ASCII digits (no heap allocation).

use std::fmt;

/// Up to [`Digits::CAPACITY`] ASCII digits, stored inline.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Digits {
    buf: [u8; Digits::CAPACITY],
    len: u8,
}

impl Digits {
    /// The most digits a buffer holds.
    pub const CAPACITY: usize = 20;

    /// An empty buffer.
    pub const fn new() -> Digits {
        Digits {
            buf: [b'0'; Digits::CAPACITY],
            len: 0,
        }
    }

    /// Copies ASCII digits; `None` when they do not fit or are not all digits.
    pub fn from_ascii(digits: &[u8]) -> Option<Digits> {
        let d = Digits::copied(digits)?;
        // Checks the whole buffer (the unused rest is '0'): a fixed-length loop without
        // an early exit, so the number's length costs no mispredicted branch.
        d.buf
            .iter()
            .fold(true, |all, b| all & b.is_ascii_digit())
            .then_some(d)
    }

    /// Copies digits the caller read as ASCII digits (the parser's scanned digits);
    /// `None` when they do not fit. Unlike [`Digits::from_ascii`] it does not check them
    /// again (a debug build does).
    pub(crate) fn from_digits(digits: &[u8]) -> Option<Digits> {
        debug_assert!(digits.iter().all(u8::is_ascii_digit), "{digits:?}");
        Digits::copied(digits)
    }

    /// The bytes copied in, unchecked; `None` when they do not fit.
    fn copied(digits: &[u8]) -> Option<Digits> {
        let mut d = Digits::new();
        d.buf.get_mut(..digits.len())?.copy_from_slice(digits);
        d.len = digits.len() as u8;
        Some(d)
    }

    /// `head` then `tail` (ASCII digits), cut at [`Digits::CAPACITY`] as
    /// [`Digits::push`] would cut them: two copies instead of a push per digit.
    pub(crate) fn joined(head: &[u8], tail: &[u8]) -> Digits {
        let mut d = Digits::new();
        let head = &head[..head.len().min(Digits::CAPACITY)];
        let tail = &tail[..tail.len().min(Digits::CAPACITY - head.len())];
        let (front, back) = d.buf.split_at_mut(head.len());
        front.copy_from_slice(head);
        back[..tail.len()].copy_from_slice(tail);
        d.len = (head.len() + tail.len()) as u8;
        d
    }

    /// Appends one ASCII digit; false when full.
    pub fn push(&mut self, digit: u8) -> bool {
        if usize::from(self.len) == Digits::CAPACITY {
            return false;
        }
        self.buf[usize::from(self.len)] = digit;
        self.len += 1;
        true
    }

    /// The digits as bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..usize::from(self.len)]
    }

    /// The digits as text.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// Number of digits.
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// True when there are no digits.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The 1–3 digits of a calling code (`49`), written into `buf`.
pub(crate) fn code_digits(code: u16, buf: &mut [u8; 3]) -> &str {
    let len = match code {
        0..=9 => 1,
        10..=99 => 2,
        _ => 3,
    };
    let mut rest = code;
    for slot in buf[..len].iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    // Only ASCII digits were written.
    std::str::from_utf8(&buf[..len]).unwrap_or_default()
}

impl Default for Digits {
    fn default() -> Self {
        Digits::new()
    }
}

impl fmt::Debug for Digits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl fmt::Display for Digits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `joined` as pushes would build it.
    fn pushed(head: &[u8], tail: &[u8]) -> Digits {
        let mut d = Digits::new();
        for &b in head.iter().chain(tail) {
            d.push(b);
        }
        d
    }

    #[test]
    fn joined_equals_digit_by_digit_pushes_up_to_and_past_capacity() {
        let digits = b"98765432109876543210987";
        for head in 0..=4 {
            for tail in 0..=digits.len() - head {
                let (h, t) = (&digits[..head], &digits[head..head + tail]);
                assert_eq!(Digits::joined(h, t), pushed(h, t), "{head} + {tail}");
            }
        }
    }
}
