//! numrep parse + classify beside the `phonenumber` crate (rust-phonenumber) and
//! `rlibphonenumber`, on the same inputs in the same run, over two corpora built
//! deterministically (`corpora/`): a German-heavy one and a worldwide one sampled from
//! the libphonenumber conformance fixture. The German group also times the full report
//! (`lookup`) and its JSON line, as the CLI and the widget use them.
//!
//! Run: `cargo bench -p numrep --bench classify -- --warm-up-time 2 --measurement-time 5`.
//! Each iteration processes a whole corpus of 1,000 inputs; the throughput line gives
//! numbers per second. Figures: BENCHMARKS.md.

mod corpora;

use std::hint::black_box;

use corpora::{numrep_one, Case};
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};

/// rust-phonenumber: parse, is_valid, number_type.
fn phonenumber_one(case: &Case) -> u32 {
    match phonenumber::parse(Some(case.phonenumber), black_box(&case.text)) {
        Ok(n) => {
            let valid = phonenumber::is_valid(&n);
            let kind = n.number_type(&phonenumber::metadata::DATABASE);
            kind as u32 + u32::from(valid)
        }
        Err(_) => 0,
    }
}

/// rlibphonenumber: parse, is_valid, get_type.
fn rlib_one(case: &Case) -> u32 {
    match rlibphonenumber::PhoneNumber::parse(black_box(&case.text), Some(case.rlib)) {
        Ok(n) => n.get_type() as u32 + u32::from(n.is_valid()),
        Err(_) => 0,
    }
}

/// Times `one` over the whole corpus as benchmark `name`.
fn compare(
    group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    corpus: &[Case],
    one: fn(&Case) -> u32,
) {
    group.bench_function(name, |b| {
        b.iter(|| {
            corpus
                .iter()
                .fold(0u32, |acc, case| acc.wrapping_add(one(case)))
        })
    });
}

/// The three libraries side by side on one corpus.
fn side_by_side(c: &mut Criterion, name: &str, corpus: &[Case]) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(corpus.len() as u64));
    compare(&mut group, "numrep_parse_classify", corpus, numrep_one);
    compare(
        &mut group,
        "rlibphonenumber_parse_is_valid_get_type",
        corpus,
        rlib_one,
    );
    compare(
        &mut group,
        "phonenumber_parse_is_valid_number_type",
        corpus,
        phonenumber_one,
    );
    group.finish();
}

/// The full report (issue 7 §9): `lookup` builds it with no sentence rendered; `_json`
/// also writes it as the CLI's JSON line, `_serde_json` through serde for comparison.
fn reports(c: &mut Criterion, corpus: &[Case]) {
    let mut group = c.benchmark_group("german_heavy_reports");
    group.throughput(Throughput::Elements(corpus.len() as u64));
    let options = numrep::Options::new();
    group.bench_function("numrep_lookup_report", |b| {
        b.iter(|| {
            corpus.iter().fold(0u32, |acc, case| {
                acc.wrapping_add(corpora::numrep_report(case))
            })
        })
    });
    let mut out = Vec::with_capacity(1 << 20);
    group.bench_function("numrep_lookup_json", |b| {
        b.iter(|| {
            out.clear();
            for case in corpus {
                numrep::lookup(black_box(&case.text), &options).write_json(&mut out);
                out.push(b'\n');
            }
            out.len()
        })
    });
    group.bench_function("numrep_lookup_serde_json", |b| {
        b.iter(|| {
            out.clear();
            for case in corpus {
                let report = numrep::lookup(black_box(&case.text), &options);
                serde_json::to_writer(&mut out, &report).expect("serializes");
                out.push(b'\n');
            }
            out.len()
        })
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    let german = corpora::german();
    let world = corpora::world();
    side_by_side(c, "german_heavy_1000", &german);
    side_by_side(c, "worldwide_1000", &world);
    reports(c, &german);
}

criterion_group!(benches, bench);
criterion_main!(benches);
