//! The public API (`lookup` and the report's accessors) against libphonenumber's answers
//! on the committed conformance fixture (`tests/golden/conformance_*.csv`, written by
//! `scripts/conformance_fixture.py` from the pinned PyPI `phonenumbers` oracle): every
//! written form of every region's numbers, parsed with the region the oracle parsed it
//! with, compared column by column.
//!
//! Measures of done (issue 8): validity + type agree on ≥ 99.9 % outside the documented
//! German differences; region ≥ 99.9 %; international and national formats ≥ 99.5 %;
//! emergency numbers 100 %. The figures are printed always (`-- --nocapture`), the
//! disagreements when a measure is missed.
//!
//! Documented differences (`docs/differences.md`), counted apart:
//! - German numbers (`+49`) are classified by the BNetzA tables: a validity/type
//!   disagreement covered by `support::differences` is counted there, not against the
//!   measure. Their formats keep the BNetzA grouping and are reported separately.
//! - A national prefix written twice after the calling code (`+43 00 1…`): numrep strips
//!   it as often as libphonenumber's rule allows, libphonenumber once.
//! - A German number written without its trunk prefix (`30 123456`) is the error
//!   `missing_trunk_prefix`, not a guess; one that starts with 0 after its trunk prefix
//!   (`+49 0001…`) is the error `invalid_national_number`.

use std::collections::HashMap;

use numrep::{lookup, Category, Mode, Options, Region, Report};

mod support;
use support::csv_rows::read_csv;
use support::differences::known_difference;
use support::tally::Tally;

fn fixture(name: &str) -> Vec<HashMap<String, String>> {
    read_csv(&format!("tests/golden/{name}"))
}

/// `valid/TYPE` as the fixture has it; invalid numbers have no type.
fn validity_and_type(report: &Report) -> String {
    let valid = report.is_valid();
    let kind = if valid {
        report
            .category()
            .and_then(Category::libphonenumber_type)
            .unwrap_or("UNKNOWN")
    } else {
        "UNKNOWN"
    };
    format!("{valid}/{kind}")
}

/// The default region a fixture row was parsed with (`001`: only `+` numbers, any region).
fn region_of(code: &str) -> Region {
    Region::from_code(code).unwrap_or_default()
}

fn formatted(report: &Report, mode: Mode) -> String {
    report
        .formatted(mode)
        .map(|f| f.to_string())
        .unwrap_or_default()
}

