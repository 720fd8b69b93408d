//! `data/de/area_codes.csv` against libphonenumber's German range table
//! (`data/reference/libphonenumber-de/ranges.csv`, whose `Area Code Length` column gives
//! the real area-code boundaries), and the compiled tables (through the public API)
//! against both.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use numrep::{classify, parse, Mode, Region};

fn data(path: &str) -> PathBuf {
    numrep_gen::workspace_root().join("data").join(path)
}

/// One row of the range table that names an area code and a place.
struct AreaRow {
    pattern: String,
    area_code: String,
    place: String,
}

/// The rows of the range table with an `Area Code Length` and a place name.
fn range_table_area_rows() -> Vec<AreaRow> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .trim(csv::Trim::All)
        .flexible(true)
        .from_path(data("reference/libphonenumber-de/ranges.csv"))
        .expect("vendored range table");
    let header = reader.headers().expect("header").clone();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (prefix, acl, place) = (
        column("Prefix"),
        column("Area Code Length"),
        column("Geocode:de"),
    );
    // Fields are padded after the `;`, so the reader sees `"Essen"` with its quotes.
    let field = |r: &csv::StringRecord, i: usize| {
        let text = r.get(i).unwrap_or("");
        text.strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .unwrap_or(text)
            .to_string()
    };
    reader
        .records()
        .map(|r| r.expect("range table row"))
        .filter_map(|r| {
            let acl: usize = field(&r, acl).parse().ok()?;
            let place = Some(field(&r, place)).filter(|s| !s.is_empty())?;
            let pattern = field(&r, prefix);
            Some(AreaRow {
                area_code: pattern.get(..acl)?.to_string(),
                pattern,
                place,
            })
        })
        .collect()
}

/// The digit strings of a range-table prefix (`621[0-478]`; `x` = any digit).
fn expand(pattern: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        let choices: Vec<char> = match c {
            '0'..='9' => vec![c],
            'x' => ('0'..='9').collect(),
            '[' => {
                let body: Vec<char> = chars.by_ref().take_while(|&c| c != ']').collect();
                let mut set = Vec::new();
                let mut i = 0;
                while i < body.len() {
                    if body.get(i + 1) == Some(&'-') {
                        set.extend(body[i]..=body[i + 2]);
                        i += 3;
                    } else {
                        set.push(body[i]);
                        i += 1;
                    }
                }
                set
            }
            other => panic!("range table prefix {pattern}: unexpected {other:?}"),
        };
        out = out
            .iter()
            .flat_map(|o| choices.iter().map(move |c| format!("{o}{c}")))
            .collect();
    }
    out
}

/// `data/de/area_codes.csv` as prefix → (area code, place).
fn data_rows() -> BTreeMap<String, (String, String)> {
    let mut reader = csv::Reader::from_path(data("de/area_codes.csv")).expect("area_codes.csv");
    reader
        .deserialize::<(String, String, String, String)>()
        .map(|r| {
            let (prefix, area_code, place, _source) = r.expect("area code row");
            (prefix, (area_code, place))
        })
        .collect()
}

/// The longest key of `rows` that `digits` starts with.
fn longest<'a, V>(rows: &'a BTreeMap<String, V>, digits: &str) -> Option<(&'a String, &'a V)> {
    (1..=digits.len())
        .rev()
        .find_map(|n| rows.get_key_value(&digits[..n]))
}

#[test]
fn every_area_code_in_the_data_is_one_the_range_table_knows() {
    let known: BTreeSet<String> = range_table_area_rows()
        .into_iter()
        .map(|r| r.area_code)
        .collect();
    let rows = data_rows();
    let mut wrong = Vec::new();
    for (prefix, (area_code, _)) in &rows {
        // The area code must be the range table's, and the deepest one above the prefix.
        let deepest = (2..=prefix.len())
            .rev()
            .map(|n| &prefix[..n])
            .find(|p| known.contains(*p));
        if !known.contains(area_code) || deepest != Some(area_code.as_str()) {
            wrong.push(format!(
                "{prefix}: area code {area_code}, range table {deepest:?}"
            ));
        }
    }
    let used: BTreeSet<&String> = rows.values().map(|(a, _)| a).collect();
    let missing: Vec<&String> = known.iter().filter(|a| !used.contains(a)).collect();
    assert!(
        wrong.is_empty(),
        "area codes the range table does not know: {wrong:?}"
    );
    assert!(
        missing.is_empty(),
        "range-table area codes missing from the data: {missing:?}"
    );
    assert_eq!(known.len(), 5202, "4 + 85 + 3,882 + 1,231 area codes");
    for not_an_area_code in ["465", "760", "6215", "62195"] {
        assert!(!known.contains(not_an_area_code), "{not_an_area_code}");
    }
}

#[test]
fn every_prefix_of_the_range_table_gets_its_place_and_area_code() {
    let rows = data_rows();
    let mut wrong = Vec::new();
    for row in range_table_area_rows() {
        for digits in expand(&row.pattern) {
            match longest(&rows, &digits) {
                Some((_, (area, place))) if *area == row.area_code && *place == row.place => {}
                found => wrong.push(format!("{digits} ({}): {found:?}", row.place)),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} prefixes wrong: {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(20)]
    );
}

#[test]
fn compiled_table_groups_every_area_code_by_its_real_length() {
    let rows = data_rows();
    let mut wrong = Vec::new();
    for (prefix, (area_code, place)) in &rows {
        // A full number under the prefix (its own digits, then filler).
        let number = format!("{prefix}{}", &"2345678"[..11 - prefix.len().min(5) - 2]);
        let parsed = parse(&format!("+49{number}"), Region::DE).expect("parses");
        let compiled_place = classify(&parsed).place();
        // The national format sets the area code (with its trunk 0) apart.
        let national = parsed.format(Mode::National).to_string();
        let group = national.split(' ').next().unwrap_or_default();
        if group.len() != area_code.len() + 1 || compiled_place != Some(place) {
            wrong.push(format!(
                "{number}: group {group} place {compiled_place:?}, want {} {place}",
                area_code.len()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong: {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(20)]
    );
}

#[test]
fn sylt_and_oberried_are_grouped_as_dialled() {
    let options = numrep::Options::default();
    for (input, national) in [
        ("04651 12345", "04651 12345"),
        ("+49 4651 12345", "04651 12345"),
        ("07602 12345", "07602 12345"),
        ("0621 5123456", "0621 5123456"),
        ("02129 12345", "02129 12345"),
        ("0212 123456", "0212 123456"),
    ] {
        let report = numrep::lookup(input, &options);
        assert_eq!(
            report.national_format().map(|f| f.to_string()).as_deref(),
            Some(national),
            "{input}"
        );
    }
}
