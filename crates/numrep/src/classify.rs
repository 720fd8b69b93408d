//! [`PhoneNumber`] → what kind of line it is, from the compiled tables. No allocation.

use serde::Serialize;

use crate::lang::Lang;
use crate::number::PhoneNumber;
use crate::plan::{
    country_code, national_plan, place_name, region_for, region_info, CallerIdRule, Category,
    CodeKind, CountryCode, NationalPlan, RangeName, RangeRecord, RangeStatus, Tariff, NONE,
    OPERATORS, RANGE_NAMES, TARIFFS,
};

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
    /// The range is reserve or not allocated.
    UnassignedRange,
    /// The range was shut down.
    AbolishedRange,
    /// Operator-internal; end users cannot dial or receive it.
    NotDiallable,
    /// The calling code is not assigned.
    UnknownCountryCode,
    /// numrep has no range tables for this country yet; only the calling code was checked.
    Unverified,
}

impl Validity {
    /// The stable snake_case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Validity::Valid => "valid",
            Validity::TooShort => "too_short",
            Validity::TooLong => "too_long",
            Validity::UnassignedRange => "unassigned_range",
            Validity::AbolishedRange => "abolished_range",
            Validity::NotDiallable => "not_diallable",
            Validity::UnknownCountryCode => "unknown_country_code",
            Validity::Unverified => "unverified",
        }
    }
}

/// What the tables say about a number.
#[derive(Debug, Clone, Copy)]
pub struct Classification {
    /// The calling code's entry (`None` only for unassigned codes).
    pub country: Option<&'static CountryCode>,
    /// ISO 3166 region, `None` for international networks.
    pub region: Option<&'static str>,
    /// Kind of line.
    pub category: Category,
    /// Whether the number can exist.
    pub validity: Validity,
    /// The caller-ID rule of its range.
    pub caller_id: CallerIdRule,
    /// The range record, when the country's plan is in numrep.
    pub record: Option<&'static RangeRecord>,
    /// The area-code record when a short code was dialled behind an area code (`030 115`).
    pub area: Option<&'static RangeRecord>,
    /// The area code's place (index for `plan::place_name`).
    place_index: u16,
}

impl Classification {
    /// True when the number is complete and in an assigned range.
    pub fn is_valid(&self) -> bool {
        self.validity == Validity::Valid
    }

    /// Place name of a geographic number (area code).
    pub fn place(&self) -> Option<&'static str> {
        place_name(self.place_index)
    }

    /// Original operator of a mobile block (numbers can be ported away).
    pub fn operator(&self) -> Option<&'static str> {
        self.record.and_then(|r| lookup(&OPERATORS, r.operator))
    }

    /// Tariff of a service range.
    pub fn tariff(&self) -> Option<&'static Tariff> {
        self.record.and_then(|r| TARIFFS.get(usize::from(r.tariff)))
    }

    /// Official name and source of the range row.
    pub fn range(&self) -> Option<&'static RangeName> {
        self.record
            .and_then(|r| RANGE_NAMES.get(usize::from(r.range)))
    }

    /// The subscriber part of a landline (the digits after its area code), `None` for
    /// every other kind of number.
    pub fn subscriber<'n>(&self, number: &'n PhoneNumber) -> Option<&'n [u8]> {
        (self.place_index != NONE && self.area.is_none() && self.category == Category::FixedLine)
            .then(|| number.national_digits().get(self.group_len()..))
            .flatten()
    }

    /// English and German name of the resolved region (`+1 876` → Jamaica), where known.
    pub fn region_names(&self) -> Option<(&'static str, &'static str)> {
        let info = region_info(self.region?)?;
        Some((info.name_en, info.name_de))
    }

    /// The country's name in `lang`: the resolved region's (`+44 1481` → Guernsey),
    /// else the calling code's (international networks).
    pub fn country_name(&self, lang: Lang) -> Option<&'static str> {
        match self.region_names() {
            Some((en, de)) => Some(lang.pick(de, en)),
            None => self.country.map(|c| lang.pick(c.name_de, c.name_en)),
        }
    }

    /// Digits of the leading group (area code or service prefix) for formatting.
    pub fn group_len(&self) -> usize {
        self.area
            .or(self.record)
            .map_or(0, |r| usize::from(r.group_len))
    }
}

