//! Reading inputs one line at a time, in constant memory.
//!
//! [`LineReader`] never holds more than [`MAX_LINE`] bytes of a line: the rest of an
//! over-long line is skipped (and counted) so that one huge line cannot exhaust memory.
//! It strips `\n`, `\r\n` and a UTF-8 byte-order mark on the first line, and hands out
//! lines that are not UTF-8 as [`Line::InvalidUtf8`] instead of failing.

use std::io::{self, BufRead};

/// The longest line kept, in bytes. Far above the core's own input cap (256
/// characters), so the core decides about every line a person could mean as a number.
pub const MAX_LINE: usize = 4096;

/// How much of a bad line is kept to show in the report's `input` field, in characters.
const SHOWN_CHARS: usize = 64;

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One line of input.
#[derive(Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// A line of text, without its line ending.
    Text(&'a str),
    /// A line longer than [`MAX_LINE`] bytes.
    TooLong {
        /// The start of the line (lossily decoded, at most 64 characters).
        start: String,
        /// The line's full length in bytes (without the line ending).
        bytes: u64,
    },
    /// A line that is not valid UTF-8.
    InvalidUtf8 {
        /// The line, lossily decoded and cut to 64 characters.
        shown: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
}

/// Splits a byte stream into [`Line`]s, reusing one buffer.
pub struct LineReader<R> {
    inner: R,
    buf: Vec<u8>,
    first: bool,
}

impl<R: BufRead> LineReader<R> {
    /// Wraps a buffered reader.
    pub fn new(inner: R) -> Self {
        LineReader {
            inner,
            buf: Vec::with_capacity(256),
            first: true,
        }
    }

    /// The next line, or `None` at the end of the input. A last line without a
    /// line ending counts; an empty input has no lines.
    pub fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        self.buf.clear();
        let mut total: u64 = 0;
        let mut seen_any = false;
        loop {
            let available = match self.inner.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                if !seen_any {
                    return Ok(None);
                }
                break;
            }
            seen_any = true;
            let (chunk, used, done) = match memchr::memchr(b'\n', available) {
                Some(i) => (&available[..i], i + 1, true),
                None => (available, available.len(), false),
            };
            total += chunk.len() as u64;
            let room = (MAX_LINE + 1).saturating_sub(self.buf.len());
            self.buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
            self.inner.consume(used);
            if done {
                break;
            }
        }

        let mut line: &[u8] = &self.buf;
        if self.first {
            self.first = false;
            if let Some(rest) = line.strip_prefix(BOM) {
                line = rest;
                total -= BOM.len() as u64;
            }
        }
        // Only a line kept whole can have its `\r` stripped here.
        if total == line.len() as u64 {
            if let Some(rest) = line.strip_suffix(b"\r") {
                line = rest;
                total -= 1;
            }
        }
        if total > MAX_LINE as u64 {
            return Ok(Some(Line::TooLong {
                start: shown(line, true),
                bytes: total,
            }));
        }
        match std::str::from_utf8(line) {
            Ok(text) => Ok(Some(Line::Text(text))),
            Err(e) => Ok(Some(Line::InvalidUtf8 {
                shown: shown(line, false),
                offset: e.valid_up_to(),
            })),
        }
    }
}

/// The start of a bad line as text a report can carry: lossily decoded, at most
/// [`SHOWN_CHARS`] characters, with `…` when cut (or when `cut` says the line was
/// already cut).
fn shown(bytes: &[u8], cut: bool) -> String {
    let head = &bytes[..bytes.len().min(SHOWN_CHARS * 4)];
    let lossy = String::from_utf8_lossy(head);
    let mut chars = lossy.chars();
    let mut out: String = chars.by_ref().take(SHOWN_CHARS).collect();
    if cut || chars.next().is_some() || head.len() < bytes.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<String> {
        let mut reader = LineReader::new(input);
        let mut out = Vec::new();
        while let Some(line) = reader.next_line().expect("in-memory read") {
            out.push(match line {
                Line::Text(t) => format!("T:{t}"),
                Line::TooLong { bytes, .. } => format!("L:{bytes}"),
                Line::InvalidUtf8 { offset, .. } => format!("U:{offset}"),
            });
        }
        out
    }

    #[test]
    fn splits_lf_crlf_and_last_line_without_newline() {
        assert_eq!(lines(b"a\r\nb\nc"), ["T:a", "T:b", "T:c"]);
        assert_eq!(lines(b"a\n\nb\n"), ["T:a", "T:", "T:b"]);
        assert!(lines(b"").is_empty());
        assert_eq!(lines(b"\n"), ["T:"]);
    }

    #[test]
    fn strips_bom_on_first_line_only() {
        assert_eq!(
            lines(b"\xEF\xBB\xBF110\n\xEF\xBB\xBF112\n"),
            ["T:110", "T:\u{feff}112"]
        );
    }

    #[test]
    fn invalid_utf8_is_a_line_of_its_own() {
        assert_eq!(lines(b"110\n03\xFF0\n112\n"), ["T:110", "U:2", "T:112"]);
    }

    #[test]
    fn over_long_line_is_reported_not_kept() {
        let mut input = vec![b'1'; MAX_LINE * 10];
        input.extend_from_slice(b"\n110\n");
        assert_eq!(
            lines(&input),
            [format!("L:{}", MAX_LINE * 10), "T:110".into()]
        );
        let exact = vec![b'1'; MAX_LINE];
        assert_eq!(lines(&exact), [format!("T:{}", "1".repeat(MAX_LINE))]);
        let mut with_cr = vec![b'1'; MAX_LINE];
        with_cr.extend_from_slice(b"\r\n");
        assert_eq!(lines(&with_cr), [format!("T:{}", "1".repeat(MAX_LINE))]);
        let mut one_more = vec![b'1'; MAX_LINE + 1];
        one_more.extend_from_slice(b"\r\n");
        assert_eq!(lines(&one_more), [format!("L:{}", MAX_LINE + 2)]);
    }

    #[test]
    fn lines_across_small_buffer_boundaries() {
        let data = b"0301234567\r\n+49 171 1234567\n110";
        let reader = io::BufReader::with_capacity(3, &data[..]);
        let mut reader = LineReader::new(reader);
        let mut got = Vec::new();
        while let Some(Line::Text(t)) = reader.next_line().expect("read") {
            got.push(t.to_string());
        }
        assert_eq!(got, ["0301234567", "+49 171 1234567", "110"]);
    }

    #[test]
    fn shown_cuts_long_text() {
        let s = shown(&[b'x'; 100], false);
        assert_eq!(s.chars().count(), SHOWN_CHARS + 1);
        assert!(s.ends_with('…'));
        assert_eq!(shown(b"abc", false), "abc");
        assert_eq!(shown(b"abc", true), "abc…");
        assert_eq!(shown(b"0\xFF1", false), "0\u{fffd}1");
    }
}
