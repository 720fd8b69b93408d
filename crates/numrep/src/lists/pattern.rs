//! Number patterns as call blockers write them, normalised to E.164 digits.
//!
//! Symbols: a digit matches itself, `#` matches exactly one digit, a trailing `*`
//! matches any rest (zero or more digits). `*` is only allowed at the end: a `*` in
//! the middle would need backtracking and has no clear specificity, and real call
//! blockers only use it as "this prefix and anything after".

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use super::error::ListError;
pub use crate::country_code::CountryCode;

/// The E.164 maximum number of digits, and so of pattern symbols.
pub const MAX_PATTERN_SYMBOLS: usize = 15;

/// Symbol code for `#` (one arbitrary digit). Digits are stored as ASCII.
pub(crate) const ANY_DIGIT: u8 = b'#';

/// A normalised number pattern: E.164 digits with optional `#` symbols and an
/// optional open end (`*`). Fixed size (17 bytes), no heap.
///
/// Displayed as `+4930123#####` or `+49900*`; that form parses back to the same value.
/// Ordering is lexicographic by symbols (shorter prefixes first), which the index relies on.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pattern {
    /// ASCII digits and `#`, padded with 0 bytes (which sort before every symbol).
    symbols: [u8; MAX_PATTERN_SYMBOLS],
    len: u8,
    open_end: bool,
}

/// How a pattern matched a number, from most to least specific.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PatternKind {
    /// Only digits: one exact number.
    Exact,
    /// Contains `#`, fixed length.
    Range,
    /// Ends with `*`: a prefix of any length.
    Prefix,
}

/// Options for reading written numbers: built with [`PatternOptions::new`] and its
/// setter. By default national forms (`030 …`) are rejected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PatternOptions {
    default_country_code: Option<CountryCode>,
}

impl PatternOptions {
    /// International forms only: national forms are rejected.
    #[must_use]
    pub fn new() -> PatternOptions {
        PatternOptions::default()
    }

    /// National forms with a leading `0` are read as numbers of calling code `code`
    /// (49 for `030 …`).
    #[must_use]
    pub fn default_country_code(mut self, code: CountryCode) -> PatternOptions {
        self.default_country_code = Some(code);
        self
    }

    /// The calling code national forms are read with; `None` when they are rejected.
    pub fn national_country_code(&self) -> Option<CountryCode> {
        self.default_country_code
    }
}

impl Pattern {
    /// Parses a written number or pattern such as `+49 30 1234-567`, `0049…`,
    /// `+4930123#####`, `+49900*`, or national `030…` (needs a default country code).
    pub fn parse(text: &str, options: &PatternOptions) -> Result<Self, ListError> {
        let tokens = tokenize(text)?;
        let mut body = Body::default();
        let rest = match (tokens.plus, tokens.items.as_slice()) {
            (false, []) => return Err(ListError::EmptyPattern),
            (true, rest) | (false, [Token::Symbol(b'0', _), Token::Symbol(b'0', _), rest @ ..]) => {
                match rest.first() {
                    Some(Token::Symbol(b'1'..=b'9', _)) => rest,
                    Some(Token::Symbol(_, position)) => {
                        return Err(ListError::InvalidCountryCodeStart {
                            position: *position,
                        })
                    }
                    Some(Token::Star(_)) | None => return Err(ListError::MissingDigits),
                }
            }
            (false, [Token::Symbol(b'0', _), rest @ ..]) => {
                let code = options
                    .national_country_code()
                    .ok_or(ListError::NationalWithoutCountryCode)?;
                if rest.is_empty() {
                    return Err(ListError::MissingDigits);
                }
                for digit in code.value().to_string().bytes() {
                    body.push(digit)?;
                }
                rest
            }
            (false, [Token::Symbol(_, position) | Token::Star(position), ..]) => {
                return Err(ListError::MissingPrefix {
                    position: *position,
                })
            }
        };
        let mut open_end = false;
        for (index, token) in rest.iter().enumerate() {
            match *token {
                Token::Symbol(symbol, _) => body.push(symbol)?,
                Token::Star(_) if index + 1 == rest.len() => open_end = true,
                Token::Star(position) => return Err(ListError::WildcardNotAtEnd { position }),
            }
        }
        if body.len == 0 {
            return Err(ListError::MissingDigits);
        }
        Ok(Self {
            symbols: body.symbols,
            len: body.len,
            open_end,
        })
    }

    /// The symbols (ASCII digits and `#`) without the `+` and without `*`.
    pub fn symbols(&self) -> &[u8] {
        &self.symbols[..usize::from(self.len)]
    }

    /// Whether the pattern ends with `*`.
    pub fn is_open_ended(&self) -> bool {
        self.open_end
    }

