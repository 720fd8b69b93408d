//! The compiled numbering tables and lookups over them. No start-up work: all statics.
//!
//! Private to the crate: the table layout may change with any release; the public
//! types ([`Classification`](crate::Classification), [`Region`](crate::Region),
//! [`Tariff`](crate::Tariff), …) expose what is in them through accessors.
//!
//! Two families of tables: `generated.rs` (Germany in depth from the BNetzA tables in
//! `data/de/`, calling-code and region names, risky calling codes) and `world/`
//! (libphonenumber's metadata for every territory, compiled into automata).

#[rustfmt::skip]
mod generated;
mod types;
pub(crate) mod world;

pub(crate) use generated::{
    BNETZA_SNAPSHOT, CODE_INDEX, COUNTRY_CODES, DATA_FINGERPRINT, DE_PLAN, OPERATORS,
    PLACE_LENGTHS, PLACE_STARTS, PLACE_TEXT, RANGE_NAMES, REGIONS, RISKY_CODES, TARIFFS,
};
pub use types::{CallerIdRule, Category};
pub(crate) use types::{
    CodeKind, CountryCodeInfo, NationalPlan, RangeName, RangeRecord, RangeStatus, RegionInfo,
    RiskyCode, TariffRow, NONE, PLACE_NAMES_PER_START,
};

/// The country calling code at the start of `digits` (E.164 digits without `+`).
pub(crate) fn country_code_at(digits: &[u8]) -> Option<&'static CountryCodeInfo> {
    let mut slot = 0usize;
    for i in 0..3 {
        // Pad a short input with zeros; the length check below rejects a code longer
        // than the digits given.
        slot = slot * 10 + usize::from(digits.get(i).map_or(0, |b| b - b'0'));
    }
    let found = COUNTRY_CODES.get(usize::from(CODE_INDEX[slot]))?;
    (usize::from(found.len) <= digits.len()).then_some(found)
}

/// The name of place `index` (from a [`PrefixTable`](types::PrefixTable)), `None` for
/// [`NONE`].
pub(crate) fn place_name(index: u16) -> Option<&'static str> {
    let i = usize::from(index);
    let len = usize::from(*PLACE_LENGTHS.get(i)?);
    let first = i - i % PLACE_NAMES_PER_START;
    let before: usize = PLACE_LENGTHS
        .get(first..i)?
        .iter()
        .map(|&l| usize::from(l))
        .sum();
    let start = *PLACE_STARTS.get(i / PLACE_NAMES_PER_START)? as usize + before;
    PLACE_TEXT.get(start..start + len)
}

/// The calling code record for `code`.
pub(crate) fn country_code(code: u16) -> Option<&'static CountryCodeInfo> {
    let slot = match code {
        0..=9 => code * 100,
        10..=99 => code * 10,
        _ => code,
    };
    let found = COUNTRY_CODES.get(usize::from(*CODE_INDEX.get(usize::from(slot))?))?;
    (found.code == code).then_some(found)
}

/// The in-depth plan for a calling code, if numrep has one (Germany so far).
pub(crate) fn national_plan(code: u16) -> Option<&'static NationalPlan> {
    (code == DE_PLAN.country_code).then_some(&DE_PLAN)
}

/// Warning lists for a calling code.
pub(crate) fn risky_code(code: u16) -> Option<&'static RiskyCode> {
    RISKY_CODES
        .binary_search_by_key(&code, |r| r.code)
        .ok()
        .map(|i| &RISKY_CODES[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_names_read_back_as_the_text_they_were_cut_from() {
        let names: Vec<&str> = (0..PLACE_LENGTHS.len())
            .map(|i| place_name(u16::try_from(i).expect("fewer than 65,535 places")))
            .map(|name| name.expect("every index has a name"))
            .collect();
        assert!(names.iter().all(|name| !name.is_empty()));
        assert_eq!(names.concat(), PLACE_TEXT);
        assert_eq!(place_name(0), Some("Essen"));
        let past = u16::try_from(PLACE_LENGTHS.len()).expect("fewer than 65,535 places");
        assert_eq!(place_name(past), None);
        assert_eq!(place_name(NONE), None);
    }

    #[test]
    fn area_codes_find_their_places_in_every_run() {
        // One area code from several runs of the place offsets, first and last included.
        for (national, place) in [
            ("201123456", "Essen"),
            ("30123456", "Berlin"),
            ("89123456", "München"),
            ("9978123456", "Schönthal Oberpfalz"),
            ("38851123456", "Zarrentin"),
        ] {
            let (_, index) = DE_PLAN.national.find_with_place(national.as_bytes());
            assert_eq!(place_name(index), Some(place), "{national}");
        }
    }
}
