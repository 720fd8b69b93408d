//! Country calling codes (ITU-T E.164) as a value.

use std::fmt;

use crate::lang::Lang;
use crate::lists::ListError;
use crate::plan::{country_code, CodeKind, CountryCodeInfo};

/// A country calling code, 1–999 (`49` Germany, `1` the North American Numbering Plan,
/// `881` a global satellite network). Displayed as its digits, without `+`.
///
/// ```
/// use numrep::{CountryCode, Lang};
///
/// let code = CountryCode::new(41).unwrap();
/// assert_eq!(code.name(Lang::En), Some("Switzerland"));
/// assert!(!code.is_international_network());
/// assert!(CountryCode::new(881).unwrap().is_international_network());
/// assert_eq!(CountryCode::new(999).unwrap().name(Lang::En), None); // not assigned
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode(u16);

impl CountryCode {
    /// Checks that `value` is in 1–999 (assigned or not); the error is the one list
    /// files report for a bad default calling code.
    pub fn new(value: u16) -> Result<Self, ListError> {
        if (1..=999).contains(&value) {
            Ok(Self(value))
        } else {
            Err(ListError::InvalidCountryCode { value })
        }
    }

    /// The numeric value.
    pub fn value(self) -> u16 {
        self.0
    }

    /// True when the ITU has assigned the code (to a country or a global network).
    pub fn is_assigned(self) -> bool {
        self.info().is_some()
    }

    /// The code's name in `lang`: its main country's (`+1` United States, `+44` United
    /// Kingdom) or the global network's; `None` for an unassigned code.
    pub fn name(self, lang: Lang) -> Option<&'static str> {
        self.info().map(|c| lang.pick(c.name_de, c.name_en))
    }

    /// True for a global service without a country (`+800`, `+870`, `+881`, …).
    pub fn is_international_network(self) -> bool {
        self.info()
            .is_some_and(|c| c.kind == CodeKind::InternationalNetwork)
    }

    fn info(self) -> Option<&'static CountryCodeInfo> {
        country_code(self.0)
    }
}

impl fmt::Display for CountryCode {
    /// The digits (`49`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