#[test]
fn numbers_agree_with_libphonenumber() {
    let rows = fixture("conformance_numbers.csv");
    assert!(rows.len() > 20_000, "fixture has {} rows", rows.len());
    let mut main = Tally::default();
    let mut german = Tally::default();
    for row in rows.iter().filter(|r| r["parsed"] == "ok") {
        let input = &row["input"];
        let default = &row["default_region"];
        let label = format!("{input} [{default}] ({})", row["origin"]);
        let report = lookup(input, &Options::new().region(region_of(default)));
        // Also libphonenumber's own national format of German pagers (`164 12345`),
        // which it writes without the trunk prefix.
        let de_without_trunk = default == "DE" && !input.starts_with(['0', '+']);
        if de_without_trunk {
            let code = report.error().map_or("ok", |e| e.code());
            german.check(
                "parse (missing_trunk_prefix)",
                code,
                "missing_trunk_prefix",
                &label,
            );
            continue;
        }
        let Some(number) = report.number() else {
            let code = report.error().map_or("?", |e| e.code());
            // No German national number starts with 0: `+49 0…` after the trunk prefix
            // is a typo numrep reports (docs/differences.md).
            let documented = row["country_code"] == "49" && code == "invalid_national_number";
            let tally = if documented { &mut german } else { &mut main };
            tally.check("parse", code, "ok", &label);
            continue;
        };
        main.check("parse", "ok", "ok", &label);
        let want_number = format!("+{} {}", row["country_code"], row["national_number"]);
        let got_number = format!("+{} {}", number.country_code(), number.national_number());
        // A national prefix written twice (`+43 00 1…`): libphonenumber strips one, numrep
        // both, so that the number's E.164 form reads back as the same number.
        let stripped_again = got_number.len() < want_number.len()
            && want_number.ends_with(number.national_number())
            && number.country_code().to_string() == row["country_code"];
        let number_tally = if stripped_again {
            &mut german
        } else {
            &mut main
        };
        number_tally.check("number", &got_number, &want_number, &label);
        let region = report.region().map_or("", |r| r.code());
        let want_region = if row["region"] == "001" {
            ""
        } else {
            &row["region"]
        };
        main.check("region", region, want_region, &label);
        let got = validity_and_type(&report);
        let want = format!("{}/{}", row["valid"], row["type"]);
        let is_german = number.country_code() == 49;
        let documented = stripped_again || (is_german && known_difference(&report).is_some());
        if got != want && documented {
            german.check("validity + type (documented)", &got, &want, &label);
            continue;
        }
        main.check("validity + type", &got, &want, &label);
        // The prefix written twice changes the number, and so its formats.
        let formats = if is_german || stripped_again {
            &mut german
        } else {
            &mut main
        };
        for (column, mode) in [
            ("international format", Mode::International),
            ("national format", Mode::National),
        ] {
            let got = formatted(&report, mode);
            let want = &row[if mode == Mode::National {
                "national"
            } else {
                "international"
            }];
            formats.check(column, &got, want, &label);
        }
    }
    main.print("numrep's public API against libphonenumber (conformance_numbers.csv)");
    german.print("Documented differences (docs/differences.md), not measured");
    let measures = [
        ("parse", 99.9),
        ("number", 99.9),
        ("validity + type", 99.9),
        ("region", 99.9),
        ("international format", 99.5),
        ("national format", 99.5),
    ];
    let missed: Vec<String> = measures
        .iter()
        .filter(|(column, goal)| main.share(column) < *goal)
        .map(|(column, goal)| format!("{column}: {:.3} % < {goal} %", main.share(column)))
        .collect();
    assert!(missed.is_empty(), "measures missed: {missed:?}");
}

#[test]
fn short_numbers_agree_with_libphonenumber() {
    let rows = fixture("conformance_short.csv");
    assert!(rows.len() > 5_000, "fixture has {} rows", rows.len());
    let mut tally = Tally::default();
    for row in rows
        .iter()
        .filter(|r| !r["national_number"].starts_with("error:"))
    {
        let region = Region::from_code(&row["region"]).expect("a region");
        let input = &row["input"];
        let label = format!("{input} [{region}] ({})", row["origin"]);
        let report = lookup(input, &Options::new().region(region));
        let short = report.number().is_some_and(|n| n.is_short_code());
        let category = report.category();
        if row["emergency"] == "true" {
            tally.check(
                "emergency number",
                category.map_or("error", Category::as_str),
                Category::Emergency.as_str(),
                &label,
            );
            tally.check(
                "emergency: never a caller ID",
                &format!("{:?}", report.caller_id_allowed()),
                "Some(false)",
                &label,
            );
        }
        if row["valid"] == "true" && short && region != Region::DE {
            // libphonenumber's `ShortNumberCost` names: TOLL_FREE, …, UNKNOWN_COST.
            let cost = report.cost().map_or("none".into(), |c| {
                c.as_str()
                    .to_ascii_uppercase()
                    .replace("UNKNOWN", "UNKNOWN_COST")
            });
            tally.check("cost of a valid short number", &cost, &row["cost"], &label);
        }
    }
    tally.print("numrep's public API against libphonenumber (conformance_short.csv)");
    let emergency = tally.share("emergency number");
    assert_eq!(emergency, 100.0, "emergency numbers: {emergency:.2} %");
    assert_eq!(tally.share("emergency: never a caller ID"), 100.0);
    assert!(tally.share("cost of a valid short number") >= 99.5);
}