    /// Number of concrete digits (not `#`).
    pub fn concrete_digits(&self) -> usize {
        self.symbols().iter().filter(|&&s| s != ANY_DIGIT).count()
    }

    /// Exact number, `#` range, or `*` prefix.
    pub fn kind(&self) -> PatternKind {
        if self.open_end {
            PatternKind::Prefix
        } else if self.symbols().contains(&ANY_DIGIT) {
            PatternKind::Range
        } else {
            PatternKind::Exact
        }
    }

    /// Whether the pattern matches E.164 digits (no `+`). Does not validate `digits`.
    pub fn matches(&self, digits: &[u8]) -> bool {
        let symbols = self.symbols();
        let length_fits = if self.open_end {
            digits.len() >= symbols.len()
        } else {
            digits.len() == symbols.len()
        };
        length_fits
            && symbols
                .iter()
                .zip(digits)
                .all(|(&symbol, &digit)| symbol == ANY_DIGIT || symbol == digit)
    }

    /// Symbol at `depth`, or 0 past the end (0 sorts before every symbol).
    pub(crate) fn symbol_at(&self, depth: usize) -> u8 {
        self.symbols.get(depth).copied().unwrap_or(0)
    }

    /// Number of symbols.
    pub(crate) fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Sort key for "most specific first" among patterns matching the same number:
    /// more concrete digits first, then fixed length before open end, then more symbols.
    pub(crate) fn specificity_rank(&self) -> u64 {
        let fewer = |count: usize| (MAX_PATTERN_SYMBOLS.saturating_sub(count)) as u64;
        fewer(self.concrete_digits()) << 5 | u64::from(self.open_end) << 4 | fewer(self.len())
    }

    /// A number that orders patterns as their `Ord` does (for `crate::order`): the
    /// symbols as base-12 digits (padding 0, `#` 1, digits 2–11; 12^15 < 2^54), then
    /// the open end. The length needs no place: padding sorts before every symbol.
    pub(crate) fn order_key(&self) -> u64 {
        let symbols = self.symbols.iter().fold(0u64, |key, &symbol| {
            let rank = match symbol {
                ANY_DIGIT => 1,
                b'0'..=b'9' => symbol - b'0' + 2,
                _ => 0,
            };
            key * 12 + u64::from(rank)
        });
        symbols << 1 | u64::from(self.open_end)
    }
}

#[derive(Default)]
struct Body {
    symbols: [u8; MAX_PATTERN_SYMBOLS],
    len: u8,
}

impl Body {
    fn push(&mut self, symbol: u8) -> Result<(), ListError> {
        let slot =
            self.symbols
                .get_mut(usize::from(self.len))
                .ok_or(ListError::PatternTooLong {
                    digits: usize::from(self.len) + 1,
                    max: MAX_PATTERN_SYMBOLS,
                })?;
        *slot = symbol;
        self.len += 1;
        Ok(())
    }
}

/// Pattern text split into a leading `+` and the symbols after it.
struct Tokens {
    plus: bool,
    items: Vec<Token>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// A digit or `#`, with its 1-based position.
    Symbol(u8, usize),
    /// `*` with its 1-based position.
    Star(usize),
}

/// Longest text we tokenise; anything longer cannot be a valid pattern anyway.
const MAX_PATTERN_TEXT_CHARS: usize = 128;

fn is_separator(character: char) -> bool {
    matches!(
        character,
        ' ' | '\t' | '-' | '/' | '.' | '(' | ')' | '\u{a0}'
    )
}

/// Splits pattern text into tokens, dropping separators and a `(0)` trunk-prefix
/// marker written inside international numbers (`+49 (0)30 …`).
fn tokenize(text: &str) -> Result<Tokens, ListError> {
    let mut plus = false;
    let mut tokens = Vec::with_capacity(text.len().min(MAX_PATTERN_TEXT_CHARS));
    let mut characters = text.char_indices().enumerate();
    while let Some((index, (byte, character))) = characters.next() {
        let position = index + 1;
        if position > MAX_PATTERN_TEXT_CHARS {
            return Err(ListError::PatternTooLong {
                digits: text
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '#')
                    .count(),
                max: MAX_PATTERN_SYMBOLS,
            });
        }
        let international_with_digits = (plus && !tokens.is_empty())
            || matches!(
                tokens.as_slice(),
                [Token::Symbol(b'0', _), Token::Symbol(b'0', _), _, ..]
            );
        match character {
            '(' if international_with_digits && text[byte..].starts_with("(0)") => {
                characters.next();
                characters.next();
            }
            '+' if !plus && tokens.is_empty() => plus = true,
            '+' => return Err(ListError::MisplacedPlus { position }),
            '0'..='9' | '#' => tokens.push(Token::Symbol(character as u8, position)),
            '*' => tokens.push(Token::Star(position)),
            c if is_separator(c) || c.is_whitespace() => {}
            c => {
                return Err(ListError::InvalidCharacter {
                    character: c,
                    position,
                })
            }
        }
    }
    Ok(Tokens {
        plus,
        items: tokens,
    })
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("+")?;
        for &symbol in self.symbols() {
            write!(f, "{}", char::from(symbol))?;
        }
        if self.open_end {
            f.write_str("*")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pattern({self})")
    }
}

