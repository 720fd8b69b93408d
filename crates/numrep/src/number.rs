//! A parsed phone number: calling code + national significant number (+ extension).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::digits::{code_digits, Digits};
use crate::error::ParseError;
use crate::parse::parse;
use crate::region::Region;

/// A phone number in canonical form.
///
/// Either a full number (E.164: `+` calling code, national significant number) or a
/// short code such as `110`, `999` or `116116`, which exists only inside the region it
/// was dialled in.
///
/// * [`Display`](fmt::Display) writes E.164 (`+4930123456`) for full numbers and the
///   bare code (`110`) for short codes; [`PhoneNumber::format`] writes the other forms.
/// * [`FromStr`] reads any written form with Germany as the default region
///   (`"+44 20 7946 0958"`, `"030 123456"`, `"110"`); use [`parse`](crate::parse()) for
///   another default region.
/// * serde writes one string: E.164 with `;ext=` when an extension was written
///   (`"+4930123456;ext=12"`), and for a short code the code with its region
///   (`"999;region=GB"`); reading it back gives the same number.
///
/// ```
/// use numrep::{PhoneNumber, Region};
///
/// let n: PhoneNumber = "+44 20 7946 0958".parse().unwrap();
/// assert_eq!(n.to_string(), "+442079460958");
/// assert_eq!(n.country_code(), 44);
/// assert_eq!(n.national_number(), "2079460958");
///
/// let emergency = numrep::parse("999", Region::GB).unwrap();
/// assert!(emergency.is_short_code());
/// assert_eq!(serde_json::to_string(&emergency).unwrap(), "\"999;region=GB\"");
///
/// // Ordered by calling code, then by national number as text sorts its digits, then
/// // by extension: a total order for sorting and `BTreeMap` keys, not a ranking.
/// let mut log: Vec<PhoneNumber> = ["+49 30 123456", "+1 212 555 0100", "+49 301 2345"]
///     .iter()
///     .map(|n| n.parse().unwrap())
///     .collect();
/// log.sort();
/// let sorted: Vec<String> = log.iter().map(ToString::to_string).collect();
/// assert_eq!(sorted, ["+12125550100", "+493012345", "+4930123456"]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct PhoneNumber {
    country_code: u16,
    national: Digits,
    extension: Option<Digits>,
    /// For short codes, the region they were dialled in.
    short_region: Option<Region>,
}

impl PhoneNumber {
    /// A full number. The digits must be ASCII digits (the parser guarantees it).
    pub(crate) fn new(country_code: u16, national: Digits, extension: Option<Digits>) -> Self {
        PhoneNumber {
            country_code,
            national,
            extension,
            short_region: None,
        }
    }

    /// A short code dialled in `region`.
    pub(crate) fn short(region: Region, code: Digits, extension: Option<Digits>) -> Self {
        PhoneNumber {
            country_code: region.country_code(),
            national: code,
            extension,
            short_region: Some(region),
        }
    }

    /// The country calling code (49 for Germany); for a short code, its region's.
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

    /// True for short codes (110, 999, 116116, 11833), which have no E.164 form.
    pub fn is_short_code(&self) -> bool {
        self.short_region.is_some()
    }

    /// The region a short code was dialled in (short codes exist only there); `None`
    /// for full numbers, whose region comes from [`classify`](crate::classify()).
    pub fn short_code_region(&self) -> Option<Region> {
        self.short_region
    }

    /// `+4930123456`; `None` for short codes.
    pub fn e164(&self) -> Option<String> {
        (!self.is_short_code()).then(|| format!("+{}{}", self.country_code, self.national))
    }

    /// The E.164 digits without `+` (`4930123456`), as used by the runtime lists.
    pub fn e164_digits(&self) -> Digits {
        let mut code = [0u8; 3];
        let code = code_digits(self.country_code, &mut code);
        Digits::joined(code.as_bytes(), self.national.as_bytes())
    }
}

impl fmt::Display for PhoneNumber {
    /// E.164 for full numbers, the bare code for short codes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_short_code() {
            write!(f, "{}", self.national)
        } else {
            write!(f, "+{}{}", self.country_code, self.national)
        }
    }
}

impl FromStr for PhoneNumber {
    type Err = ParseError;

    /// Any written form, national forms read as German numbers (the default region).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s, Region::default())
    }
}

/// The serde form: `+4930123456`, `+4930123456;ext=12`, `999;region=GB`.
struct Stored<'a>(&'a PhoneNumber);

impl fmt::Display for Stored<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = self.0;
        number.fmt(f)?;
        if let Some(ext) = number.extension() {
            write!(f, ";ext={ext}")?;
        }
        match number.short_region {
            Some(region) => write!(f, ";region={region}"),
            None => Ok(()),
        }
    }
}

impl Serialize for PhoneNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&Stored(self))
    }
}

impl<'de> Deserialize<'de> for PhoneNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        stored(&text).map_err(serde::de::Error::custom)
    }
}

/// Reads the serde form back.
fn stored(text: &str) -> Result<PhoneNumber, String> {
    if let Some((number, code)) = text.rsplit_once(";region=") {
        let region = Region::from_code(code).map_err(|e| e.to_string())?;
        let read = parse(number, region).map_err(|e| e.to_string())?;
        return if read.is_short_code() {
            Ok(read)
        } else {
            Err(format!("{number:?} is not a short code of {region}"))
        };
    }
    if !text.starts_with('+') {
        return Err(format!(
            "{text:?} is neither E.164 (+…) nor a short code with ;region="
        ));
    }
    parse(text, Region::default()).map_err(|e| e.to_string())
}
