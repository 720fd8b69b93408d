//! German numbers from the BNetzA tables (`data/de/`): ranges with their status and
//! caller-ID rule, area codes with places, mobile blocks with operators, short codes.

use super::{Classification, Cost, Source, Validity};
use crate::country_code::CountryCode;
use crate::number::PhoneNumber;
use crate::plan::{Category, NationalPlan, RangeRecord, RangeStatus, NONE};
use crate::region::Region;

/// A full German number (`+49 …`).
#[inline(always)] // One caller (`classify`); left to itself the compiler flips.
pub(super) fn full(
    number: &PhoneNumber,
    plan: &'static NationalPlan,
    country: CountryCode,
) -> Classification {
    let national = number.national_digits();
    let (national_index, place) = plan.national.find_with_place(national);
    let national_record = &plan.records[usize::from(national_index)];
    let suffix = (place != NONE)
        .then(|| area_suffix(plan, national_record, national))
        .flatten();
    let (record, digits) = match suffix {
        Some(suffix) => (&plan.records[usize::from(plan.short.find(suffix))], suffix),
        None => (national_record, national),
    };
    // Subscriber numbers never start with 0 after the area code (`089 0123456`).
    let zero_subscriber = suffix.is_none()
        && place != NONE
        && record.category == Category::FixedLine
        && national.get(usize::from(record.group_len)) == Some(&b'0');
    let validity = match validity(record, digits.len()) {
        Validity::Valid | Validity::TooLong if zero_subscriber => Validity::UnassignedRange,
        other => other,
    };
    Classification {
        country: Some(country),
        region: Some(Region::DE),
        category: record.category,
        validity,
        caller_id: record.caller_id,
        cost: None,
        source: Source::German {
            record,
            area: suffix.map(|_| national_record),
            place,
        },
    }
}

/// A short code dialled in Germany (`110`, `116116`, `11833`), with the cost
/// libphonenumber's short-number metadata gives it.
#[inline(always)] // One caller (`classify`); left to itself the compiler flips.
pub(super) fn short(number: &PhoneNumber, plan: &'static NationalPlan) -> Classification {
    let digits = number.national_digits();
    let record = &plan.records[usize::from(plan.short.find(digits))];
    let cost = Region::DE
        .territory()
        .and_then(|t| t.short_number(digits))
        .map(|s| Cost::of(s.cost));
    Classification {
        country: CountryCode::new(plan.country_code).ok(),
        region: Some(Region::DE),
        category: record.category,
        validity: validity(record, digits.len()),
        caller_id: record.caller_id,
        cost,
        source: Source::German {
            record,
            area: None,
            place: NONE,
        },
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
