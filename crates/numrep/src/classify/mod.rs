//! [`PhoneNumber`] → what kind of line it is, from the compiled tables. No allocation.
//!
//! German numbers (`+49`, and short codes dialled in Germany) are classified by the
//! BNetzA tables (`german`): ranges, tariffs, area codes, mobile blocks. Every other
//! number by libphonenumber's metadata (`world`): number type, validity and region,
//! short numbers with their cost. `docs/differences.md` lists where the two disagree.

mod facts;
mod german;
mod world;

use serde::Serialize;

pub use facts::{Cost, NumberRange, Tariff};

use crate::country_code::CountryCode;
use crate::lang::Lang;
use crate::number::PhoneNumber;
use crate::plan::{
    national_plan, place_name, CallerIdRule, Category, RangeRecord, NONE, OPERATORS, RANGE_NAMES,
    TARIFFS,
};
use crate::region::Region;

/// Whether a number can exist, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Validity {
    /// Complete number in an assigned range.
    Valid,
    /// Fewer digits than the range needs.
    TooShort,
    /// More digits than the range allows.
    TooLong,
    /// No number of the country has this many digits (shorter than some, longer than
    /// others).
    InvalidLength,
    /// The range is reserve or not allocated: no number range holds the number.
    UnassignedRange,
    /// The range was shut down.
    AbolishedRange,
    /// Operator-internal; end users cannot dial or receive it.
    NotDiallable,
    /// The calling code is not assigned.
    UnknownCountryCode,
    /// numrep has no number plan for this calling code; only the code was checked.
    Unverified,
}

impl Validity {
    /// The stable snake_case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Validity::Valid => "valid",
            Validity::TooShort => "too_short",
            Validity::TooLong => "too_long",
            Validity::InvalidLength => "invalid_length",
            Validity::UnassignedRange => "unassigned_range",
            Validity::AbolishedRange => "abolished_range",
            Validity::NotDiallable => "not_diallable",
            Validity::UnknownCountryCode => "unknown_country_code",
            Validity::Unverified => "unverified",
        }
    }
}

/// Which tables answered.
#[derive(Debug, Clone, Copy)]
enum Source {
    /// Germany's BNetzA tables: the range record, the area code's record when a short
    /// code was dialled behind an area code (`030 115`), and the place.
    German {
        record: &'static RangeRecord,
        area: Option<&'static RangeRecord>,
        place: u16,
    },
    /// libphonenumber's metadata.
    World,
    /// No number plan (an unassigned calling code).
    Nothing,
}

/// What the tables say about a number: kind of line, validity, region, and (for
/// German numbers) place, operator, tariff and the range row behind it.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Classification {
    country: Option<CountryCode>,
    region: Option<Region>,
    category: Category,
    validity: Validity,
    caller_id: CallerIdRule,
    cost: Option<Cost>,
    source: Source,
}

impl Classification {
    /// The calling code, `None` when it is not assigned.
    pub fn country(&self) -> Option<CountryCode> {
        self.country
    }

    /// The region the number belongs to (`+1 416 …` → CA, `+44 1481 …` → GG); for a
    /// short code, the region it was dialled in. `None` for international networks
    /// (`+800`, `+881`, …) and numbers of a shared calling code that no region claims.
    pub fn region(&self) -> Option<Region> {
        self.region
    }

    /// Kind of line.
    pub fn category(&self) -> Category {
        self.category
    }

    /// Whether the number can exist.
    pub fn validity(&self) -> Validity {
        self.validity
    }

    /// True when the number is complete and in an assigned range.
    pub fn is_valid(&self) -> bool {
        self.validity == Validity::Valid
    }

    /// The caller-ID rule of the number's range (the report's verdict also weighs
    /// validity and what the rules found: [`Assessment::caller_id`](crate::Assessment::caller_id)).
    pub fn caller_id(&self) -> CallerIdRule {
        self.caller_id
    }

    /// What a call to a short code costs, where the metadata says.
    pub fn cost(&self) -> Option<Cost> {
        self.cost
    }

    /// Place name of a German landline (its area code).
    pub fn place(&self) -> Option<&'static str> {
        match self.source {
            Source::German { place, .. } => place_name(place),
            _ => None,
        }
    }

    /// Original operator of a German mobile block (numbers can be ported away).
    pub fn operator(&self) -> Option<&'static str> {
        let index = usize::from(self.record()?.operator);
        OPERATORS.get(index).copied()
    }

    /// Tariff of a German service range.
    pub fn tariff(&self) -> Option<Tariff> {
        TARIFFS
            .get(usize::from(self.record()?.tariff))
            .map(Tariff::new)
    }

    /// The German range row behind the answer: its official name and source.
    pub fn range(&self) -> Option<NumberRange> {
        RANGE_NAMES
            .get(usize::from(self.record()?.range))
            .map(NumberRange::new)
    }

    /// The country's name in `lang`: the resolved region's (`+44 1481` → Guernsey),
    /// else the calling code's (international networks).
    pub fn country_name(&self, lang: Lang) -> Option<&'static str> {
        match self.region {
            Some(region) => Some(region.name(lang)),
            None => self.country?.name(lang),
        }
    }

    /// True when the German BNetzA tables answered (rather than libphonenumber's
    /// metadata).
    pub(crate) fn is_german(&self) -> bool {
        matches!(self.source, Source::German { .. })
    }

    fn record(&self) -> Option<&'static RangeRecord> {
        match self.source {
            Source::German { record, .. } => Some(record),
            _ => None,
        }
    }

    /// The subscriber part of a German landline (the digits after its area code),
    /// `None` for every other kind of number.
    pub(crate) fn subscriber<'n>(&self, number: &'n PhoneNumber) -> Option<&'n [u8]> {
        let Source::German {
            area: None, place, ..
        } = self.source
        else {
            return None;
        };
        (place != NONE && self.category == Category::FixedLine)
            .then(|| number.national_digits().get(self.group_len()..))
            .flatten()
    }

    /// Digits of the leading group (area code or service prefix) in the German tables;
    /// 0 where they do not say.
    pub(crate) fn group_len(&self) -> usize {
        match self.source {
            Source::German { record, area, .. } => usize::from(area.unwrap_or(record).group_len),
            _ => 0,
        }
    }
}

/// Classifies a parsed number.
pub fn classify(number: &PhoneNumber) -> Classification {
    if let Some(region) = number.short_code_region() {
        return match national_plan(region.country_code()) {
            Some(plan) if region == Region::DE => german::short(number, plan),
            _ => world::short(number, region),
        };
    }
    let code = number.country_code();
    let Some(country) = CountryCode::new(code).ok().filter(|c| c.is_assigned()) else {
        return Classification {
            country: None,
            region: None,
            category: Category::Unknown,
            validity: Validity::UnknownCountryCode,
            caller_id: CallerIdRule::Implausible,
            cost: None,
            source: Source::Nothing,
        };
    };
    match national_plan(code) {
        Some(plan) => german::full(number, plan, country),
        None => world::full(number, country),
    }
}
