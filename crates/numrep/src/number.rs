//! A parsed phone number: calling code + national significant number (+ extension).

use std::fmt;

use crate::digits::Digits;

/// A phone number in canonical form.
///
/// Either a full number (E.164: `+` calling code, national significant number) or a
/// short code such as `110` or `116116`, which exists only inside its country.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct PhoneNumber {
    country_code: u16,
    national: Digits,
    extension: Option<Digits>,
    short_code: bool,
}

impl PhoneNumber {
    /// A full number. The digits must be ASCII digits (the parser guarantees it).
    pub(crate) fn new(country_code: u16, national: Digits, extension: Option<Digits>) -> Self {
        PhoneNumber {
            country_code,
            national,
            extension,
            short_code: false,
        }
    }

    /// A short code valid inside the country with `country_code`.
    pub(crate) fn short(country_code: u16, code: Digits, extension: Option<Digits>) -> Self {
        PhoneNumber {
            country_code,
            national: code,
            extension,
            short_code: true,
        }
    }

    /// The country calling code (49 for Germany).
    pub fn country_code(&self) -> u16 {
        self.country_code
    }

    /// The national significant number (after the trunk prefix), or the short code.
    pub fn national_number(&self) -> &str {
        self.national.as_str()
    }

    /// The national number as ASCII digit bytes.
    pub fn national_digits(&self) -> &[u8] {
        self.national.as_bytes()
    }

    /// The extension, if one was written.
    pub fn extension(&self) -> Option<&str> {
        self.extension.as_ref().map(Digits::as_str)
    }

    /// True for short codes (110, 116116, 11833), which have no E.164 form.
    pub fn is_short_code(&self) -> bool {
        self.short_code
    }

    /// `+4930123456`; `None` for short codes.
    pub fn e164(&self) -> Option<String> {
        (!self.short_code).then(|| format!("+{}{}", self.country_code, self.national))
    }

    /// The E.164 digits without `+` (`4930123456`), as used by the runtime lists.
    pub fn e164_digits(&self) -> Digits {
        let mut out = Digits::new();
        let code = self.country_code;
        for divisor in [100, 10, 1] {
            if code >= divisor || divisor == 1 {
                out.push(b'0' + ((code / divisor) % 10) as u8);
            }
        }
        for &b in self.national.as_bytes() {
            out.push(b);
        }
        out
    }
}

impl fmt::Display for PhoneNumber {
    /// E.164 for full numbers, the bare code for short codes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.short_code {
            write!(f, "{}", self.national)
        } else {
            write!(f, "+{}{}", self.country_code, self.national)
        }
    }
}
