//! The compiled numbering tables and lookups over them. No start-up work: all statics.

#[rustfmt::skip]
mod generated;
mod types;
pub(crate) mod world;

pub use generated::{
    CODE_INDEX, COUNTRY_CODES, DATA_FINGERPRINT, DE_PLAN, OPERATORS, PLACE_ENDS, PLACE_TEXT,
    RANGE_NAMES, RECORDS, REGIONS, RISKY_CODES, SHARED_PREFIXES, TARIFFS,
};
pub use types::*;

/// The country calling code at the start of `digits` (E.164 digits without `+`).
pub fn country_code_at(digits: &[u8]) -> Option<&'static CountryCode> {
    let mut slot = 0usize;
    for i in 0..3 {
        // Pad a short input with zeros; the length check below rejects a code longer
        // than the digits given.
        slot = slot * 10 + usize::from(digits.get(i).map_or(0, |b| b - b'0'));
    }
    let found = COUNTRY_CODES.get(usize::from(CODE_INDEX[slot]))?;
    (usize::from(found.len) <= digits.len()).then_some(found)
}

/// The name of place `index` (from a [`PrefixTable`]), `None` for [`NONE`].
pub fn place_name(index: u16) -> Option<&'static str> {
    let i = usize::from(index);
    let end = *PLACE_ENDS.get(i)? as usize;
    let start = if i == 0 {
        0
    } else {
        PLACE_ENDS[i - 1] as usize
    };
    PLACE_TEXT.get(start..end)
}

/// The calling code record for `code`.
pub fn country_code(code: u16) -> Option<&'static CountryCode> {
    let slot = match code {
        0..=9 => code * 100,
        10..=99 => code * 10,
        _ => code,
    };
    let found = COUNTRY_CODES.get(usize::from(*CODE_INDEX.get(usize::from(slot))?))?;
    (found.code == code).then_some(found)
}

/// Dialling facts for an ISO 3166 alpha-2 region (upper case).
pub fn region_info(region: &str) -> Option<&'static RegionInfo> {
    REGIONS
        .binary_search_by(|r| r.region.cmp(region))
        .ok()
        .map(|i| &REGIONS[i])
}

/// The region a number belongs to inside a shared calling code (+1 416… → CA).
pub fn region_for(code: &CountryCode, national: &[u8]) -> Option<&'static str> {
    if !code.regions.contains(' ') {
        return code.main_region;
    }
    let start = SHARED_PREFIXES.partition_point(|p| p.code < code.code);
    SHARED_PREFIXES[start..]
        .iter()
        .take_while(|p| p.code == code.code)
        .find(|p| national.starts_with(p.prefix.as_bytes()))
        .map(|p| p.region)
        .or(code.main_region)
}

/// The in-depth plan for a calling code, if numrep has one (Germany so far).
pub fn national_plan(code: u16) -> Option<&'static NationalPlan> {
    (code == DE_PLAN.country_code).then_some(&DE_PLAN)
}

/// Warning lists for a calling code.
pub fn risky_code(code: u16) -> Option<&'static RiskyCode> {
    RISKY_CODES
        .binary_search_by_key(&code, |r| r.code)
        .ok()
        .map(|i| &RISKY_CODES[i])
}