fn lookup(table: &'static [&'static str], index: u16) -> Option<&'static str> {
    (index != NONE)
        .then(|| table.get(usize::from(index)).copied())
        .flatten()
}

/// Classifies a parsed number.
pub fn classify(number: &PhoneNumber) -> Classification {
    let national = number.national_digits();
    let Some(country) = country_code(number.country_code()) else {
        return Classification {
            country: None,
            region: None,
            category: Category::Unknown,
            validity: Validity::UnknownCountryCode,
            caller_id: CallerIdRule::Implausible,
            record: None,
            area: None,
            place_index: NONE,
        };
    };
    let region = region_for(country, national);
    let Some(plan) = national_plan(country.code) else {
        let category = match country.kind {
            CodeKind::InternationalNetwork => Category::InternationalNetwork,
            CodeKind::Geographic => Category::Unknown,
        };
        let validity = if usize::from(country.len) + national.len() > 15 {
            Validity::TooLong
        } else {
            Validity::Unverified
        };
        return Classification {
            country: Some(country),
            region,
            category,
            validity,
            caller_id: CallerIdRule::Allowed,
            record: None,
            area: None,
            place_index: NONE,
        };
    };
    let (national_index, national_place) = plan.national.find_with_place(national);
    let national_record = &plan.records[usize::from(national_index)];
    let suffix = (!number.is_short_code() && national_place != NONE)
        .then(|| area_suffix(plan, national_record, national))
        .flatten();
    let (record, digits) = match suffix {
        Some(suffix) => (&plan.records[usize::from(plan.short.find(suffix))], suffix),
        None if number.is_short_code() => (
            &plan.records[usize::from(plan.short.find(national))],
            national,
        ),
        None => (national_record, national),
    };
    let place_index = if number.is_short_code() {
        NONE
    } else {
        national_place
    };
    // Subscriber numbers never start with 0 after the area code (`089 0123456`).
    let zero_subscriber = suffix.is_none()
        && place_index != NONE
        && record.category == Category::FixedLine
        && national.get(usize::from(record.group_len)) == Some(&b'0');
    let validity = match validity(record, digits.len()) {
        Validity::Valid | Validity::TooLong if zero_subscriber => Validity::UnassignedRange,
        other => other,
    };
    Classification {
        country: Some(country),
        region,
        category: record.category,
        validity,
        caller_id: record.caller_id,
        record: Some(record),
        area: suffix.map(|_| national_record),
        place_index,
    }
}

/// The short code after an area code (`30` + `115`), when the plan allows it there.
fn area_suffix<'a>(
    plan: &NationalPlan,
    record: &RangeRecord,
    national: &'a [u8],
) -> Option<&'a [u8]> {
    let subscriber = national.get(usize::from(record.group_len)..)?;
    plan.area_suffixes
        .iter()
        .any(|code| code.as_bytes() == subscriber)
        .then_some(subscriber)
}

/// Status and length → validity. A number too short to reach its range is `too_short`
/// even in a reserve range; an abolished range is abolished at any length.
fn validity(record: &RangeRecord, len: usize) -> Validity {
    let len = len as u8;
    match record.status {
        RangeStatus::Abolished => Validity::AbolishedRange,
        _ if len < record.min_len => Validity::TooShort,
        RangeStatus::Reserve => Validity::UnassignedRange,
        RangeStatus::Internal => Validity::NotDiallable,
        RangeStatus::Assigned if len > record.max_len => Validity::TooLong,
        RangeStatus::Assigned => Validity::Valid,
    }
}
