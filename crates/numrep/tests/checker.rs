//! The Checker over the example lists in data/examples: own numbers change the advice,
//! allow entries overrule block entries, and source evidence is weighed in.

use numrep::lists::{load_own_numbers, load_rules, Date, ListFormat, ListKind, LoadOptions};
use numrep::{
    Checker, Lang, Options, Region, ReputationVerdict, Risk, SourceEvidence, SourceStatus,
};

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
    report.reasons().iter().map(|r| r.code()).collect()
}

#[test]
fn own_vendor_number_inside_its_window_goes_to_vendor_management() {
    let report = checker().check("040 5555 0123", day(2026, 11, 28));
    let own = report.own_number().expect("registered");
    assert_eq!(own.vendor, "Callcenter Nord GmbH");
    assert_eq!(own.campaign.as_deref(), Some("Winteraktion 2026"));
    assert!(own.in_window);
    assert_eq!(report.risk(), Some(Risk::Low));
    assert_eq!(report.advice().unwrap().code(), "vendor_management");
    assert!(codes(&report).contains(&"own_number"));
}

#[test]
fn own_vendor_number_outside_its_window_is_a_warning() {
    let report = checker().check("+49 40 5555 0123", day(2027, 1, 15));
    assert!(!report.own_number().unwrap().in_window);
    assert_eq!(report.risk(), Some(Risk::Medium));
    assert!(codes(&report).contains(&"own_number_outside_window"));
    // Never "the call came from one of our call centers": it may be someone else's now.
    assert_eq!(report.advice().unwrap().code(), "check_registration");
    let text = report.reasons()[0].message(numrep::Lang::En).to_string();
    assert!(text.contains("until 2026-12-31"), "{text}");
    assert!(text.contains("reassigned"), "{text}");
}

#[test]
fn the_incident_our_vendor_number_that_sources_call_a_sex_line() {
    let mut tellows = SourceEvidence::answered("tellows", "tellows", SourceStatus::Ok);
    tellows.elapsed_ms = 120;
    tellows.verdict = Some(ReputationVerdict::Spam);
    tellows.risk_score = Some(89);
    tellows.labels = vec!["Erotik-Hotline".into()];
    tellows.comments = Some(37);
    tellows.summary = Some("Score 8".into());
    let report = checker().check_with_sources("040 5555 0123", day(2026, 11, 28), vec![tellows]);
    assert_eq!(report.risk(), Some(Risk::High));
    assert_eq!(report.reasons()[0].code(), "source_spam");
    assert!(report.reasons()[0]
        .message(numrep::Lang::En)
        .to_string()
        .contains("Erotik-Hotline"));
    // Still ours: vendor management, not a security alarm.
    assert_eq!(report.advice().unwrap().code(), "vendor_management");
    assert_eq!(report.sources().len(), 1);
}

#[test]
fn block_range_rule_and_allow_entry_overruling_it() {
    let c = checker();
    let blocked = c.check("0900 1 234567", day(2026, 11, 28));
    assert_eq!(
        blocked.list().unwrap().decision,
        numrep::lists::Decision::Blocked
    );
    assert!(codes(&blocked).contains(&"blocklisted"));
    let allowed = c.check("+49 900 5 555 010", day(2026, 11, 28));
    let list = allowed.list().unwrap();
    assert_eq!(list.decision, numrep::lists::Decision::Allowed);
    assert_eq!(list.overruled, vec!["+49900*".to_string()]);
    assert!(codes(&allowed).contains(&"allowlisted"));
    // The law still holds: a 0900 number is never a legitimate caller ID, and the
    // allow entry says so.
    assert!(codes(&allowed).contains(&"caller_id_forbidden"));
    assert_eq!(allowed.risk(), Some(Risk::High));
    assert_eq!(allowed.caller_id_allowed(), Some(false));
    let allow = allowed
        .reasons()
        .iter()
        .find(|r| r.code() == "allowlisted")
        .expect("allow reason");
    let text = allow.message(numrep::Lang::En).to_string();
    assert!(text.contains("cannot overrule the law"), "{text}");
    // The block rule it overrules no longer weighs.
    let block = allowed.reasons().iter().find(|r| r.code() == "blocklisted");
    assert!(block.is_none_or(|r| r.is_overruled()));
}

