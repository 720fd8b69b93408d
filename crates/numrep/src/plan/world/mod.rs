//! libphonenumber's metadata for every territory, compiled (by `numrep-gen`) into
//! automata and small tables: number types and validity, possible lengths, dialling
//! prefixes, format rules, shared calling codes and short numbers. The answers follow
//! libphonenumber's own algorithms (`PhoneNumberUtil`, `ShortNumberInfo`) so that they
//! agree with it number for number; no regex runs here and nothing is set up at start.
//!
//! Private to the crate: `parse`, `classify` and `format` build on these functions.

mod automaton;
pub(crate) mod bits;
mod format;
mod prefix;
mod short;
#[rustfmt::skip]
mod tables;
mod types;

#[cfg(test)]
mod conformance;
#[cfg(test)]
mod proptests;
#[cfg(test)]
#[path = "../../../tests/support/csv_rows.rs"]
mod test_data;
#[cfg(test)]
mod tests;

use types::CodeRow;
pub(crate) use {
    format::{format, FormatMode, FormattedText},
    prefix::Stripped,
    short::ShortCost,
    tables::METADATA_VERSION,
    types::Territory,
};

use super::Category;
use automaton::NOTHING;
use bits::NUMBER_TYPES;
use tables::{AUTOMATA, CODE_SLOTS, CODE_TERRITORIES, NON_GEOGRAPHIC, TERRITORIES};

/// The bit of a number type in the type automata (0 for a category no automaton has).
const fn type_bit(category: Category) -> u16 {
    let mut i = 0;
    while i < NUMBER_TYPES.len() {
        if NUMBER_TYPES[i] as u8 == category as u8 {
            return 1 << i;
        }
        i += 1;
    }
    0
}

/// The types that win over fixed line and mobile, in libphonenumber's order
/// (`getNumberTypeHelper`), with their bits.
const SPECIAL_TYPES: [(u16, Category); 8] = {
    let types = [
        Category::PremiumRate,
        Category::TollFree,
        Category::SharedCost,
        Category::Voip,
        Category::PersonalNumber,
        Category::Pager,
        Category::Uan,
        Category::Voicemail,
    ];
    let mut out = [(0, Category::Unknown); 8];
    let mut i = 0;
    while i < types.len() {
        out[i] = (type_bit(types[i]), types[i]);
        i += 1;
    }
    out
};

/// The fixed-line and mobile bits.
const FIXED_LINE: u16 = type_bit(Category::FixedLine);
const MOBILE: u16 = type_bit(Category::Mobile);

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
#[cfg(test)]
pub(crate) fn territory(region: &str) -> Option<&'static Territory> {
    TERRITORIES
        .binary_search_by(|t| (t.region, t.code).cmp(&(region, 0)))
        .err()
        .and_then(|i| TERRITORIES.get(i))
        .filter(|t| t.region == region && region != "001")
}

/// The territory of region `index` of the region table (`plan::REGIONS`, which lists the
/// same regions in the same order).
pub(crate) fn region_territory(index: usize) -> Option<&'static Territory> {
    TERRITORIES.get(NON_GEOGRAPHIC.checked_add(index)?)
}

/// The index in the region table of the region with ISO code `code` (ASCII, upper case).
pub(crate) fn region_by_code(code: &[u8]) -> Option<usize> {
    TERRITORIES
        .get(NON_GEOGRAPHIC..)?
        .binary_search_by(|t| t.region.as_bytes().cmp(code))
        .ok()
}

/// The number of regions (geographic territories).
pub(crate) fn region_count() -> usize {
    TERRITORIES.len() - NON_GEOGRAPHIC
}

/// The index in the region table of a territory's region; `None` for `001`.
pub(crate) fn region_index(territory: &Territory) -> Option<usize> {
    // Every `&Territory` points into `TERRITORIES`: its place there is its address's
    // distance from the start (checked, so a stray reference gives `None`).
    let offset = (territory as *const Territory as usize)
        .wrapping_sub(TERRITORIES.as_ptr() as usize)
        / std::mem::size_of::<Territory>();
    TERRITORIES
        .get(offset)
        .filter(|t| std::ptr::eq(*t, territory))?;
    offset.checked_sub(NON_GEOGRAPHIC)
}

/// The territories of a calling code in the order libphonenumber tries them (main
/// region first); the one non-geographic territory for +800, +808, +870, ….
pub(crate) fn territories_for_code(code: u16) -> impl Iterator<Item = &'static Territory> {
    code_row(code)
        .map_or(&[][..], |row| row.territories)
        .iter()
        .filter_map(|&i| TERRITORIES.get(usize::from(i)))
}

