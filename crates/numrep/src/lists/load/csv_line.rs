//! Splits CSV text into lines and one line into fields.
//!
//! Every line is one record: a quoted value may hold the delimiter and doubled quotes
//! (`"Nord, GmbH"`, `"sagt ""Hallo"""`) but not a line break. So a quote that is
//! opened and never closed is an error on its own line, and the rows after it are
//! read as rows, never swallowed into one endless value (what a general CSV reader
//! does with a stray quote).

use super::super::error::ListError;

/// The lines of a text with their 1-based numbers; `\n`, `\r\n` and a lone `\r`
/// end a line, and the terminator is not part of it.
pub(crate) struct Lines<'a> {
    rest: &'a str,
    next_number: u32,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            rest: text,
            next_number: 1,
        }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = (u32, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let bytes = self.rest.as_bytes();
        let end = bytes
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(bytes.len());
        let line = &self.rest[..end];
        let terminator = match bytes.get(end..end + 2) {
            Some(b"\r\n") => 2,
            _ if end < bytes.len() => 1,
            _ => 0,
        };
        self.rest = &self.rest[end + terminator..];
        let number = self.next_number;
        self.next_number = self.next_number.saturating_add(1);
        Some((number, line))
    }
}

/// The fields of one line, unquoted, kept in one reusable buffer.
#[derive(Debug, Default)]
pub(crate) struct Record {
    text: String,
    ends: Vec<usize>,
}

impl Record {
    /// Replaces the fields with those of `line`. On an unclosed quote the record is
    /// left partly filled and must not be used.
    pub(crate) fn split(&mut self, line: &str, delimiter: u8) -> Result<(), ListError> {
        self.text.clear();
        self.ends.clear();
        let bytes = line.as_bytes();
        let mut at = 0;
        loop {
            let start = at + leading_blanks(&bytes[at..], delimiter);
            if bytes.get(start) == Some(&b'"') {
                at = self.quoted(line, start + 1)?;
            } else {
                at = start;
            }
            // Unquoted text, or text after a closing quote, runs to the delimiter
            // (taken literally, as CSV readers do).
            let end = find(bytes, at, delimiter).unwrap_or(bytes.len());
            self.text.push_str(&line[at..end]);
            self.ends.push(self.text.len());
            if end == bytes.len() {
                return Ok(());
            }
            at = end + 1;
        }
    }

    /// Reads a quoted value whose content starts at `from`; returns the position
    /// after its closing quote.
    fn quoted(&mut self, line: &str, mut from: usize) -> Result<usize, ListError> {
        let bytes = line.as_bytes();
        loop {
            let Some(quote) = find(bytes, from, b'"') else {
                return Err(ListError::UnbalancedQuote {
                    field: self.ends.len() + 1,
                });
            };
            self.text.push_str(&line[from..quote]);
            if bytes.get(quote + 1) == Some(&b'"') {
                self.text.push('"');
                from = quote + 2;
            } else {
                return Ok(quote + 1);
            }
        }
    }

    /// Number of fields.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The `index`-th field (0-based), trimmed; `None` past the last field.
    pub(crate) fn get(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)?;
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]);
        Some(self.text[start..end].trim())
    }

    /// The fields, trimmed.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).filter_map(|index| self.get(index))
    }
}

/// Spaces (and tabs, unless tab is the delimiter) before a field's first character.
fn leading_blanks(bytes: &[u8], delimiter: u8) -> usize {
    bytes
        .iter()
        .take_while(|&&b| b == b' ' || (b == b'\t' && delimiter != b'\t'))
        .count()
}

fn find(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == byte)
        .map(|offset| from + offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(line: &str) -> Result<Vec<String>, ListError> {
        let mut record = Record::default();
        record.split(line, b',')?;
        Ok(record.iter().map(str::to_string).collect())
    }

    #[test]
    fn lines_end_at_any_terminator() {
        let lines: Vec<_> = Lines::new("a\nb\r\nc\rd\n\ne").collect();
        assert_eq!(
            lines,
            [(1, "a"), (2, "b"), (3, "c"), (4, "d"), (5, ""), (6, "e")]
        );
        assert_eq!(Lines::new("").count(), 0);
        assert_eq!(Lines::new("\n").collect::<Vec<_>>(), [(1, "")]);
    }

    #[test]
    fn splits_plain_and_quoted_fields() {
        assert_eq!(fields("a, b ,c").unwrap(), ["a", "b", "c"]);
        assert_eq!(fields("a,,").unwrap(), ["a", "", ""]);
        assert_eq!(fields("").unwrap(), [""]);
        assert_eq!(
            fields(r#"+49, "Nord, GmbH" ,"sagt ""Hallo""""#).unwrap(),
            ["+49", "Nord, GmbH", r#"sagt "Hallo""#]
        );
        assert_eq!(
            fields(r#"Nord "Süd" GmbH,x"#).unwrap(),
            [r#"Nord "Süd" GmbH"#, "x"]
        );
        assert_eq!(fields(r#""Nord" GmbH,x"#).unwrap(), ["Nord GmbH", "x"]);
        assert_eq!(fields(r#""ä""ö","""#).unwrap(), [r#"ä"ö"#, ""]);
    }

    #[test]
    fn an_unclosed_quote_names_its_field() {
        assert_eq!(
            fields(r#"+49,"Nord GmbH,2026-01-01"#),
            Err(ListError::UnbalancedQuote { field: 2 })
        );
        assert_eq!(
            fields(r#""a""b"#),
            Err(ListError::UnbalancedQuote { field: 1 })
        );
        assert_eq!(
            fields(r#"a,""#),
            Err(ListError::UnbalancedQuote { field: 2 })
        );
    }

    #[test]
    fn tab_delimiter_is_not_a_blank() {
        let mut record = Record::default();
        record.split("a\t\t\"b\tc\"", b'\t').unwrap();
        assert_eq!(record.iter().collect::<Vec<_>>(), ["a", "", "b\tc"]);
    }
}