impl FromStr for Pattern {
    type Err = ListError;

    /// Parses without a default country code (national forms are rejected).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text, &PatternOptions::default())
    }
}

impl Serialize for Pattern {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn german() -> PatternOptions {
        PatternOptions::new().default_country_code(CountryCode::new(49).expect("49"))
    }

    fn normalized(text: &str) -> String {
        match Pattern::parse(text, &german()) {
            Ok(pattern) => pattern.to_string(),
            Err(error) => panic!("{text:?} should parse: {error}"),
        }
    }

    #[test]
    fn accepts_written_forms() {
        assert_eq!(normalized("+49 30 1234-567"), "+49301234567");
        assert_eq!(normalized("0049 30 1234567"), "+49301234567");
        assert_eq!(normalized("030 / 123 45 67"), "+49301234567");
        assert_eq!(normalized("+49 (0)30 1234567"), "+49301234567");
        assert_eq!(normalized("(030) 1234567"), "+49301234567");
        assert_eq!(normalized("+4930123#####"), "+4930123#####");
        assert_eq!(normalized("+49900*"), "+49900*");
        assert_eq!(normalized("+49 900 *"), "+49900*");
        assert_eq!(normalized("0900*"), "+49900*");
        assert_eq!(normalized("  +216*  "), "+216*");
    }

    #[test]
    fn reports_the_offending_character_and_position() {
        let error = Pattern::parse("+49 30 12a4", &german());
        assert_eq!(
            error,
            Err(ListError::InvalidCharacter {
                character: 'a',
                position: 10
            })
        );
        assert_eq!(
            Pattern::parse("+49*12", &german()),
            Err(ListError::WildcardNotAtEnd { position: 4 })
        );
        assert_eq!(
            Pattern::parse("+49 30+1", &german()),
            Err(ListError::MisplacedPlus { position: 7 })
        );
        assert_eq!(
            Pattern::parse("4930123", &german()),
            Err(ListError::MissingPrefix { position: 1 })
        );
        assert_eq!(
            Pattern::parse("+049301", &german()),
            Err(ListError::InvalidCountryCodeStart { position: 2 })
        );
        assert_eq!(
            Pattern::parse("+", &german()),
            Err(ListError::MissingDigits)
        );
        assert_eq!(
            Pattern::parse("+*", &german()),
            Err(ListError::MissingDigits)
        );
        assert_eq!(
            Pattern::parse(" - ", &german()),
            Err(ListError::EmptyPattern)
        );
        assert_eq!(
            Pattern::parse("030123", &PatternOptions::default()),
            Err(ListError::NationalWithoutCountryCode)
        );
        assert_eq!(
            Pattern::parse("+1234567890123456", &german()),
            Err(ListError::PatternTooLong {
                digits: 16,
                max: 15
            })
        );
        assert!(matches!(
            Pattern::parse("+49 30 123 ✆", &german()),
            Err(ListError::InvalidCharacter {
                character: '✆',
                position: 12
            })
        ));
    }

    #[test]
    fn matches_digits_hashes_and_open_ends() {
        let exact: Pattern = "+49301234567".parse().expect("valid");
        assert!(exact.matches(b"49301234567"));
        assert!(!exact.matches(b"493012345678"));
        assert_eq!(exact.kind(), PatternKind::Exact);

        let range: Pattern = "+4930123####".parse().expect("valid");
        assert!(range.matches(b"49301234567"));
        assert!(!range.matches(b"4930123456"));
        assert_eq!(range.kind(), PatternKind::Range);

        let prefix: Pattern = "+49900*".parse().expect("valid");
        assert!(prefix.matches(b"49900"));
        assert!(prefix.matches(b"499001234567"));
        assert!(!prefix.matches(b"4990"));
        assert_eq!(prefix.kind(), PatternKind::Prefix);
    }

    #[test]
    fn country_code_range_is_checked() {
        assert!(CountryCode::new(0).is_err());
        assert!(CountryCode::new(1000).is_err());
        assert_eq!(CountryCode::new(49).map(CountryCode::value), Ok(49));
    }

    #[test]
    fn very_long_text_is_rejected() {
        let text = "+49".to_string() + &"1".repeat(100_000);
        assert!(matches!(
            Pattern::parse(&text, &german()),
            Err(ListError::PatternTooLong { .. })
        ));
    }
}