/// The calling code's row: its territories and, when shared, which may claim a number.
fn code_row(code: u16) -> Option<&'static CodeRow> {
    CODE_SLOTS
        .get(usize::from(code))
        .and_then(|&slot| CODE_TERRITORIES.get(usize::from(slot)))
        .filter(|row| row.code == code)
}

/// The territory whose formats and number plan a calling code uses by default: the main
/// region (US for +1, GB for +44) or the non-geographic territory.
pub(crate) fn main_territory(code: u16) -> Option<&'static Territory> {
    territories_for_code(code).next()
}

/// The territory alone of [`region_and_type`] (for tests).
#[cfg(test)]
pub(crate) fn region_for_number(code: u16, national: &[u8]) -> Option<&'static Territory> {
    region_and_type(code, national).map(|(t, _)| t)
}

/// The territory a national number of a calling code belongs to, as libphonenumber's
/// `region_code_for_number` decides it: in metadata order, a region whose leading
/// digits start the number, or (for regions without leading digits) whose number
/// patterns it matches. `None` when no region claims it (an invalid number of a shared
/// code). `national` is ASCII digits. With it the number's type there
/// ([`Territory::number_type`]), which deciding the region often computes already.
pub(crate) fn region_and_type(
    code: u16,
    national: &[u8],
) -> Option<(&'static Territory, Option<Category>)> {
    let row = code_row(code)?;
    if let [only] = row.territories {
        let t = TERRITORIES.get(usize::from(*only))?;
        return Some((t, t.number_type(national)));
    }
    // Only the territories that may claim a number starting with these two digits are
    // tried (the generator's index: bit `i` = territory `i`); shorter numbers try all.
    let may_claim = match national {
        [a, b, ..] => usize::from(a.wrapping_sub(b'0')) * 10 + usize::from(b.wrapping_sub(b'0')),
        _ => usize::MAX,
    };
    let may_claim = row.claims.get(may_claim).copied().unwrap_or(u32::MAX);
    row.territories
        .iter()
        .enumerate()
        .filter(|&(i, _)| may_claim >> i & 1 != 0)
        .filter_map(|(_, &t)| TERRITORIES.get(usize::from(t)))
        .find_map(|t| claim(t, national))
}

/// libphonenumber's test of one territory of a shared code: its leading digits start
/// the number, or (without leading digits) the number is valid there.
fn claim(t: &'static Territory, national: &[u8]) -> Option<(&'static Territory, Option<Category>)> {
    if t.leading_digits != NOTHING {
        t.matches_leading_digits(national)
            .then(|| (t, t.number_type(national)))
    } else {
        t.number_type(national).map(|c| (t, Some(c)))
    }
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
    /// [`NUMBER_TYPES`]), only when it matches the general description too.
    fn type_bits(&self, national: &[u8]) -> u16 {
        let n = national.len();
        if n >= 32 {
            return 0;
        }
        // The types whose lengths allow `n`: a fixed loop of shifts, no branch.
        let lengths_allow = (0..NUMBER_TYPES.len()).fold(0u16, |acc, i| {
            acc | (((self.type_lengths[i] >> n) & 1) as u16) << i
        });
        // No type has this length (a digit more or less): no walk.
        if lengths_allow == 0 {
            return 0;
        }
        AUTOMATA.full(self.types, national) & lengths_allow
    }

    /// libphonenumber's number type of `national` (ASCII digits) in this territory, as a
    /// [`Category`]; `None` = `UNKNOWN`, i.e. not a valid number here
    /// (`is_valid_number_for_region`).
    pub(crate) fn number_type(&self, national: &[u8]) -> Option<Category> {
        let bits = self.type_bits(national);
        if bits == 0 {
            return None;
        }
        if let Some(&(_, special)) = SPECIAL_TYPES.iter().find(|&&(bit, _)| bits & bit != 0) {
            return Some(special);
        }
        if bits & FIXED_LINE != 0 {
            return Some(if self.same_fixed_mobile || bits & MOBILE != 0 {
                Category::FixedLineOrMobile
            } else {
                Category::FixedLine
            });
        }
        (!self.same_fixed_mobile && bits & MOBILE != 0).then_some(Category::Mobile)
    }

    /// How many leading digits of `dialled` are this territory's international prefix
    /// (`00`, `011`, `0011`, `00 15` …), chosen as libphonenumber's pattern would. The
    /// caller still checks libphonenumber's rule that a calling code never starts with 0.
    pub(crate) fn international_prefix_len(&self, dialled: &[u8]) -> Option<usize> {
        // libphonenumber's `re.match` of the pattern, compiled to a matcher (China's
        // carrier forms would be 2,101 strings to try one by one).
        if self.international_prefix == u16::MAX {
            return None;
        }
        prefix::match_len(self.international_prefix, dialled).filter(|&len| len > 0)
    }
}
