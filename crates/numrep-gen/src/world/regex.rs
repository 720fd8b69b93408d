//! libphonenumber's regex dialect, parsed into a syntax tree.
//!
//! The metadata uses a small subset of regular expressions over digits: digit literals,
//! classes (`[2-9]`, `[02-46-9]`, `\d`), groups (`(?:…)` and capturing `(…)`),
//! alternation, `?`, `{n}` and `{n,m}`, and `$` (end of input, only in
//! `national_prefix_for_parsing`). Anything else (`*`, `+`, `.`, `{n,}`, lazy or
//! possessive quantifiers, negated classes, letters) is an error that names the pattern,
//! so a metadata update that widens the dialect fails loudly instead of compiling wrongly.

use std::fmt;

/// A set of digits as a bit mask (bit `d` = digit `d`).
pub type DigitSet = u16;

/// Every digit.
pub const ANY_DIGIT: DigitSet = 0x3ff;

/// A parsed pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// One digit out of the set.
    Set(DigitSet),
    /// Each part in turn (empty = the empty string).
    Concat(Vec<Node>),
    /// The first alternative that leads to a match (leftmost-first).
    Alt(Vec<Node>),
    /// `min..=max` repetitions of the node, greedy.
    Repeat(Box<Node>, u32, u32),
    /// A group; `Some(n)` for the n-th capturing group (1-based).
    Group(Box<Node>, Option<u32>),
    /// `$`: only at the end of the input.
    End,
}

/// Why a pattern is outside the supported dialect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegexError {
    /// The pattern.
    pub pattern: String,
    /// Byte position of the problem.
    pub at: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for RegexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "pattern `{}` at byte {}: {}",
            self.pattern, self.at, self.message
        )
    }
}

impl std::error::Error for RegexError {}

/// Parses `pattern`; capturing groups are numbered from 1 in order of their `(`.
pub fn parse(pattern: &str) -> Result<Node, RegexError> {
    let mut p = Parser {
        text: pattern.as_bytes(),
        pos: 0,
        groups: 0,
        pattern,
    };
    let node = p.alternation()?;
    if p.pos != p.text.len() {
        return Err(p.error("unexpected `)`"));
    }
    Ok(node)
}

/// The number of capturing groups in a parsed pattern.
pub fn capture_count(node: &Node) -> u32 {
    match node {
        Node::Set(_) | Node::End => 0,
        Node::Concat(parts) | Node::Alt(parts) => parts.iter().map(capture_count).sum(),
        Node::Repeat(inner, _, _) => capture_count(inner),
        Node::Group(inner, index) => capture_count(inner) + u32::from(index.is_some()),
    }
}

/// Whether `$` occurs anywhere.
pub fn has_end(node: &Node) -> bool {
    match node {
        Node::End => true,
        Node::Set(_) => false,
        Node::Concat(parts) | Node::Alt(parts) => parts.iter().any(has_end),
        Node::Repeat(inner, _, _) | Node::Group(inner, _) => has_end(inner),
    }
}

/// Shortest and longest string the node matches (`$` counts 0).
pub fn length_range(node: &Node) -> (u32, u32) {
    match node {
        Node::Set(_) => (1, 1),
        Node::End => (0, 0),
        Node::Concat(parts) => parts
            .iter()
            .map(length_range)
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1)),
        Node::Alt(parts) => parts
            .iter()
            .map(length_range)
            .fold((u32::MAX, 0), |a, b| (a.0.min(b.0), a.1.max(b.1))),
        Node::Repeat(inner, min, max) => {
            let (lo, hi) = length_range(inner);
            (lo * min, hi * max)
        }
        Node::Group(inner, _) => length_range(inner),
    }
}

struct Parser<'a> {
    text: &'a [u8],
    pos: usize,
    groups: u32,
    pattern: &'a str,
}

/// Repetition counts above this are refused (the metadata's largest is 15).
const MAX_REPEAT: u32 = 20;

