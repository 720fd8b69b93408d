//! The E.164 number as this crate accepts it, and the forms sent to services.

use crate::error::SourceProblem;

/// A validated E.164 number: `+` followed by 2 to 15 digits, first digit not 0.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct E164 {
    digits: String,
}

impl E164 {
    /// Validates `text`: `+`, then 2 to 15 digits, the first not 0; nothing else.
    pub fn parse(text: &str) -> Result<E164, SourceProblem> {
        let digits = text.strip_prefix('+').ok_or(SourceProblem::InvalidNumber)?;
        let valid = (2..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
        if !valid {
            return Err(SourceProblem::InvalidNumber);
        }
        Ok(E164 {
            digits: digits.to_string(),
        })
    }

    /// The digits without `+` (`"4930123456"`).
    pub fn digits(&self) -> &str {
        &self.digits
    }

    /// The canonical form with `+` (`"+4930123456"`).
    pub fn plus(&self) -> String {
        format!("+{}", self.digits)
    }

    /// The international-prefix form (`"004930123456"`), safe in any URL part.
    pub fn zero_zero(&self) -> String {
        format!("00{}", self.digits)
    }

    /// The `+` form percent-encoded for a URL (`"%2B4930123456"`).
    pub fn url_plus(&self) -> String {
        format!("%2B{}", self.digits)
    }

    /// The national form for `country_code` with `trunk_prefix` (e.g. `"49"`,
    /// `"0"` → `"030123456"`), or `None` if the number is from another country.
    pub fn national(&self, country_code: &str, trunk_prefix: &str) -> Option<String> {
        let rest = self.digits.strip_prefix(country_code)?;
        if rest.is_empty() {
            return None;
        }
        Some(format!("{trunk_prefix}{rest}"))
    }

    /// A masked form safe for logs and messages: `+` and the first 5 digits, then `…`.
    pub fn masked(&self) -> String {
        mask(&self.plus())
    }
}

/// Masks any number-like text for logs: keeps the first 6 characters
/// (`+` and 5 digits) and replaces the rest with `…`.
pub fn mask(number: &str) -> String {
    let kept: String = number.chars().take(6).collect();
    if number.chars().count() > 6 {
        format!("{kept}…")
    } else {
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        let n = E164::parse("+4930123456").expect("valid");
        assert_eq!(n.digits(), "4930123456");
        assert_eq!(n.zero_zero(), "004930123456");
        assert_eq!(n.url_plus(), "%2B4930123456");
        assert_eq!(n.national("49", "0").as_deref(), Some("030123456"));
        assert_eq!(n.national("33", "0"), None);
        assert_eq!(n.masked(), "+49301…");
    }

    #[test]
    fn rejects_bad_input() {
        for bad in [
            "4930123456",
            "+",
            "+0301234",
            "+49 30 123",
            "+1234567890123456",
            "+49a",
        ] {
            assert!(E164::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn mask_short() {
        assert_eq!(mask("+4930"), "+4930");
    }
}
