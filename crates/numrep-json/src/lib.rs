//! JSON syntax (RFC 8259) for numrep's list files and the widget's configuration: a
//! [`Reader`] over the text that hands out keys and text values, reads past values it
//! is not asked for, and knows where it is (the line an element starts on, the line and
//! column of an error).
//!
//! Written for what those files need instead of `serde_json`'s deserializer (~25 KB of
//! the widget's module with its visitors): no numbers are converted (a value of another
//! type than text is only recognised, as [`Field::Other`]), no value tree is built, and
//! nesting is bounded as `serde_json` bounds it for a `Value`. Unlike `serde_json`, a
//! `\u` escape naming half of a surrogate pair is an error wherever it stands, not only
//! in values it decodes.
//!
//! ```
//! use numrep_json::{Field, Reader, SyntaxError};
//!
//! let mut reader = Reader::new("{\"lang\": \"de\",\n \"max\": 3}");
//! let mut members = Vec::new();
//! reader.object(|reader, key, line| {
//!     members.push((key, line, reader.field(1)?));
//!     Ok::<_, SyntaxError>(())
//! })?;
//! reader.end()?;
//! assert_eq!(members[0], ("lang".into(), 1, Field::Text("de".into())));
//! assert_eq!(members[1], ("max".into(), 2, Field::Other));
//! # Ok::<_, SyntaxError>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![warn(unnameable_types)]
#![warn(missing_debug_implementations)]

use std::borrow::Cow;
use std::fmt;

/// Nesting of arrays and objects refused (as `serde_json` refuses it for a `Value`).
const MAX_DEPTH: usize = 128;

/// What is wrong with the text, where.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SyntaxError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What was found instead of what the grammar allows.
    pub problem: Problem,
}

/// `line 3, column 7: expected a value`.
impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.problem
        )
    }
}

impl std::error::Error for SyntaxError {}

/// The ways JSON text can be malformed; `Display` says it in a few English words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// The text ends before a value, array or object does.
    EndInValue,
    /// The text ends inside a string.
    EndInString,
    /// Something that starts no value.
    ExpectedValue,
    /// An array's element is followed by neither `,` nor `]`.
    ExpectedListComma,
    /// An object's member is followed by neither `,` nor `}`.
    ExpectedObjectComma,
    /// A key is not followed by `:`.
    ExpectedColon,
    /// An object's key is not a string.
    KeyNotString,
    /// A `,` right before `]` or `}`.
    TrailingComma,
    /// More than blanks after the document.
    TrailingCharacters,
    /// A `\` escape JSON does not have, or a `\u` without four hex digits.
    InvalidEscape,
    /// A `\u` escape of half a surrogate pair without the other half.
    LoneSurrogate,
    /// A raw control character (U+0000–U+001F) in a string.
    ControlCharacter,
    /// A number JSON's grammar does not allow (`01`, `1.`, `-`, `1e`).
    InvalidNumber,
    /// Arrays and objects nested 128 deep.
    TooDeep,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Problem::EndInValue => "the text ends inside a value",
            Problem::EndInString => "the text ends inside a string",
            Problem::ExpectedValue => "expected a value",
            Problem::ExpectedListComma => "expected `,` or `]`",
            Problem::ExpectedObjectComma => "expected `,` or `}`",
            Problem::ExpectedColon => "expected `:`",
            Problem::KeyNotString => "a key must be a string",
            Problem::TrailingComma => "a comma before the closing bracket",
            Problem::TrailingCharacters => "text after the end of the document",
            Problem::InvalidEscape => "invalid escape in a string",
            Problem::LoneSurrogate => "a \\u escape names half of a surrogate pair",
            Problem::ControlCharacter => "a control character (U+0000–U+001F) in a string",
            Problem::InvalidNumber => "invalid number",
            Problem::TooDeep => "arrays and objects nested 128 deep",
        })
    }
}

