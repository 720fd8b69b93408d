//! Every number outside Germany's tables, from libphonenumber's metadata as compiled into
//! `plan::world`: the region (shared calling codes resolved number by number), the
//! number type and validity exactly as libphonenumber's `is_valid_number` and
//! `number_type` decide, and short numbers with their cost.

use super::{Classification, Cost, Source, Validity};
use crate::country_code::CountryCode;
use crate::number::PhoneNumber;
use crate::plan::world::{self, LengthCheck};
use crate::plan::{CallerIdRule, Category};
use crate::region::Region;

/// A full number of a calling code without an in-depth German-style plan.
#[inline(always)] // One caller (`classify`); left to itself the compiler flips.
pub(super) fn full(number: &PhoneNumber, country: CountryCode) -> Classification {
    let code = country.value();
    let national = number.national_digits();
    let found = world::region_and_type(code, national);
    let territory = found.map(|(t, _)| t);
    let region = territory.and_then(Region::of_territory);
    let typed = found.and_then(|(_, category)| category);
    let (category, validity) = match typed {
        Some(category) => (category, Validity::Valid),
        None => {
            // Why it is invalid: the length check of the region (or, when no region of a
            // shared code claims the number, of the code's main region), else the
            // patterns.
            let length = territory
                .or_else(|| world::main_territory(code))
                .map(|t| t.length_check(national));
            let validity = match length {
                Some(LengthCheck::TooShort | LengthCheck::PossibleLocalOnly) => Validity::TooShort,
                Some(LengthCheck::TooLong) => Validity::TooLong,
                Some(LengthCheck::InvalidLength) => Validity::InvalidLength,
                Some(LengthCheck::Possible) => Validity::UnassignedRange,
                None => Validity::Unverified,
            };
            (Category::Unknown, validity)
        }
    };
    Classification {
        country: Some(country),
        region,
        category,
        validity,
        caller_id: caller_id(category),
        cost: None,
        source: if validity == Validity::Unverified {
            Source::Nothing
        } else {
            Source::World
        },
    }
}

/// Pagers receive, they never call; every other kind of line can.
fn caller_id(category: Category) -> CallerIdRule {
    match category {
        Category::Pager => CallerIdRule::Implausible,
        _ => CallerIdRule::Allowed,
    }
}

/// A short code dialled in `region` (`999` in GB, `911` in the US, `000` in AU): an
/// emergency number or another short code, with its cost. Short codes exist only
/// inside their region and never show up as a caller's number.
pub(super) fn short(number: &PhoneNumber, region: Region) -> Classification {
    let digits = number.national_digits();
    let answer = region.territory().and_then(|t| t.short_number(digits));
    let (category, validity) = match answer {
        Some(s) if s.emergency => (Category::Emergency, Validity::Valid),
        Some(s) if s.valid => (Category::ShortCode, Validity::Valid),
        _ => (Category::ShortCode, Validity::UnassignedRange),
    };
    Classification {
        country: CountryCode::new(region.country_code()).ok(),
        region: Some(region),
        category,
        validity,
        caller_id: CallerIdRule::Implausible,
        cost: answer.map(|s| Cost::of(s.cost)),
        source: Source::World,
    }
}
