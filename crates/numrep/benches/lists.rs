//! List benchmarks: loading 1,000,000 entries from CSV, and lookup cost for a hit and a miss.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use numrep::lists::{load_rules, ListFormat, ListKind, LoadOptions, RuleList, RuleSet};

const ENTRIES: u64 = 1_000_000;

/// A blocklist with exact numbers, `#` ranges and `*` prefixes spread over a few
/// country codes, in the proportions real lists have (mostly exact numbers).
fn generated_csv() -> String {
    let mut text = String::with_capacity(40 * ENTRIES as usize);
    text.push_str("# generated benchmark list\npattern,category,note\n");
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for row in 0..ENTRIES {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let country = ["49", "43", "41", "33", "216"][(state % 5) as usize];
        let national = 100_000_000 + state % 900_000_000;
        let line = match row % 20 {
            0 => format!("+{country}{}##,advertising,\n", national / 100),
            1 => format!("+{country}{}*,fraud,\n", national / 10_000),
            _ => format!("+{country} {national},ping_call,generated\n"),
        };
        text.push_str(&line);
    }
    text
}

fn load(text: &str) -> RuleList {
    let loaded = load_rules(
        text,
        "bench.csv",
        ListKind::Block,
        ListFormat::Csv,
        &LoadOptions::default(),
    )
    .expect("generated list loads");
    loaded.list
}

fn benches(c: &mut Criterion) {
    let text = generated_csv();
    let mut group = c.benchmark_group("lists");
    group.sample_size(10);
    group.bench_function("load_1m_csv", |b| {
        b.iter_with_large_drop(|| load(black_box(&text)))
    });
    group.finish();

    let list = load(&text);
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