#[test]
fn wangiri_country_on_the_block_list_is_known_bad() {
    let report = checker().check("00216 20 123 456", day(2026, 11, 28));
    assert_eq!(report.risk(), Some(Risk::High));
    assert_eq!(report.advice().unwrap().code(), "known_bad");
    assert!(codes(&report).contains(&"wangiri_country"));
}

#[test]
fn short_codes_and_bad_input_skip_the_lists() {
    let c = checker();
    let short = c.check("110", day(2026, 11, 28));
    assert!(short.list().is_none() && short.own_number().is_none());
    assert_eq!(short.advice().unwrap().code(), "fake_police");
    let bad = c.check("call me", day(2026, 11, 28));
    assert!(!bad.is_ok());
    assert_eq!(bad.error().unwrap().code(), "no_digits");
    assert_eq!(
        bad.caller_id_allowed(),
        None,
        "no caller-ID verdict without a number"
    );
}

#[test]
fn our_vendor_showing_a_premium_number_is_a_vendor_matter_that_breaks_the_law() {
    let report = checker().check("0900 5 123456", day(2026, 11, 28));
    assert_eq!(report.own_number().unwrap().vendor, "Callcenter Süd GmbH");
    assert_eq!(report.advice().unwrap().code(), "vendor_management");
    assert_eq!(report.risk(), Some(Risk::High));
    assert_eq!(report.caller_id_allowed(), Some(false));
    assert!(codes(&report).contains(&"own_number_illegal_caller_id"));
    assert!(
        !codes(&report).contains(&"caller_id_forbidden"),
        "not 'the display was faked'"
    );
    let text = report.reasons()[0].message(numrep::Lang::De).to_string();
    assert!(
        text.contains("TKG § 120") && text.contains("Callcenter Süd GmbH"),
        "{text}"
    );
}

#[test]
fn an_allowlisted_partner_abroad_is_not_a_cost_trap() {
    let report = checker().check("+216 71 555 123", day(2026, 11, 28));
    assert_eq!(
        report.list().unwrap().decision,
        numrep::lists::Decision::Allowed
    );
    assert_eq!(report.risk(), Some(Risk::Low));
    assert_ne!(report.advice().unwrap().code(), "do_not_call_back");
    assert_ne!(report.advice().unwrap().code(), "known_bad");
    let wangiri = report
        .reasons()
        .iter()
        .find(|r| r.code() == "wangiri_country")
        .expect("still shown");
    assert!(wangiri.is_overruled());
    assert!(wangiri
        .message(numrep::Lang::En)
        .to_string()
        .starts_with("Overruled by our allow list"));
}

#[test]
fn the_register_says_what_was_checked() {
    let report = checker().check("030 1234567", day(2026, 11, 28));
    assert_eq!(
        report.register(),
        Some(numrep::RegisterCheck::NotListed { entries: 5 })
    );
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json["register"]["message"],
        "not in our register (5 entries)"
    );
    let bare = numrep::lookup("030 1234567", &Options::default());
    assert_eq!(bare.register(), Some(numrep::RegisterCheck::NotConfigured));
    let json = serde_json::to_value(&bare).unwrap();
    assert_eq!(
        json["register"]["message"],
        "no register of our numbers configured"
    );
}

#[test]
fn fake_police_advice_names_110_only_for_german_displays() {
    let advice = |input: &str, region: Region, lang: Lang| {
        let report =
            Checker::new(Options::new().region(region).lang(lang)).check(input, day(2026, 11, 28));
        let advice = report.advice().expect("an emergency display has advice");
        (advice.code(), advice.text(lang))
    };
    for input in ["110", "112", "030 110", "+110"] {
        let (code, text) = advice(input, Region::DE, Lang::De);
        assert_eq!(code, "fake_police", "{input}");
        assert!(text.contains("selbst 110 wählen"), "{input}: {text}");
    }
    for (input, region) in [
        ("999", Region::GB),
        ("112", Region::GB),
        ("911", Region::US),
        ("000", Region::AU),
    ] {
        for lang in [Lang::En, Lang::De] {
            let (code, text) = advice(input, region, lang);
            assert_eq!(code, "fake_police_abroad", "{input} in {region:?}");
            // A British customer told to dial 110 reaches nobody.
            assert!(!text.contains("110"), "{input} in {region:?}: {text}");
        }
    }
}