/// A value as far as a list entry or a configuration key needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field<'a> {
    /// `null`.
    Null,
    /// A string, decoded.
    Text(Cow<'a, str>),
    /// A number, `true`, `false`, an array or an object.
    Other,
}

/// A position in JSON text. Methods that read skip the blanks before what they read.
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
    /// Newlines before `counted`, plus one: the line `counted` is on.
    line: usize,
    counted: usize,
}

/// Where the reader stands, not the text (which may be long).
impl fmt::Debug for Reader<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reader")
            .field("at", &self.at)
            .field("len", &self.text.len())
            .finish_non_exhaustive()
    }
}

type Result<T> = std::result::Result<T, SyntaxError>;

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Reader {
            text,
            at: 0,
            line: 1,
            counted: 0,
        }
    }

    /// The next byte after blanks, not taken.
    pub fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.byte() {
            self.at += 1;
        }
        self.byte()
    }

    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// The line of the next byte after blanks (where an element starts).
    pub fn next_line(&mut self) -> usize {
        self.peek();
        self.line()
    }

    /// The line of the current position. Each byte is counted once.
    fn line(&mut self) -> usize {
        let passed = self.text.as_bytes()[self.counted..self.at].iter();
        self.line += passed.filter(|&&b| b == b'\n').count();
        self.counted = self.at;
        self.line
    }

    /// An error at the current position.
    fn error(&mut self, problem: Problem) -> SyntaxError {
        let line = self.line();
        let line_start = self.text[..self.at].rfind('\n').map_or(0, |i| i + 1);
        SyntaxError {
            line,
            column: self.text[line_start..self.at].chars().count() + 1,
            problem,
        }
    }

    /// Checks that nothing but blanks is left.
    pub fn end(&mut self) -> Result<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error(Problem::TrailingCharacters)),
        }
    }

    /// After an element or member: whether another follows (`,`) or `close` ends the
    /// container.
    fn separator(&mut self, close: u8, expected: Problem) -> Result<bool> {
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                if self.peek() == Some(close) {
                    return Err(self.error(Problem::TrailingComma));
                }
                Ok(true)
            }
            Some(b) if b == close => {
                self.at += 1;
                Ok(false)
            }
            Some(_) => Err(self.error(expected)),
            None => Err(self.error(Problem::EndInValue)),
        }
    }

    /// After `[` or `{`: whether the container has a first element (else it is closed).
    fn first(&mut self, close: u8) -> Result<bool> {
        match self.peek() {
            Some(b) if b == close => {
                self.at += 1;
                Ok(false)
            }
            Some(_) => Ok(true),
            None => Err(self.error(Problem::EndInValue)),
        }
    }

    /// A member's key and its colon.
    fn key(&mut self) -> Result<Cow<'a, str>> {
        if self.peek() != Some(b'"') {
            let problem = match self.peek() {
                None => Problem::EndInValue,
                Some(_) => Problem::KeyNotString,
            };
            return Err(self.error(problem));
        }
        let key = self.string()?;
        if self.peek() != Some(b':') {
            return Err(self.error(Problem::ExpectedColon));
        }
        self.at += 1;
        Ok(key)
    }

    /// A field value at nesting `depth`: text and null as such, anything else read past.
    pub fn field(&mut self, depth: usize) -> Result<Field<'a>> {
        match self.peek() {
            Some(b'"') => Ok(Field::Text(self.string()?)),
            Some(b'n') => self.literal("null").map(|()| Field::Null),
            _ => self.skip_value(depth).map(|()| Field::Other),
        }
    }

    /// At `"` (after blanks): the string, borrowed when it has no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>> {
        self.peek();
        self.at += 1;
        let start = self.at;
        let bytes = self.text.as_bytes();
        // Up to the first quote, backslash or control character.
        let plain = bytes[start..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .map_or(bytes.len(), |n| start + n);
        self.at = plain;
        match self.byte() {
            Some(b'"') => {
                self.at += 1;
                return Ok(Cow::Borrowed(&self.text[start..plain]));
            }
            None => return Err(self.error(Problem::EndInString)),
            Some(_) => {}
        }
        let mut owned = String::from(&self.text[start..plain]);
        loop {
            match self.byte() {
                None => return Err(self.error(Problem::EndInString)),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Owned(owned));
                }
                Some(b'\\') => {
                    self.at += 1;
                    owned.push(self.escape()?);
                }
                Some(b) if b < 0x20 => return Err(self.error(Problem::ControlCharacter)),
                Some(_) => {
                    let rest = &self.text[self.at..];
                    let c = rest.chars().next().unwrap_or_default();
                    owned.push(c);
                    self.at += c.len_utf8();
                }
            }
        }
    }

    /// After `\`: the character the escape stands for.
    fn escape(&mut self) -> Result<char> {
        let c = match self.byte() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                return self.unicode_escape();
            }
            None => return Err(self.error(Problem::EndInString)),
            Some(_) => return Err(self.error(Problem::InvalidEscape)),
        };
        self.at += 1;
        Ok(c)
    }

    /// After `\u`: four hex digits, and for a leading surrogate the `\uXXXX` of its
    /// trailing half.
    fn unicode_escape(&mut self) -> Result<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.text[self.at..].starts_with("\\u") {
                    return Err(self.error(Problem::LoneSurrogate));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error(Problem::LoneSurrogate));
                }
                0x10000 + ((first - 0xD800) << 10 | (second - 0xDC00))
            }
            0xDC00..=0xDFFF => return Err(self.error(Problem::LoneSurrogate)),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error(Problem::InvalidEscape))
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self.text.as_bytes().get(self.at..self.at + 4);
        let value = digits.and_then(|d| {
            d.iter()
                .try_fold(0u32, |v, &b| char::from(b).to_digit(16).map(|x| v << 4 | x))
        });
        match value {
            Some(value) => {
                self.at += 4;
                Ok(value)
            }
            None if digits.is_none() => Err(self.error(Problem::EndInString)),
            None => Err(self.error(Problem::InvalidEscape)),
        }
    }

    /// At `[` (after blanks): calls `element` for each element, the reader standing at
    /// it; `element` must read it (with [`Reader::field`], [`Reader::skip_value`], …).
    pub fn array<E: From<SyntaxError>>(
        &mut self,
        mut element: impl FnMut(&mut Self) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.open(b'[')?;
        let mut more = self.first(b']')?;
        while more {
            element(self)?;
            more = self.separator(b']', Problem::ExpectedListComma)?;
        }
        Ok(())
    }

    /// At `{` (after blanks): calls `member` with each key and the line it stands on,
    /// the reader standing at the key's value, which `member` must read.
    pub fn object<E: From<SyntaxError>>(
        &mut self,
        mut member: impl FnMut(&mut Self, Cow<'a, str>, usize) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.open(b'{')?;
        let mut more = self.first(b'}')?;
        while more {
            let line = self.next_line();
            let key = self.key()?;
            member(self, key, line)?;
            more = self.separator(b'}', Problem::ExpectedObjectComma)?;
        }
        Ok(())
    }

    /// Takes `open` (after blanks), or says a value was expected.
    fn open(&mut self, open: u8) -> Result<()> {
        if self.peek() == Some(open) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(Problem::ExpectedValue))
        }
    }

    /// Reads past one value of any kind; `depth` is the nesting it stands at.
    pub fn skip_value(&mut self, depth: usize) -> Result<()> {
        match self.peek() {
            None => Err(self.error(Problem::EndInValue)),
            Some(b'"') => self.string().map(drop),
            Some(b'[' | b'{') if depth + 1 >= MAX_DEPTH => Err(self.error(Problem::TooDeep)),
            Some(b'[') => self.array(|reader| reader.skip_value(depth + 1)),
            Some(b'{') => self.object(|reader, _, _| reader.skip_value(depth + 1)),
            Some(b't') => self.literal("true"),
            Some(b'f') => self.literal("false"),
            Some(b'n') => self.literal("null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error(Problem::ExpectedValue)),
        }
    }

    fn literal(&mut self, word: &str) -> Result<()> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.error(Problem::ExpectedValue))
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Result<()> {
        let bytes = self.text.as_bytes();
        let digits = |from: usize| {
            bytes[from..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
        };
        let mut at = self.at + usize::from(bytes.get(self.at) == Some(&b'-'));
        let whole = digits(at);
        if whole == 0 || (whole > 1 && bytes[at] == b'0') {
            self.at = at;
            return Err(self.error(Problem::InvalidNumber));
        }
        at += whole;
        if bytes.get(at) == Some(&b'.') {
            let fraction = digits(at + 1);
            if fraction == 0 {
                self.at = at + 1;
                return Err(self.error(Problem::InvalidNumber));
            }
            at += 1 + fraction;
        }
        if let Some(b'e' | b'E') = bytes.get(at) {
            at += 1;
            at += usize::from(matches!(bytes.get(at), Some(b'+' | b'-')));
            let exponent = digits(at);
            if exponent == 0 {
                self.at = at;
                return Err(self.error(Problem::InvalidNumber));
            }
            at += exponent;
        }
        self.at = at;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reads `text` as one value; the problem and its line and column if it is no JSON.
    fn check(text: &str) -> std::result::Result<(), (Problem, usize, usize)> {
        let mut reader = Reader::new(text);
        reader
            .skip_value(0)
            .and_then(|()| reader.end())
            .map_err(|e| (e.problem, e.line, e.column))
    }

    #[test]
    fn each_problem_is_named_where_it_is() {
        use Problem::*;
        for (text, problem, line, column) in [
            ("", EndInValue, 1, 1),
            ("[1,\n 2", EndInValue, 2, 3),
            ("\"abc", EndInString, 1, 5),
            ("[1 2]", ExpectedListComma, 1, 4),
            ("{\"a\": 1 \"b\"}", ExpectedObjectComma, 1, 9),
            ("{\"a\" 1}", ExpectedColon, 1, 6),
            ("{1: 2}", KeyNotString, 1, 2),
            ("[1, 2, ]", TrailingComma, 1, 8),
            ("{\"a\": 1,}", TrailingComma, 1, 9),
            ("[] []", TrailingCharacters, 1, 4),
            ("\"\\x\"", InvalidEscape, 1, 3),
            ("\"\\u12g4\"", InvalidEscape, 1, 4),
            ("\"\\ud800\"", LoneSurrogate, 1, 8),
            ("\"\\udc00\"", LoneSurrogate, 1, 8),
            ("\"\\ud800\\u0041\"", LoneSurrogate, 1, 14),
            ("\"a\nb\"", ControlCharacter, 1, 3),
            ("01", InvalidNumber, 1, 1),
            ("-", InvalidNumber, 1, 2),
            ("1.", InvalidNumber, 1, 3),
            ("1e+", InvalidNumber, 1, 4),
            ("tru", ExpectedValue, 1, 1),
            ("ä", ExpectedValue, 1, 1),
            ("[\"ä\", x]", ExpectedValue, 1, 7),
        ] {
            assert_eq!(check(text), Err((problem, line, column)), "{text:?}");
        }
    }

    #[test]
    fn an_error_says_where_and_what() {
        let mut reader = Reader::new("[1,\n 2");
        let error = reader.skip_value(0).expect_err("unclosed");
        assert_eq!(
            error.to_string(),
            "line 2, column 3: the text ends inside a value"
        );
        assert_eq!(format!("{reader:?}"), "Reader { at: 6, len: 6, .. }");
    }

    #[test]
    fn nesting_is_bounded_as_serde_json_bounds_it() {
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert_eq!(check(&nested(127)), Ok(()));
        assert!(serde_json::from_str::<serde_json::Value>(&nested(127)).is_ok());
        assert_eq!(check(&nested(128)).map_err(|e| e.0), Err(Problem::TooDeep));
        assert!(serde_json::from_str::<serde_json::Value>(&nested(128)).is_err());
        // Deep input is refused without recursing through it.
        assert_eq!(
            check(&"[".repeat(100_000)).map_err(|e| e.0),
            Err(Problem::TooDeep)
        );
    }

    #[test]
    fn strings_decode_as_serde_json_decodes_them() {
        for text in [
            r#""plain""#,
            r#""a\"b\\c\/d\be\ff\ng\rh\ti""#,
            r#""\u00e9t\u00E9 \ud83d\ude00 ä""#,
            r#""after escape: ö €""#,
            r#""""#,
        ] {
            let mut reader = Reader::new(text);
            let want: String = serde_json::from_str(text).expect("valid");
            assert_eq!(reader.field(0), Ok(Field::Text(Cow::Owned(want))), "{text}");
        }
    }

    /// JSON text built from the grammar: every kind of value, nested, with blanks.
    fn json_text() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            "-?(0|[1-9][0-9]{0,3})(\\.[0-9]{1,3})?([eE][-+]?[0-9]{1,3})?",
            "\"([a-zé \\[\\]{},:]|\\\\[nt\"/\\\\bfr]|\\\\u00[0-9a-fA-F]{2}|\\\\ud83d\\\\ude00){0,6}\"",
            Just("true".to_string()),
            Just("false".to_string()),
            Just("null".to_string()),
        ];
        let blank = || "[ \t\r\n]{0,2}";
        leaf.prop_recursive(4, 32, 4, move |inner| {
            prop_oneof![
                prop::collection::vec((blank(), inner.clone()), 0..4).prop_map(|items| {
                    let items: Vec<String> = items.into_iter().map(|(b, v)| b + &v).collect();
                    format!("[{}]", items.join(","))
                }),
                prop::collection::vec(("[a-z]{0,3}", blank(), inner), 0..4).prop_map(|members| {
                    let members: Vec<String> = members
                        .into_iter()
                        .map(|(k, b, v)| format!("\"{k}\"{b}:{b}{v}"))
                        .collect();
                    format!("{{{}}}", members.join(","))
                }),
            ]
        })
    }

    /// The text with one edit: a character dropped, doubled or replaced, or a cut.
    fn mutated() -> impl Strategy<Value = String> {
        (
            json_text(),
            0usize..4,
            any::<prop::sample::Index>(),
            "[\"\\\\,:\\[\\]{}0-9a-z.e+ -]",
        )
            .prop_map(|(text, edit, at, with)| {
                let chars: Vec<char> = text.chars().collect();
                if chars.is_empty() {
                    return with;
                }
                let i = at.index(chars.len());
                let (before, after) = (&chars[..i], &chars[i + 1..]);
                let kept: String = before.iter().collect();
                let rest: String = after.iter().collect();
                match edit {
                    0 => kept + &rest,
                    1 => format!("{kept}{0}{0}{rest}", chars[i]),
                    2 => kept + &with + &rest,
                    _ => kept,
                }
            })
    }

    proptest! {
        /// What `serde_json` accepts, this reader accepts, and nothing else; except
        /// that half a surrogate pair is refused wherever it stands.
        #[test]
        fn accepts_what_serde_json_accepts(text in prop_oneof![json_text(), mutated()]) {
            let serde = serde_json::from_str::<serde::de::IgnoredAny>(&text);
            let surrogate = ["\\ud8", "\\ud9", "\\uda", "\\udb", "\\udc", "\\udd", "\\ude", "\\udf"]
                .iter()
                .any(|s| text.to_ascii_lowercase().contains(s));
            if surrogate {
                prop_assert!(check(&text).is_err() || serde.is_ok(), "{:?}", text);
            } else {
                prop_assert_eq!(check(&text).is_ok(), serde.is_ok(), "{:?}: {:?}", text, serde.err());
            }
        }

        /// Any text: an answer, never a panic.
        #[test]
        fn any_text_is_read_or_refused(text in any::<String>()) {
            let _ = check(&text);
        }
    }
}
