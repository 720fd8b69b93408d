//! numrep vs Google libphonenumber on a deterministic sample of German numbers.
//!
//! `tests/golden/libphonenumber_de.csv` is written by
//! `scripts/golden_from_libphonenumber.py` (PyPI `phonenumbers` 9.0.43): every 25th area
//! code, one number per mobile block, one per service/reserve range of `data/de/ranges.csv`
//! and libphonenumber's example number of every DE number type, each with libphonenumber's
//! `number_type` and `is_valid`.
//!
//! The German numbers of the conformance fixture (`conformance_numbers.csv`) are
//! compared the same way.
//!
//! A row agrees when numrep's validity (`valid` or not) equals `is_valid` and, for valid
//! numbers, numrep's category maps to libphonenumber's number type. Rows that disagree must
//! be covered by [`KNOWN_DIFFERENCES`], an explicit list of justified differences (numrep
//! follows the German fact sheet where libphonenumber is older or coarser); any other
//! disagreement fails the test. An allow-list entry that matches no disagreement fails
//! the test too, so the list cannot rot. The agreement rate is printed.

use std::path::PathBuf;

use numrep::{lookup, Options};

mod support;
use support::differences::{known_difference, lpn_types, KNOWN_DIFFERENCES};

/// Agreement figures over the rows compared.
#[derive(Default)]
struct Figures {
    total: usize,
    agree: usize,
    allowed: Vec<usize>,
    failures: Vec<String>,
}

impl Figures {
    /// Compares numrep with libphonenumber's `lpn_type` and `lpn_valid` for `e164`.
    fn compare(&mut self, e164: &str, lpn_type: &str, lpn_valid: bool, label: &str) {
        self.total += 1;
        let report = lookup(e164, &Options::new());
        if let Some(number) = report.number() {
            assert_eq!(
                number.e164().as_deref(),
                Some(e164),
                "{label}: E.164 round trip"
            );
        }
        let ours_valid = report.is_valid();
        let category = report.category().map_or("", |c| c.as_str());
        let same =
            ours_valid == lpn_valid && (!ours_valid || lpn_types(category).contains(&lpn_type));
        if same {
            self.agree += 1;
            return;
        }
        match known_difference(&report) {
            Some(i) => self.allowed[i] += 1,
            None => self.failures.push(format!(
                "{label}: {e164}: libphonenumber {lpn_type} valid={lpn_valid}, numrep {category} {}",
                report
                    .validity()
                    .map_or_else(|| report.error().map_or("", |e| e.code()), |v| v.as_str())
            )),
        }
    }
}

fn golden(name: &str) -> csv::Reader<std::fs::File> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/golden")
        .join(name);
    csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn agrees_with_libphonenumber_except_known_differences() {
    let mut figures = Figures {
        allowed: vec![0; KNOWN_DIFFERENCES.len()],
        ..Figures::default()
    };
    let mut reader = golden("libphonenumber_de.csv");
    assert_eq!(
        reader.headers().expect("header").iter().collect::<Vec<_>>(),
        ["e164", "sample", "number_type", "is_valid", "is_possible"]
    );
    for record in reader.records() {
        let record = record.expect("row");
        let line = record.position().map_or(0, |p| p.line());
        let label = format!("libphonenumber_de.csv line {line} ({})", &record[1]);
        figures.compare(&record[0], &record[2], &record[3] == "true", &label);
    }
    let sampled = figures.total;
    // The German numbers of the conformance fixture (every type's examples, numbers
    // drawn from its patterns, and their mutations), once each.
    let mut reader = golden("conformance_numbers.csv");
    let header = reader.headers().expect("header").clone();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (e164, valid, kind, origin) = (
        column("e164"),
        column("valid"),
        column("type"),
        column("origin"),
    );
    let mut seen = std::collections::HashSet::new();
    for record in reader.records() {
        let record = record.expect("row");
        if !record[e164].starts_with("+49") || !seen.insert(record[e164].to_string()) {
            continue;
        }
        let label = format!("conformance_numbers.csv ({})", &record[origin]);
        figures.compare(
            &record[e164],
            &record[kind],
            &record[valid] == "true",
            &label,
        );
    }
    let Figures {
        total,
        agree,
        allowed,
        failures,
    } = figures;
    assert!(
        sampled >= 300,
        "only {sampled} rows in libphonenumber_de.csv"
    );
    let rate = 100.0 * agree as f64 / total as f64;
    println!("agreement with libphonenumber on German numbers: {agree}/{total} = {rate:.1}%");
    for (d, n) in KNOWN_DIFFERENCES.iter().zip(&allowed) {
        println!(
            "  allowed difference +{} {:?} ({}): {n} row(s)",
            d.prefix, d.lengths, d.reason
        );
    }
    let unused: Vec<_> = KNOWN_DIFFERENCES
        .iter()
        .zip(&allowed)
        .filter(|(_, &n)| n == 0)
        .map(|(d, _)| d.reason)
        .collect();
    for f in &failures {
        eprintln!("  FAIL {f}");
    }
    assert!(
        failures.is_empty(),
        "{} unexplained disagreements with libphonenumber",
        failures.len()
    );
    assert!(
        unused.is_empty(),
        "allow-list entries that match no disagreement: {unused:?}"
    );
}
