//! libphonenumber's metadata for every territory, compiled (by `numrep-gen`) into
//! automata and small tables: number types and validity, possible lengths, dialling
//! prefixes, format rules, shared calling codes and short numbers. The answers follow
//! libphonenumber's own algorithms (`PhoneNumberUtil`, `ShortNumberInfo`) so that they
//! agree with it number for number; no regex runs here and nothing is set up at start.
//!
//! Private to the crate: the parse/classify/format wiring builds on these functions.

// The wiring into parse, classify and format comes in a later step; until then the
// unit tests below are the only callers of parts of this API.
#![allow(dead_code)]

mod automaton;
mod format;
mod prefix;
mod short;
#[rustfmt::skip]
mod tables;
mod types;

#[cfg(test)]
mod conformance;
#[cfg(test)]
mod tests;

// The API the wiring step uses (until then only the tests name some of it).
#[allow(unused_imports)]
pub(crate) use {
    format::{format, FormatMode, Formatted},
    prefix::{PrefixMatch, Stripped},
    short::{ShortCost, ShortNumber},
    tables::METADATA_VERSION,
    types::Territory,
};

use automaton::NOTHING;
use tables::{AUTOMATA, CODE_TERRITORIES, TERRITORIES};

/// libphonenumber's number types (`PhoneNumberType` without `UNKNOWN`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum NumberType {
    /// Geographic landline.
    FixedLine,
    /// Mobile.
    Mobile,
    /// Either; the metadata cannot tell (US, CA, …).
    FixedLineOrMobile,
    /// Free for the caller.
    TollFree,
    /// Premium rate.
    PremiumRate,
    /// Shared cost.
    SharedCost,
    /// Personal number.
    PersonalNumber,
    /// Voice over IP.
    Voip,
    /// Pager.
    Pager,
    /// Universal access number (company number).
    Uan,
    /// Voicemail access.
    Voicemail,
}

impl NumberType {
    /// The types in the order of their bits in the compiled type automata
    /// (`numrep-gen`'s `NUMBER_TYPES`).
    pub const ALL: [NumberType; 10] = [
        NumberType::FixedLine,
        NumberType::Mobile,
        NumberType::TollFree,
        NumberType::PremiumRate,
        NumberType::SharedCost,
        NumberType::PersonalNumber,
        NumberType::Voip,
        NumberType::Pager,
        NumberType::Uan,
        NumberType::Voicemail,
    ];

    /// The names of [`ALL`](Self::ALL) in `data/world/libphonenumber/number_types.csv`.
    pub const ALL_NAMES: [&'static str; 10] = [
        "fixed_line",
        "mobile",
        "toll_free",
        "premium_rate",
        "shared_cost",
        "personal_number",
        "voip",
        "pager",
        "uan",
        "voicemail",
    ];

    /// libphonenumber's name (`FIXED_LINE`, …).
    pub const fn libphonenumber_name(self) -> &'static str {
        match self {
            NumberType::FixedLine => "FIXED_LINE",
            NumberType::Mobile => "MOBILE",
            NumberType::FixedLineOrMobile => "FIXED_LINE_OR_MOBILE",
            NumberType::TollFree => "TOLL_FREE",
            NumberType::PremiumRate => "PREMIUM_RATE",
            NumberType::SharedCost => "SHARED_COST",
            NumberType::PersonalNumber => "PERSONAL_NUMBER",
            NumberType::Voip => "VOIP",
            NumberType::Pager => "PAGER",
            NumberType::Uan => "UAN",
            NumberType::Voicemail => "VOICEMAIL",
        }
    }

    fn bit(self) -> u16 {
        NumberType::ALL
            .iter()
            .position(|&t| t == self)
            .map_or(0, |i| 1 << i)
    }
}

/// libphonenumber's `ValidationResult` of the length check (`is_possible_number`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LengthCheck {
    /// A length numbers of this territory have.
    Possible,
    /// A length only diallable within an area (without area code).
    PossibleLocalOnly,
    /// Shorter than every number.
    TooShort,
    /// Longer than every number.
    TooLong,
    /// Between the shortest and the longest, but no number has this length.
    InvalidLength,
}

/// Regions (geographic territories) by ISO 3166 alpha-2 code, e.g. `"DE"`.
pub(crate) fn territory(region: &str) -> Option<&'static Territory> {
    TERRITORIES
        .binary_search_by(|t| (t.region, t.code).cmp(&(region, 0)))
        .err()
        .and_then(|i| TERRITORIES.get(i))
        .filter(|t| t.region == region && region != "001")
}