impl Parser<'_> {
    fn error(&self, message: impl Into<String>) -> RegexError {
        RegexError {
            pattern: self.pattern.to_string(),
            at: self.pos,
            message: message.into(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn alternation(&mut self) -> Result<Node, RegexError> {
        let mut alternatives = vec![self.concatenation()?];
        while self.eat(b'|') {
            alternatives.push(self.concatenation()?);
        }
        Ok(if alternatives.len() == 1 {
            alternatives.pop().unwrap_or(Node::Concat(Vec::new()))
        } else {
            Node::Alt(alternatives)
        })
    }

    fn concatenation(&mut self) -> Result<Node, RegexError> {
        let mut parts = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'|' || c == b')' {
                break;
            }
            let atom = self.atom()?;
            parts.push(self.quantified(atom)?);
        }
        Ok(if parts.len() == 1 {
            parts.pop().unwrap_or(Node::Concat(Vec::new()))
        } else {
            Node::Concat(parts)
        })
    }

    fn atom(&mut self) -> Result<Node, RegexError> {
        let c = self
            .peek()
            .ok_or_else(|| self.error("pattern ends early"))?;
        self.pos += 1;
        match c {
            b'0'..=b'9' => Ok(Node::Set(1 << (c - b'0'))),
            b'\\' => {
                if self.eat(b'd') {
                    Ok(Node::Set(ANY_DIGIT))
                } else {
                    Err(self.error("only `\\d` is supported after a backslash"))
                }
            }
            b'[' => self.class(),
            b'(' => {
                let capture = if self.eat(b'?') {
                    if !self.eat(b':') {
                        return Err(self.error("only `(?:` groups are supported"));
                    }
                    None
                } else {
                    self.groups += 1;
                    Some(self.groups)
                };
                let inner = self.alternation()?;
                if !self.eat(b')') {
                    return Err(self.error("missing `)`"));
                }
                Ok(Node::Group(Box::new(inner), capture))
            }
            b'$' => Ok(Node::End),
            other => {
                self.pos -= 1;
                Err(self.error(format!("unsupported `{}`", other as char)))
            }
        }
    }

    fn class(&mut self) -> Result<Node, RegexError> {
        let mut set: DigitSet = 0;
        if self.peek() == Some(b'^') {
            return Err(self.error("negated classes are not supported"));
        }
        loop {
            let c = self.peek().ok_or_else(|| self.error("missing `]`"))?;
            self.pos += 1;
            match c {
                b']' if set != 0 => return Ok(Node::Set(set)),
                b'\\' if self.eat(b'd') => set |= ANY_DIGIT,
                b'0'..=b'9' => {
                    let lo = c - b'0';
                    if self.peek() == Some(b'-') && self.text.get(self.pos + 1) != Some(&b']') {
                        self.pos += 1;
                        let hi = match self.peek() {
                            Some(h @ b'0'..=b'9') if h - b'0' >= lo => h - b'0',
                            _ => return Err(self.error("bad range in class")),
                        };
                        self.pos += 1;
                        for d in lo..=hi {
                            set |= 1 << d;
                        }
                    } else {
                        set |= 1 << lo;
                    }
                }
                other => {
                    self.pos -= 1;
                    return Err(self.error(format!("unsupported `{}` in class", other as char)));
                }
            }
        }
    }

    fn number(&mut self) -> Result<u32, RegexError> {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        std::str::from_utf8(&self.text[start..self.pos])
            .ok()
            .and_then(|s| s.parse().ok())
            .filter(|&n| n <= MAX_REPEAT)
            .ok_or_else(|| self.error("expected a repetition count up to 20"))
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, RegexError> {
        let (min, max) = match self.peek() {
            Some(b'?') => {
                self.pos += 1;
                (0, 1)
            }
            Some(b'{') => {
                self.pos += 1;
                let min = self.number()?;
                let max = if self.eat(b',') { self.number()? } else { min };
                if !self.eat(b'}') || max < min {
                    return Err(self.error("expected `{n}` or `{n,m}` with n <= m"));
                }
                (min, max)
            }
            Some(b'*' | b'+') => return Err(self.error("unbounded repetition is not supported")),
            _ => return Ok(atom),
        };
        if matches!(self.peek(), Some(b'?' | b'+' | b'{' | b'*')) {
            return Err(self.error("lazy, possessive or stacked quantifiers are not supported"));
        }
        if atom == Node::End {
            return Err(self.error("`$` cannot be repeated"));
        }
        Ok(Node::Repeat(Box::new(atom), min, max))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_metadata_dialect() {
        let n = parse(r"1(?:6[023]|7\d)\d{7,8}|15[0-25-9]\d").unwrap();
        assert!(matches!(n, Node::Alt(ref a) if a.len() == 2));
        assert_eq!(length_range(&n), (4, 11));
        let g = parse(r"([2-9]\d{6})$|1").unwrap();
        assert_eq!(capture_count(&g), 1);
        assert!(has_end(&g));
    }

    #[test]
    fn refuses_everything_else_with_the_position() {
        for bad in [
            r"1*", r"1+", r".", r"[^1]", r"\s", r"a", r"1{2,}", r"1??", r"(?=1)", r"(1", r"1)",
            r"[1",
        ] {
            let e = parse(bad).unwrap_err();
            assert_eq!(e.pattern, bad);
        }
        assert_eq!(parse(r"12x").unwrap_err().at, 2);
    }
}
