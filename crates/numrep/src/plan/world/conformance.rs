//! The world tables against the conformance fixture (`tests/golden/conformance_*.csv`,
//! written by `scripts/conformance_fixture.py` from the pinned libphonenumber oracle),
//! at the table level: region, type and validity, possible length and the three formats
//! of every parsed number; the trunk prefix of nationally written numbers; the
//! international prefix of numbers dialled from abroad; short numbers. The full
//! parse → report conformance test comes with the wiring into `parse`/`classify`.
//!
//! Every disagreement is printed (up to 20 per column) with its fixture row.

use std::collections::{HashMap, HashSet};

use super::test_data::read_csv;
use super::*;

#[path = "../../../tests/support/tally.rs"]
mod tally;
use tally::Tally;

fn fixture(name: &str) -> Vec<HashMap<String, String>> {
    read_csv(&format!("tests/golden/{name}"))
}

fn type_name(t: Option<Category>) -> &'static str {
    t.and_then(Category::libphonenumber_type)
        .unwrap_or("UNKNOWN")
}

fn digits(text: &str) -> Vec<u8> {
    text.bytes().filter(u8::is_ascii_digit).collect()
}

#[test]
fn numbers_agree_with_libphonenumber() {
    let rows = fixture("conformance_numbers.csv");
    assert!(rows.len() > 20_000, "fixture has {} rows", rows.len());
    let mut tally = Tally::default();
    let mut seen = HashSet::new();
    for row in rows.iter().filter(|r| r["parsed"] == "ok") {
        let code: u16 = row["country_code"].parse().unwrap();
        let nsn = row["national_number"].as_bytes();
        let label = format!(
            "{} [{}] ({})",
            row["input"], row["default_region"], row["origin"]
        );
        if seen.insert((code, row["national_number"].clone())) {
            let region = region_for_number(code, nsn);
            tally.check(
                "region",
                region.map_or("", |t| t.region),
                &row["region"],
                &label,
            );
            let number_type = region.and_then(|t| t.number_type(nsn));
            tally.check("type", type_name(number_type), &row["type"], &label);
            tally.check(
                "valid",
                if number_type.is_some() {
                    "true"
                } else {
                    "false"
                },
                &row["valid"],
                &label,
            );
            let possible = main_territory(code).is_some_and(|t| {
                matches!(
                    t.length_check(nsn),
                    LengthCheck::Possible | LengthCheck::PossibleLocalOnly
                )
            });
            tally.check(
                "possible",
                if possible { "true" } else { "false" },
                &row["possible"],
                &label,
            );
            for (column, mode) in [
                ("e164", FormatMode::E164),
                ("international", FormatMode::International),
                ("national", FormatMode::National),
            ] {
                let got = format(code, nsn, mode)
                    .map(|f| f.to_string())
                    .unwrap_or_default();
                tally.check(column, &got, &row[column], &label);
            }
        }
        // The trunk prefix of a nationally written number, as libphonenumber's parser
        // strips it: only when what is left is not too short for the region.
        let origin = &row["origin"];
        if origin.ends_with(", national format") || origin.ends_with("without trunk prefix") {
            let t = territory(&row["default_region"]).unwrap();
            let written = digits(&row["input"]);
            let national = match t.strip_national_prefix(&written) {
                Some(s)
                    if !matches!(
                        t.length_check(s.digits()),
                        LengthCheck::TooShort
                            | LengthCheck::PossibleLocalOnly
                            | LengthCheck::InvalidLength
                    ) =>
                {
                    s.digits().to_vec()
                }
                _ => written,
            };
            if row["country_code"] == t.code.to_string() {
                tally.check(
                    "national form -> number",
                    std::str::from_utf8(&national).unwrap(),
                    &row["national_number"],
                    &label,
                );
            }
        }
        // The region's own international prefix before the calling code: as many
        // digits as the oracle took for it (Hong Kong's greedy `00(?:…|[126-9]?)` takes
        // `008` of `00 852 …`, so libphonenumber reads +52 there, and so must we).
        if origin.contains("own international prefix") {
            let t = territory(&row["default_region"]).unwrap();
            let written = digits(&row["input"]);
            let rest = format!("{}{}", row["country_code"], row["national_number"]);
            if let Some(idd) = written
                .len()
                .checked_sub(rest.len())
                .filter(|_| written.ends_with(rest.as_bytes()))
            {
                let got = t.international_prefix_len(&written).unwrap_or(0);
                tally.check(
                    "international prefix",
                    &got.to_string(),
                    &idd.to_string(),
                    &label,
                );
            }
        }
    }
    tally.print("libphonenumber conformance, numbers (table level)");
    let failing = tally.failing();
    assert!(failing.is_empty(), "disagreements: {failing:?}");
}

#[test]
fn short_numbers_agree_with_libphonenumber() {
    let rows = fixture("conformance_short.csv");
    assert!(rows.len() > 5_000, "fixture has {} rows", rows.len());
    let mut tally = Tally::default();
    let flag = |b: bool| if b { "true" } else { "false" };
    for row in rows
        .iter()
        .filter(|r| !r["national_number"].starts_with("error:"))
    {
        let label = format!("{} [{}] ({})", row["input"], row["region"], row["origin"]);
        let t = territory(&row["region"]).unwrap();
        let nsn = t.short_number(row["national_number"].as_bytes()).unwrap();
        // libphonenumber's emergency checks read the digits as dialled.
        let dialled = t.short_number(&digits(&row["input"])).unwrap();
        let cost = match nsn.cost {
            ShortCost::TollFree => "TOLL_FREE",
            ShortCost::StandardRate => "STANDARD_RATE",
            ShortCost::PremiumRate => "PREMIUM_RATE",
            ShortCost::Unknown => "UNKNOWN_COST",
        };
        tally.check("possible", flag(nsn.possible), &row["possible"], &label);
        tally.check("valid", flag(nsn.valid), &row["valid"], &label);
        tally.check("cost", cost, &row["cost"], &label);
        tally.check(
            "emergency",
            flag(dialled.emergency),
            &row["emergency"],
            &label,
        );
        tally.check(
            "connects_to_emergency",
            flag(t.connects_to_emergency(&digits(&row["input"])) == Some(true)),
            &row["connects_to_emergency"],
            &label,
        );
        tally.check(
            "carrier_specific",
            flag(nsn.carrier_specific),
            &row["carrier_specific"],
            &label,
        );
        tally.check(
            "sms_service",
            flag(nsn.sms_service),
            &row["sms_service"],
            &label,
        );
    }
    tally.print("libphonenumber conformance, short numbers");
    let failing = tally.failing();
    assert!(failing.is_empty(), "disagreements: {failing:?}");
}
