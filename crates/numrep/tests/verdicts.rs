//! Golden verdicts: risk, caller ID, advice and reasons for the cases agents got wrong
//! answers for (issue 7), with and without our example lists.
//!
//! `tests/golden/verdicts.csv` columns: `input`; `lists` (`examples` loads the own-number
//! registry, block and allow lists of `data/examples`, empty loads none); `date` (the day
//! of the call, ISO; default 2026-11-28); `region` (the default region for national
//! forms, ISO; default DE); `lang` (`en`/`de`, for the texts checked);
//! `risk`, `caller_id`, `advice` (codes); `reasons` (codes that must be present, space
//! separated); `absent` (codes that must not be present); `country` (the country name in
//! `lang`); `message_contains` (a text one of the reasons must contain); `source`. An empty
//! cell is not checked. Every mismatch is printed with its line before the test fails.

use std::path::PathBuf;

use numrep::lists::{load_own_numbers, load_rules, Date, ListFormat, ListKind, LoadOptions};
use numrep::{Checker, Lang, Options, Region, Report};

fn path(dir: &str, name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(dir)
        .join(name)
}

fn example(name: &str) -> String {
    let path = path("data/examples", name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn checker(lists: bool, region: Region, lang: Lang) -> Checker {
    let checker = Checker::new(Options::new().region(region).lang(lang));
    if !lists {
        return checker;
    }
    let opts = LoadOptions::default();
    let load = |name: &str, kind: ListKind, format: ListFormat| {
        load_rules(&example(name), name, kind, format, &opts).expect("example list")
    };
    let own = load_own_numbers(
        &example("own_numbers.csv"),
        "own_numbers.csv",
        ListFormat::Csv,
        &opts,
    )
    .expect("example registry");
    checker
        .with_own_numbers(own.list)
        .with_rules(load("blocklist.csv", ListKind::Block, ListFormat::Csv).list)
        .with_rules(load("allowlist.json", ListKind::Allow, ListFormat::Json).list)
}

fn check_row(row: &csv::StringRecord) -> Vec<String> {
    let field = |name: &str| {
        row.get(COLUMNS.iter().position(|c| *c == name).unwrap_or(0))
            .unwrap_or("")
    };
    let lang: Lang = field("lang").parse().unwrap_or_default();
    let date = match field("date") {
        "" => Date::new(2026, 11, 28).expect("valid"),
        text => Date::parse(text).expect("a valid date in the golden file"),
    };
    let region = match field("region") {
        "" => Region::DE,
        code => Region::from_code(code).expect("a region in the golden file"),
    };
    let report: Report =
        checker(field("lists") == "examples", region, lang).check(field("input"), date);
    let codes: Vec<&str> = report.reasons().iter().map(|r| r.code()).collect();
    let mut diffs = Vec::new();
    let mut expect = |name: &str, got: Option<&str>| {
        let want = field(name);
        if !want.is_empty() && got != Some(want) {
            diffs.push(format!("{name}: expected {want:?}, got {got:?}"));
        }
    };
    expect("risk", report.risk().map(|r| r.as_str()));
    expect("caller_id", report.caller_id().map(|c| c.as_str()));
    expect("advice", report.advice().map(|a| a.code()));
    expect("country", report.country());
    for code in field("reasons").split_whitespace() {
        if !codes.contains(&code) {
            diffs.push(format!("reason {code} missing in {codes:?}"));
        }
    }
    for code in field("absent").split_whitespace() {
        if codes.contains(&code) {
            diffs.push(format!("reason {code} must be absent: {codes:?}"));
        }
    }
    let wanted = field("message_contains");
    let messages: Vec<String> = report
        .reasons()
        .iter()
        .map(|r| r.message(lang).to_string())
        .collect();
    if !wanted.is_empty() && !messages.iter().any(|m| m.contains(wanted)) {
        diffs.push(format!("no reason contains {wanted:?}: {messages:?}"));
    }
    // One source of truth: the two caller-ID fields never contradict each other.
    let json = serde_json::to_value(&report).expect("serializes");
    let allowed = json["caller_id"] == "allowed";
    if json["caller_id_allowed"] != allowed {
        diffs.push(format!(
            "caller_id {} contradicts caller_id_allowed {}",
            json["caller_id"], json["caller_id_allowed"]
        ));
    }
    diffs
}

const COLUMNS: [&str; 13] = [
    "input",
    "lists",
    "date",
    "region",
    "lang",
    "risk",
    "caller_id",
    "advice",
    "reasons",
    "absent",
    "country",
    "message_contains",
    "source",
];

#[test]
fn verdict_golden() {
    let file = path("tests/golden", "verdicts.csv");
    let mut reader = csv::Reader::from_path(&file).expect("verdicts.csv");
    assert_eq!(reader.headers().expect("header"), &COLUMNS[..]);
    let mut failures = Vec::new();
    let mut rows = 0;
    for row in reader.records() {
        let row = row.expect("row");
        rows += 1;
        let line = row.position().map_or(0, |p| p.line());
        for diff in check_row(&row) {
            failures.push(format!("verdicts.csv line {line}: {:?}: {diff}", &row[0]));
        }
    }
    for f in &failures {
        eprintln!("  FAIL {f}");
    }
    assert!(rows >= 25, "verdicts.csv has only {rows} rows");
    assert!(failures.is_empty(), "{} verdict mismatches", failures.len());
}
