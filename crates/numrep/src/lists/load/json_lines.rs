//! Finds the line on which each element of the entries array starts.
//!
//! `serde_json` does not report positions of parsed values, so one cheap pass over
//! the text records, for the top-level array (or the array under the top-level key
//! `"entries"`), the 1-based line of every element. Malformed text just yields fewer
//! lines; the parser reports the syntax error itself.

/// Lines of the first `limit` elements of the entries array, in order.
pub(crate) fn element_lines(text: &str, limit: usize) -> Vec<u32> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
        line: 1,
    };
    let mut lines = Vec::new();
    scanner.skip_whitespace();
    match scanner.peek() {
        Some(b'[') => scanner.array_elements(&mut lines, limit),
        Some(b'{') if scanner.find_entries_value() => scanner.array_elements(&mut lines, limit),
        _ => {}
    }
    lines
}

/// Bytes that end a scalar value.
fn is_delimiter(byte: u8) -> bool {
    matches!(
        byte,
        b',' | b']' | b'}' | b':' | b' ' | b'\t' | b'\r' | b'\n'
    )
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    line: u32,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        if byte == b'\n' {
            self.line = self.line.saturating_add(1);
        }
        Some(byte)
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.bump();
        }
    }

    /// Skips a string starting at `"`; returns its raw content.
    fn string(&mut self) -> Option<&[u8]> {
        self.bump();
        let start = self.at;
        loop {
            match self.bump()? {
                b'"' => return self.bytes.get(start..self.at - 1),
                b'\\' => {
                    self.bump()?;
                }
                _ => {}
            }
        }
    }

    /// Skips one value of any kind; containers without recursion.
    fn skip_value(&mut self) {
        match self.peek() {
            Some(b'"') => {
                self.string();
            }
            Some(b'[' | b'{') => self.skip_container(),
            _ => {
                while matches!(self.peek(), Some(byte) if !is_delimiter(byte)) {
                    self.bump();
                }
            }
        }
    }

    /// At `[` or `{`: skips to just after the matching close.
    fn skip_container(&mut self) {
        let mut depth = 0usize;
        loop {
            match self.peek() {
                None => return,
                Some(b'"') => {
                    if self.string().is_none() {
                        return;
                    }
                }
                Some(b'[' | b'{') => {
                    depth += 1;
                    self.bump();
                }
                Some(b']' | b'}') => {
                    self.bump();
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                Some(_) => {
                    self.bump();
                }
            }
        }
    }

    /// At `[`: records the line of each element and stops after `]`.
    fn array_elements(&mut self, lines: &mut Vec<u32>, limit: usize) {
        self.bump();
        loop {
            self.skip_whitespace();
            match self.peek() {
                None => return,
                Some(b']') => {
                    self.bump();
                    return;
                }
                Some(b',') => {
                    self.bump();
                }
                Some(_) if lines.len() >= limit => return,
                Some(_) => {
                    lines.push(self.line);
                    let before = self.at;
                    self.skip_value();
                    if self.at == before {
                        return;
                    }
                }
            }
        }
    }

    /// At `{`: moves to the value of the top-level key `"entries"`; false if absent.
    fn find_entries_value(&mut self) -> bool {
        self.bump();
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b'"') => {
                    let is_entries = self.string() == Some(b"entries".as_slice());
                    self.skip_whitespace();
                    if self.peek() != Some(b':') {
                        return false;
                    }
                    self.bump();
                    self.skip_whitespace();
                    if is_entries {
                        return self.peek() == Some(b'[');
                    }
                    let before = self.at;
                    self.skip_value();
                    if self.at == before {
                        return false;
                    }
                }
                Some(b',') => {
                    self.bump();
                }
                _ => return false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_lines_of_top_level_array_elements() {
        let text = "[\n  {\"a\": [1, {\"b\": \"]\"}]},\n  \"x\\\"y\",\n\n  {\"c\": 2}, 17, true\n]";
        assert_eq!(element_lines(text, usize::MAX), [2, 3, 5, 5, 5]);
    }

    #[test]
    fn finds_lines_under_entries_key() {
        let text = "{\n \"version\": {\"entries\": [9]},\n \"entries\": [\n  {},\n  {}\n ]\n}";
        assert_eq!(element_lines(text, usize::MAX), [4, 5]);
    }

    #[test]
    fn stops_at_the_limit() {
        assert_eq!(element_lines("[1,\n2,\n3]", 2), [1, 2]);
    }

    #[test]
    fn malformed_text_does_not_hang_or_panic() {
        for text in [
            "[",
            "[{",
            "{\"entries\"",
            "{\"entries\": [\"",
            "[1 2 3",
            "]",
            "{,,,}",
            "[,,]",
        ] {
            let _ = element_lines(text, 10);
        }
    }
}
