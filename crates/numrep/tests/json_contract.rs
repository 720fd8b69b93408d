//! `Report::write_json` (the CLI's fast path) writes exactly what
//! `serde_json::to_writer(&report)` writes, for every kind of report: numbers of every
//! range, short codes of every region (with their cost), foreign numbers, rejected input with quotes and control
//! characters, own numbers, block/allow decisions and online sources, in both languages.

use numrep::lists::{load_own_numbers, load_rules, Date, ListFormat, ListKind, LoadOptions};
use numrep::{
    Checker, Lang, Options, Region, Report, ReputationVerdict, SourceEvidence, SourceStatus,
};

fn example(name: &str) -> String {
    let path = format!("{}/../../data/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn checker(lang: Lang) -> Checker {
    let opts = LoadOptions::default();
    let own = load_own_numbers(
        &example("own_numbers.csv"),
        "own.csv",
        ListFormat::Csv,
        &opts,
    )
    .expect("registry");
    let block = load_rules(
        &example("blocklist.csv"),
        "block \"1\".csv",
        ListKind::Block,
        ListFormat::Csv,
        &opts,
    )
    .expect("block list");
    let allow = load_rules(
        &example("allowlist.json"),
        "allow.json",
        ListKind::Allow,
        ListFormat::Json,
        &opts,
    )
    .expect("allow list");
    Checker::new(Options::new().lang(lang))
        .with_own_numbers(own.list)
        .with_rules(block.list)
        .with_rules(allow.list)
}

fn inputs() -> Vec<String> {
    let golden = format!("{}/../../tests/golden/de.csv", env!("CARGO_MANIFEST_DIR"));
    let mut reader = csv::Reader::from_path(golden).expect("de.csv");
    let mut out: Vec<String> = reader
        .records()
        .map(|r| r.expect("row")[0].to_string())
        .collect();
    out.extend(
        [
            "",
            "call \"me\" \\ now",
            "030 12\t34",
            "\u{1}\u{1f}\u{7f}",
            "0800 FLOWERS",
            "+1 876 555 0123",
            "+44 1481 123456",
            "+216 71 555 123",
            "00216 20 123 456",
            "040 5555 0123",
            "0900 5 123456",
            "+49 900 5 555 010",
            "+49 30 5550 9123",
            "+49 30 5550 9000",
            "030 110",
            "+882 16 12345678",
            "tel:+49-30-1234567;ext=12",
        ]
        .map(String::from),
    );
    out
}

fn source(verdict: ReputationVerdict) -> SourceEvidence {
    let mut evidence = SourceEvidence::answered("tellows \"test\"", "tellows", SourceStatus::Ok);
    evidence.cached = true;
    evidence.elapsed_ms = 12;
    evidence.verdict = Some(verdict);
    evidence.risk_score = Some(80);
    evidence.labels = vec!["Erotik-Hotline".into(), "a\nb".into()];
    evidence.comments = Some(3);
    evidence.summary = Some("Score 8 – „sehr unseriös“".into());
    evidence
}

/// The fast writer and serde write the same bytes for `report`.
fn assert_same_json(report: &Report, label: &str) {
    let mut fast = Vec::new();
    report.write_json(&mut fast);
    let reference = serde_json::to_string(report).expect("serializes");
    assert_eq!(
        String::from_utf8(fast).expect("UTF-8"),
        reference,
        "{label}"
    );
}

#[test]
fn write_json_equals_serde_json_for_every_kind_of_report() {
    let day = Date::new(2026, 11, 28).expect("valid");
    let mut compared = 0;
    for lang in [Lang::En, Lang::De] {
        let checker = checker(lang);
        for input in inputs() {
            for sources in [
                vec![],
                vec![
                    source(ReputationVerdict::Spam),
                    source(ReputationVerdict::Legitimate),
                ],
            ] {
                let report = checker.check_with_sources(&input, day, sources);
                assert_same_json(&report, &format!("{input:?} ({lang:?})"));
                compared += 1;
            }
        }
        let plain = numrep::lookup("030 1234567", &Options::new().lang(lang));
        assert_same_json(&plain, "a plain lookup");
        // Every region: short numbers with their cost, foreign lines and findings.
        for (input, region) in [
            ("999", Region::GB),
            ("911", Region::US),
            ("000", Region::AU),
            ("118 118", Region::GB),
            ("070 1234 5678", Region::GB),
            ("0900 123456", Region::AT),
            ("(11) 2345-6789", Region::BR),
            ("+41 900 123 456", Region::DE),
            ("+979 123456789", Region::DE),
            ("+44 20 794 6", Region::DE),
            ("+1 200 555 0100", Region::DE),
            ("+971 600212345", Region::DE),
            ("+882 34851234567", Region::DE),
        ] {
            let report = numrep::lookup(input, &Options::new().region(region).lang(lang));
            let mut fast = Vec::new();
            report.write_json(&mut fast);
            let reference = serde_json::to_string(&report).expect("serializes");
            assert_eq!(
                String::from_utf8(fast).expect("UTF-8"),
                reference,
                "{input:?}"
            );
            compared += 1;
        }
    }
    assert!(compared > 500, "{compared}");
}
