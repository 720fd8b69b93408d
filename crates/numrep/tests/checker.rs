//! The Checker over the example lists in data/examples: own numbers change the advice,
//! allow entries overrule block entries, and source evidence is weighed in.

use numrep::lists::{load_own_numbers, load_rules, Date, ListFormat, ListKind, LoadOptions};
use numrep::{Checker, Options, ReputationVerdict, Risk, SourceEvidence, SourceStatus};

fn example(name: &str) -> String {
    let path = format!("{}/../../data/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn checker() -> Checker {
    let opts = LoadOptions::default();
    let own = load_own_numbers(
        &example("own_numbers.csv"),
        "own_numbers.csv",
        ListFormat::Csv,
        &opts,
    )
    .unwrap();
    let block = load_rules(
        &example("blocklist.csv"),
        "blocklist.csv",
        ListKind::Block,
        ListFormat::Csv,
        &opts,
    )
    .unwrap();
    let allow = load_rules(
        &example("allowlist.json"),
        "allowlist.json",
        ListKind::Allow,
        ListFormat::Json,
        &opts,
    )
    .unwrap();
    assert_eq!(
        own.problem_count() + block.problem_count() + allow.problem_count(),
        0
    );
    Checker::new(Options::default())
        .with_own_numbers(own.list)
        .with_rules(block.list)
        .with_rules(allow.list)
}

fn day(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

fn codes(report: &numrep::Report) -> Vec<&str> {
    report.reasons.iter().map(|r| r.code).collect()
}

#[test]
fn own_vendor_number_inside_its_window_goes_to_vendor_management() {
    let report = checker().check("040 5555 0123", day(2026, 11, 28));
    let own = report.own_number.as_ref().expect("registered");
    assert_eq!(own.vendor, "Callcenter Nord GmbH");
    assert_eq!(own.campaign.as_deref(), Some("Winteraktion 2026"));
    assert!(own.in_window);
    assert_eq!(report.risk, Some(Risk::Low));
    assert_eq!(report.advice.as_ref().unwrap().code, "vendor_management");
    assert!(codes(&report).contains(&"own_number"));
}

#[test]
fn own_vendor_number_outside_its_window_is_a_warning() {
    let report = checker().check("+49 40 5555 0123", day(2027, 1, 15));
    assert!(!report.own_number.as_ref().unwrap().in_window);
    assert_eq!(report.risk, Some(Risk::Medium));
    assert!(codes(&report).contains(&"own_number_outside_window"));
    assert_eq!(report.advice.as_ref().unwrap().code, "vendor_management");
}

#[test]
fn the_incident_our_vendor_number_that_sources_call_a_sex_line() {
    let tellows = SourceEvidence {
        name: "tellows".into(),
        kind: "tellows".into(),
        status: SourceStatus::Ok,
        cached: false,
        elapsed_ms: 120,
        verdict: Some(ReputationVerdict::Spam),
        risk_score: Some(89),
        labels: vec!["Erotik-Hotline".into()],
        comments: Some(37),
        votes: None,
        summary: Some("Score 8".into()),
        error: None,
        lang: numrep::Lang::En,
    };
    let report = checker().check_with_sources("040 5555 0123", day(2026, 11, 28), vec![tellows]);
    assert_eq!(report.risk, Some(Risk::High));
    assert_eq!(report.reasons[0].code, "source_spam");
    assert!(report.reasons[0].message.contains("Erotik-Hotline"));
    // Still ours: vendor management, not a security alarm.
    assert_eq!(report.advice.as_ref().unwrap().code, "vendor_management");
    assert_eq!(report.sources.len(), 1);
}

#[test]
fn block_range_rule_and_allow_entry_overruling_it() {
    let c = checker();
    let blocked = c.check("0900 1 234567", day(2026, 11, 28));
    assert_eq!(
        blocked.list.as_ref().unwrap().decision,
        numrep::lists::Decision::Blocked
    );
    assert!(codes(&blocked).contains(&"blocklisted"));
    let allowed = c.check("+49 900 5 555 010", day(2026, 11, 28));
    let list = allowed.list.as_ref().unwrap();
    assert_eq!(list.decision, numrep::lists::Decision::Allowed);
    assert_eq!(list.overruled, vec!["+49900*".to_string()]);
    assert!(codes(&allowed).contains(&"allowlisted"));
    // The law still holds: a 0900 number is never a legitimate caller ID.
    assert!(codes(&allowed).contains(&"caller_id_forbidden"));
}

#[test]
fn wangiri_country_on_the_block_list_is_known_bad() {
    let report = checker().check("00216 20 123 456", day(2026, 11, 28));
    assert_eq!(report.risk, Some(Risk::High));
    assert_eq!(report.advice.as_ref().unwrap().code, "known_bad");
    assert!(codes(&report).contains(&"wangiri_country"));
}

#[test]
fn short_codes_and_bad_input_skip_the_lists() {
    let c = checker();
    let short = c.check("110", day(2026, 11, 28));
    assert!(short.list.is_none() && short.own_number.is_none());
    assert_eq!(short.advice.as_ref().unwrap().code, "spoofed_caller_id");
    let bad = c.check("call me", day(2026, 11, 28));
    assert!(!bad.ok);
    assert_eq!(bad.error.as_ref().unwrap().code, "invalid_character");
}