/// The territories of a calling code in the order libphonenumber tries them (main
/// region first); the one non-geographic territory for +800, +808, +870, ….
pub(crate) fn territories_for_code(code: u16) -> impl Iterator<Item = &'static Territory> {
    CODE_TERRITORIES
        .binary_search_by_key(&code, |&(c, _)| c)
        .map_or(&[][..], |i| CODE_TERRITORIES[i].1)
        .iter()
        .filter_map(|&i| TERRITORIES.get(usize::from(i)))
}

/// The territory whose formats and number plan a calling code uses by default: the main
/// region (US for +1, GB for +44) or the non-geographic territory.
pub(crate) fn main_territory(code: u16) -> Option<&'static Territory> {
    territories_for_code(code).next()
}

/// The territory a national number of a calling code belongs to, as libphonenumber's
/// `region_code_for_number` decides it: in metadata order, a region whose leading
/// digits start the number, or (for regions without leading digits) whose number
/// patterns it matches. `None` when no region claims it (an invalid number of a shared
/// code). `national` is ASCII digits.
pub(crate) fn region_for_number(code: u16, national: &[u8]) -> Option<&'static Territory> {
    let mut all = territories_for_code(code);
    let first = all.next()?;
    if all.next().is_none() {
        return Some(first);
    }
    territories_for_code(code).find(|t| {
        if t.leading_digits != NOTHING {
            t.matches_leading_digits(national)
        } else {
            t.number_type(national).is_some()
        }
    })
}

impl Territory {
    /// Whether the region's leading digits (shared calling codes) start `national`.
    pub(crate) fn matches_leading_digits(&self, national: &[u8]) -> bool {
        self.leading_digits != NOTHING && AUTOMATA.prefixes(self.leading_digits, national) != 0
    }

    /// libphonenumber's length check (`is_possible_number` with type UNKNOWN).
    pub(crate) fn length_check(&self, national: &[u8]) -> LengthCheck {
        let n = national.len();
        if self.possible == 0 {
            return LengthCheck::InvalidLength;
        }
        if n < 32 && self.local_only & (1 << n) != 0 {
            return LengthCheck::PossibleLocalOnly;
        }
        let min = self.possible.trailing_zeros() as usize;
        let max = 31 - self.possible.leading_zeros() as usize;
        if n == min {
            LengthCheck::Possible
        } else if n < min {
            LengthCheck::TooShort
        } else if n > max {
            LengthCheck::TooLong
        } else if self.possible & (1 << n) != 0 {
            LengthCheck::Possible
        } else {
            LengthCheck::InvalidLength
        }
    }

    /// The types whose pattern and lengths `national` matches (bit per
    /// [`NumberType::ALL`]), only when it matches the general description too.
    fn type_bits(&self, national: &[u8]) -> u16 {
        let n = national.len();
        if n >= 32 {
            return 0;
        }
        let bits = AUTOMATA.full(self.types, national);
        (0..NumberType::ALL.len())
            .filter(|&i| bits & (1 << i) != 0 && self.type_lengths[i] & (1 << n) != 0)
            .fold(0, |acc, i| acc | 1 << i)
    }

    /// libphonenumber's number type of `national` (ASCII digits) in this territory; `None`
    /// = `UNKNOWN`, i.e. not a valid number here (`is_valid_number_for_region`).
    pub(crate) fn number_type(&self, national: &[u8]) -> Option<NumberType> {
        let bits = self.type_bits(national);
        if bits == 0 {
            return None;
        }
        let has = |t: NumberType| bits & t.bit() != 0;
        for t in [
            NumberType::PremiumRate,
            NumberType::TollFree,
            NumberType::SharedCost,
            NumberType::Voip,
            NumberType::PersonalNumber,
            NumberType::Pager,
            NumberType::Uan,
            NumberType::Voicemail,
        ] {
            if has(t) {
                return Some(t);
            }
        }
        if has(NumberType::FixedLine) {
            return Some(if self.same_fixed_mobile || has(NumberType::Mobile) {
                NumberType::FixedLineOrMobile
            } else {
                NumberType::FixedLine
            });
        }
        (!self.same_fixed_mobile && has(NumberType::Mobile)).then_some(NumberType::Mobile)
    }

    /// How many leading digits of `dialled` are this territory's international prefix
    /// (`00`, `011`, `0011`, `00 15` …), chosen as libphonenumber's pattern would. The
    /// caller still checks libphonenumber's rule that a calling code never starts with 0.
    pub(crate) fn international_prefix_len(&self, dialled: &[u8]) -> Option<usize> {
        self.international_prefixes
            .iter()
            .find(|p| dialled.starts_with(p.as_bytes()))
            .map(|p| p.len())
    }
}
