//! Golden cases for the German numbering plan and for bad input.
//!
//! `tests/golden/de.csv` holds one row per case with the answer the fact sheet
//! (`/work/shared/facts/de-numbering-plan.md`) gives, and the section it comes from.
//! Every row is parsed with region DE and classified; every field is compared and
//! *all* mismatches are printed together with their CSV line before the test fails.
//!
//! Columns of `de.csv`:
//! - `e164`: the canonical form (`PhoneNumber`'s `Display`: E.164 for full numbers,
//!   the bare code for short codes), followed by `;ext=<digits>` when an extension
//!   was read.
//! - `category`, `validity`: `as_str()` names.
//! - `caller_id`: the report's one caller-ID verdict (`Report::caller_id`): `forbidden`
//!   when TKG § 120 bans it (or 110/112 is shown), `implausible` when the number cannot
//!   exist or never calls (reserve, abolished, internal, incomplete, too long, pagers),
//!   else `allowed`.
//! - `place`, `operator`, `tariff` (tariff id): empty means "none".
//! - `known_gap` = `yes`: the fact sheet and the current code disagree; the row keeps
//!   the fact-sheet answer and is reported separately without failing the test.
//!
//! `tests/golden/errors.csv` (`input,error_code,message_contains`) lists inputs that
//! must fail with the given stable `ParseError::code()`, and whose message contains
//! `message_contains` when that column is not empty.

use std::collections::BTreeSet;
use std::path::PathBuf;

use numrep::{lookup, parse, Options, Region};

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/golden")
        .join(name)
}

fn data_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/de")
        .join(name)
}

/// Reads a CSV file into (line number, header → value) rows.
fn read_csv(path: &PathBuf, expected_header: &[&str]) -> Vec<(u64, Vec<String>)> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::None)
        .from_path(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let header: Vec<String> = reader
        .headers()
        .expect("header row")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, expected_header, "header of {}", path.display());
    reader
        .records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let line = r.position().map_or(0, |p| p.line());
            (line, r.iter().map(str::to_owned).collect())
        })
        .collect()
}

const DE_HEADER: [&str; 10] = [
    "input",
    "e164",
    "category",
    "validity",
    "caller_id",
    "place",
    "operator",
    "tariff",
    "source",
    "known_gap",
];

/// What numrep answers for one input, in the CSV's column order (`e164` … `tariff`).
fn actual(input: &str) -> Result<[String; 7], String> {
    let report = lookup(input, &Options::new());
    if let Some(e) = report.error() {
        return Err(format!("parse error {}", e.code()));
    }
    let (Some(number), Some(c), Some(caller_id)) =
        (report.number(), report.classification(), report.caller_id())
    else {
        return Err("a report without a number".into());
    };
    let mut e164 = number.to_string();
    if let Some(ext) = number.extension() {
        e164.push_str(";ext=");
        e164.push_str(ext);
    }
    Ok([
        e164,
        c.category().as_str().to_owned(),
        c.validity().as_str().to_owned(),
        caller_id.as_str().to_owned(),
        c.place().unwrap_or_default().to_owned(),
        c.operator().unwrap_or_default().to_owned(),
        c.tariff().map(|t| t.id()).unwrap_or_default().to_owned(),
    ])
}

