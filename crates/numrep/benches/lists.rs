//! List benchmarks: loading 1,000,000 entries from CSV and from JSON, and lookup cost
//! for a hit and a miss.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use numrep::lists::{load_rules, ListFormat, ListKind, LoadOptions, RuleList, RuleSet};

const ENTRIES: u64 = 1_000_000;

/// A blocklist with exact numbers, `#` ranges and `*` prefixes spread over a few
/// country codes, in the proportions real lists have (mostly exact numbers): rows of
/// (pattern, category, note).
fn generated_rows() -> Vec<(String, &'static str, &'static str)> {
    let mut rows = Vec::with_capacity(ENTRIES as usize);
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for row in 0..ENTRIES {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let country = ["49", "43", "41", "33", "216"][(state % 5) as usize];
        let national = 100_000_000 + state % 900_000_000;
        rows.push(match row % 20 {
            0 => (format!("+{country}{}##", national / 100), "advertising", ""),
            1 => (format!("+{country}{}*", national / 10_000), "fraud", ""),
            _ => (format!("+{country} {national}"), "ping_call", "generated"),
        });
    }
    rows
}

/// The rows as a CSV file.
fn csv(rows: &[(String, &str, &str)]) -> String {
    let mut text = String::from("# generated benchmark list\npattern,category,note\n");
    for (pattern, category, note) in rows {
        text.push_str(&format!("{pattern},{category},{note}\n"));
    }
    text
}

/// The same rows as a JSON file (`{"entries": [...]}`, one entry per line).
fn json(rows: &[(String, &str, &str)]) -> String {
    let entries: Vec<String> = rows
        .iter()
        .map(|(pattern, category, note)| {
            format!(r#"  {{"pattern": "{pattern}", "category": "{category}", "note": "{note}"}}"#)
        })
        .collect();
    format!("{{\"entries\": [\n{}\n]}}\n", entries.join(",\n"))
}

fn load(text: &str, format: ListFormat) -> RuleList {
    let loaded = load_rules(
        text,
        "bench",
        ListKind::Block,
        format,
        &LoadOptions::default(),
    )
    .expect("generated list loads");
    loaded.list
}

fn benches(c: &mut Criterion) {
    let rows = generated_rows();
    let (text, json) = (csv(&rows), json(&rows));
    drop(rows);
    let mut group = c.benchmark_group("lists");
    group.sample_size(10);
    group.bench_function("load_1m_csv", |b| {
        b.iter_with_large_drop(|| load(black_box(&text), ListFormat::Csv))
    });
    group.bench_function("load_1m_json", |b| {
        b.iter_with_large_drop(|| load(black_box(&json), ListFormat::Json))
    });
    group.finish();
    drop(json);

    let list = load(&text, ListFormat::Csv);
    let hit = list.entries()[list.len() / 2].pattern.to_string();
    let hit_digits: String = hit
        .chars()
        .map(|c| if c == '#' { '7' } else { c })
        .filter(char::is_ascii_digit)
        .collect();
    let mut rules = RuleSet::new();
    rules.add(list);
    assert!(!rules.lists()[0]
        .matching(&hit_digits)
        .expect("valid")
        .is_empty());
    let miss = "12125550123";
    assert!(rules.lists()[0].matching(miss).expect("valid").is_empty());

    c.bench_function("lists/match_hit", |b| {
        b.iter(|| rules.lists()[0].matching(black_box(&hit_digits)))
    });
    c.bench_function("lists/match_miss", |b| {
        b.iter(|| rules.lists()[0].matching(black_box(miss)))
    });
    c.bench_function("lists/evaluate_hit", |b| {
        b.iter(|| rules.evaluate(black_box(&hit_digits)))
    });
}

criterion_group!(lists, benches);
criterion_main!(lists);
