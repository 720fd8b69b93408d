//! Loads the example list files from `data/examples` and checks real lookups.

use numrep::lists::{
    load_own_numbers, load_rules, Date, Decision, ListFormat, ListKind, LoadOptions, PatternKind,
    RuleSet, WindowPosition,
};

fn example(name: &str) -> String {
    let path = format!("{}/../../data/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn date(text: &str) -> Date {
    Date::parse(text).expect("valid date")
}

fn rules() -> RuleSet {
    let mut rules = RuleSet::new();
    for (name, kind) in [
        ("blocklist.csv", ListKind::Block),
        ("allowlist.json", ListKind::Allow),
    ] {
        let text = example(name);
        let format = ListFormat::from_file_name(name).expect("known format");
        let loaded =
            load_rules(&text, name, kind, format, &LoadOptions::default()).expect("example loads");
        assert!(loaded.problems.is_empty(), "{name}: {:?}", loaded.problems);
        rules.add(loaded.list);
    }
    rules
}

#[test]
fn own_numbers_example_matches_the_winter_campaign_range() {
    let loaded = load_own_numbers(
        &example("own_numbers.csv"),
        "own_numbers.csv",
        ListFormat::Csv,
        &LoadOptions::default(),
    )
    .expect("example loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.list.len(), 5);

    let during = loaded
        .list
        .lookup("494055550142", date("2026-11-20"))
        .expect("valid number");
    let best = during.best().expect("registered");
    assert_eq!(best.entry.vendor, "Callcenter Nord GmbH");
    assert_eq!(best.entry.campaign.as_deref(), Some("Winteraktion 2026"));
    assert_eq!(best.match_kind, PatternKind::Range);
    assert_eq!(best.validity, WindowPosition::Inside);

    let after = loaded
        .list
        .lookup("494055550142", date("2027-02-01"))
        .expect("valid number");
    let best = after.best().expect("still registered");
    assert_eq!(best.validity, WindowPosition::Expired);
    assert!(!best.in_window);

    let unrelated = loaded
        .list
        .lookup("494055550300", date("2026-11-20"))
        .expect("valid number");
    assert!(unrelated.best().is_none());
}

#[test]
fn allowlist_entry_overrules_the_premium_range_rule() {
    let rules = rules();
    let verdict = rules.evaluate("499005555010").expect("valid");
    assert_eq!(verdict.decision, Decision::Allowed);
    let deciding = verdict.deciding.as_ref().expect("allow rule");
    assert_eq!(deciding.source, "allowlist.json");
    assert_eq!(deciding.entry.line, Some(4));
    assert_eq!(verdict.overruled.len(), 1);
    assert_eq!(verdict.overruled[0].entry.pattern.to_string(), "+49900*");
}

#[test]
fn blocklist_rules_decide_without_an_allow_entry() {
    let rules = rules();
    let exact = rules.evaluate("4990055551234").expect("valid");
    assert_eq!(exact.decision, Decision::Blocked);
    let deciding = exact.deciding.as_ref().expect("block rule");
    assert_eq!(deciding.entry.category.as_deref(), Some("fraud"));
    assert_eq!(deciding.match_kind, PatternKind::Exact);
    assert_eq!(exact.also_matched.len(), 1);
    assert_eq!(exact.also_matched[0].entry.pattern.to_string(), "+49900*");

    let ping = rules.evaluate("21655512345").expect("valid");
    assert_eq!(ping.decision, Decision::Blocked);
    assert_eq!(
        ping.deciding.map(|found| found.entry.category.clone()),
        Some(Some("ping_call".to_string()))
    );

    let range = rules.evaluate("493055509124").expect("valid");
    assert_eq!(range.decision, Decision::Blocked);
    let branch = rules.evaluate("493055509123").expect("valid");
    assert_eq!(branch.decision, Decision::Allowed);
    assert_eq!(
        rules.evaluate("493012345678").expect("valid").decision,
        Decision::NotListed
    );
}