#[test]
fn german_plan_golden() {
    let path = golden_path("de.csv");
    let rows = read_csv(&path, &DE_HEADER);
    assert!(rows.len() >= 200, "de.csv has only {} rows", rows.len());

    let mut failures = Vec::new();
    let mut gaps = Vec::new();
    let mut closed_gaps = Vec::new();
    let mut seen = BTreeSet::new();
    for (line, row) in &rows {
        let input = &row[0];
        assert!(
            seen.insert(input.clone()),
            "line {line}: duplicate input {input:?}"
        );
        let gap = match row[9].as_str() {
            "" => false,
            "yes" => true,
            other => panic!("line {line}: known_gap must be empty or yes, not {other:?}"),
        };
        let mut diffs = Vec::new();
        match actual(input) {
            Err(e) => diffs.push(format!("expected a number, got {e}")),
            Ok(got) => {
                for (i, got) in got.iter().enumerate() {
                    let expected = &row[i + 1];
                    if got != expected {
                        diffs.push(format!(
                            "{}: expected {expected:?}, got {got:?}",
                            DE_HEADER[i + 1]
                        ));
                    }
                }
            }
        }
        let report = format!(
            "de.csv line {line}: {input:?} [{}]: {}",
            row[8],
            diffs.join("; ")
        );
        match (diffs.is_empty(), gap) {
            (true, false) => {}
            (true, true) => closed_gaps.push(format!("de.csv line {line}: {input:?}")),
            (false, true) => gaps.push(report),
            (false, false) => failures.push(report),
        }
    }
    if !gaps.is_empty() {
        eprintln!(
            "{} known gap(s) (fact sheet vs code, not failing):",
            gaps.len()
        );
        for g in &gaps {
            eprintln!("  GAP  {g}");
        }
    }
    if !closed_gaps.is_empty() {
        eprintln!("known_gap rows that pass now (remove the flag):");
        for g in &closed_gaps {
            eprintln!("  FIXED {g}");
        }
    }
    for f in &failures {
        eprintln!("  FAIL {f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden rows disagree (see FAIL lines above)",
        failures.len(),
        rows.len()
    );
}

/// Every row of `data/de/ranges.csv` and `data/de/short_codes.csv` is the longest
/// matching range of at least one golden case, unless longer rows cover it completely.
#[test]
fn golden_cases_cover_every_range_row() {
    let rows = read_csv(&golden_path("de.csv"), &DE_HEADER);
    let mut missing = Vec::new();
    for (file, short) in [("ranges.csv", false), ("short_codes.csv", true)] {
        let mut reader = csv::Reader::from_path(data_path(file)).expect("data file");
        let prefixes: Vec<String> = reader
            .records()
            .map(|r| r.expect("data row")[0].to_owned())
            .collect();
        let mut hit = BTreeSet::new();
        for (_, row) in &rows {
            let Ok(n) = parse(&row[0], Region::DE) else {
                continue;
            };
            if n.is_short_code() != short || n.country_code() != 49 {
                continue;
            }
            let national = n.national_number();
            if let Some(longest) = prefixes
                .iter()
                .filter(|p| national.starts_with(p.as_str()))
                .max_by_key(|p| p.len())
            {
                hit.insert(longest.clone());
            }
        }
        for p in &prefixes {
            let shadowed =
                (b'0'..=b'9').all(|d| prefixes.contains(&format!("{p}{}", char::from(d))));
            if !shadowed && !hit.contains(p) {
                missing.push(format!("{file}: {p}"));
            }
        }
    }
    assert!(missing.is_empty(), "no golden case for: {missing:?}");
}

#[test]
fn error_golden() {
    let path = golden_path("errors.csv");
    let rows = read_csv(&path, &["input", "error_code", "message_contains"]);
    assert!(rows.len() >= 20, "errors.csv has only {} rows", rows.len());
    let mut failures = Vec::new();
    for (line, row) in &rows {
        let (input, code, contains) = (&row[0], &row[1], &row[2]);
        match parse(input, Region::DE) {
            Ok(n) => failures.push(format!(
                "errors.csv line {line}: {input:?}: expected {code}, parsed as {n}"
            )),
            Err(e) if e.code() != code => failures.push(format!(
                "errors.csv line {line}: {input:?}: expected {code}, got {} ({e})",
                e.code()
            )),
            Err(e) if !e.to_string().contains(contains.as_str()) => failures.push(format!(
                "errors.csv line {line}: {input:?}: message {:?} lacks {contains:?}",
                e.to_string()
            )),
            Err(_) => {}
        }
    }
    for f in &failures {
        eprintln!("  FAIL {f}");
    }
    assert!(
        failures.is_empty(),
        "{} error rows disagree",
        failures.len()
    );
}
