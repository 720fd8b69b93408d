//! numrep parse + classify against the `phonenumber` crate (rust-phonenumber) on the same
//! mixed corpus of 1,000 inputs, built deterministically here (no files): German
//! geographic, mobile and service numbers in several written forms, short codes, foreign
//! numbers (+1, +44, +216, …) and junk.
//!
//! Run: `cargo bench -p numrep --bench classify -- --warm-up-time 2 --measurement-time 5`.
//! Each iteration processes the whole corpus; the throughput line gives numbers per second
//! (time per number = time per iteration / 1,000). Figures: BENCHMARKS.md.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Corpus size.
const N: usize = 1000;

/// A small deterministic generator (64-bit LCG), so every run sees the same corpus.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + (self.next() % 10) as u8))
            .collect()
    }
}

/// Writes German national significant number `nsn` in one of the usual forms.
fn written(rng: &mut Lcg, group: &str, rest: &str) -> String {
    match rng.next() % 5 {
        0 => format!("+49{group}{rest}"),
        1 => format!("0{group} {rest}"),
        2 => format!("+49 {group} {rest}"),
        3 => format!("0049 {group}-{rest}"),
        _ => format!("(0{group}) {rest}"),
    }
}

/// The mixed corpus: 300 geographic, 250 mobile, 150 service, 50 short codes,
/// 150 foreign, 100 junk, shuffled deterministically.
fn corpus() -> Vec<String> {
    let mut rng = Lcg(0x5eed_2024);
    let mut out = Vec::with_capacity(N);
    let area = [
        "30", "40", "69", "89", "201", "221", "228", "511", "621", "711", "911", "2041", "2129",
        "6215", "7031", "33056", "38851",
    ];
    for _ in 0..300 {
        let group = rng.pick(&area);
        let len = if group.len() == 2 {
            8
        } else {
            11 - group.len()
        };
        let rest = rng.digits(len);
        out.push(written(&mut rng, group, &rest));
    }
    let mobile = [
        "1511", "1512", "1520", "1521", "1573", "1577", "1590", "15019", "15678", "160", "162",
        "163", "170", "171", "172", "176", "177", "179",
    ];
    for _ in 0..250 {
        let group = rng.pick(&mobile);
        let len = if group.starts_with("15") { 11 } else { 10 } - group.len();
        let rest = rng.digits(len);
        out.push(written(&mut rng, group, &rest));
    }
    let service = [
        ("800", 7),
        ("9005", 6),
        ("9001", 6),
        ("1805", 6),
        ("1371", 6),
        ("32", 9),
        ("700", 8),
        ("190", 6),
        ("1801", 6),
    ];
    for _ in 0..150 {
        let (group, len) = service[(rng.next() as usize) % service.len()];
        let rest = rng.digits(len);
        out.push(written(&mut rng, group, &rest));
    }
    let short = ["110", "112", "115", "116116", "116117", "11833", "19222"];
    for _ in 0..50 {
        out.push(rng.pick(&short).to_owned());
    }
    let foreign = [
        ("+1 212 ", 7),
        ("+1 416 ", 7),
        ("+44 20 ", 8),
        ("+44 7700 ", 6),
        ("+216 71 ", 6),
        ("+33 1 ", 8),
        ("+43 1 ", 7),
        ("00261 20 ", 7),
        ("+257 22 ", 6),
        ("+882 16 ", 8),
    ];
    for _ in 0..150 {
        let (prefix, len) = foreign[(rng.next() as usize) % foreign.len()];
        let rest = rng.digits(len);
        out.push(format!("{prefix}{rest}"));
    }
    let junk = [
        "",
        "   ",
        "abc",
        "call me",
        "030 12a",
        "++49 30",
        "+999 123456",
        "30123456",
        "0",
        "tel:",
        "0800 FLOWERS",
        "030 123456 ext. 12",
        "1234567890123456789012345678901234567890",
        "０３０ １２３４５６",
    ];
    for _ in 0..100 {
        out.push(rng.pick(&junk).to_owned());
    }
    // Deterministic Fisher–Yates shuffle, so branch predictors cannot learn the order.
    for i in (1..out.len()).rev() {
        let j = (rng.next() as usize) % (i + 1);
        out.swap(i, j);
    }
    assert_eq!(out.len(), N);
    out
}

fn numrep_one(text: &str, region: numrep::Region) -> u32 {
    match numrep::parse(text, region) {
        Ok(n) => {
            let c = numrep::classify(&n);
            c.category() as u32 + u32::from(c.is_valid())
        }
        Err(_) => 0,
    }
}

fn phonenumber_one(text: &str) -> u32 {
    match phonenumber::parse(Some(phonenumber::country::Id::DE), text) {
        Ok(n) => {
            let valid = phonenumber::is_valid(&n);
            let kind = n.number_type(&phonenumber::metadata::DATABASE);
            kind as u32 + u32::from(valid)
        }
        Err(_) => 0,
    }
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let region = numrep::Region::DE;
    let mut group = c.benchmark_group("mixed_corpus_1000");
    group.throughput(Throughput::Elements(N as u64));
    group.bench_function("numrep_parse_classify", |b| {
        b.iter(|| {
            let mut acc = 0u32;
            for text in &corpus {
                acc = acc.wrapping_add(numrep_one(black_box(text), region));
            }
            acc
        })
    });
    // The full report the CLI, the JSON and the widget use (issue 7 §9): lookup builds
    // it with no sentence rendered; `_json` also writes it as the CLI's JSON line.
    let options = numrep::Options::new();
    group.bench_function("numrep_lookup_report", |b| {
        b.iter(|| {
            let mut acc = 0usize;
            for text in &corpus {
                let report = numrep::lookup(black_box(text), &options);
                acc = acc.wrapping_add(report.reasons().len());
            }
            acc
        })
    });
    group.bench_function("numrep_lookup_json", |b| {
        let mut out = Vec::with_capacity(1 << 20);
        b.iter(|| {
            out.clear();
            for text in &corpus {
                numrep::lookup(black_box(text), &options).write_json(&mut out);
                out.push(b'\n');
            }
            out.len()
        })
    });
    group.bench_function("numrep_lookup_serde_json", |b| {
        let mut out = Vec::with_capacity(1 << 20);
        b.iter(|| {
            out.clear();
            for text in &corpus {
                let report = numrep::lookup(black_box(text), &options);
                serde_json::to_writer(&mut out, &report).expect("serializes");
                out.push(b'\n');
            }
            out.len()
        })
    });
    group.bench_function("phonenumber_parse_is_valid_number_type", |b| {
        b.iter(|| {
            let mut acc = 0u32;
            for text in &corpus {
                acc = acc.wrapping_add(phonenumber_one(black_box(text)));
            }
            acc
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
