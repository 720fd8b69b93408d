//! A fixed mixed corpus and a classification loop inside wasm, for `make bench-wasm`.

use std::hint::black_box;

use numrep::{classify, lookup, parse, Options, Region};
use wasm_bindgen::prelude::*;

use crate::record::Record;
use crate::report_record;

/// German geographic, mobile and service ranges, short codes, foreign numbers and bad
/// input, in the written forms agents paste.
const CORPUS: &[&str] = &[
    "+49 30 1234567",
    "030 1234567",
    "+49 (0)89 12345678",
    "0221 9876543",
    "+49 151 23456789",
    "0170 1234567",
    "0176/12345678",
    "+49 900 5123456",
    "0180 2 123456",
    "0800 3569377",
    "0137 1234567",
    "11833",
    "110",
    "116116",
    "+216 20 123 456",
    "00261 20 1234567",
    "tel:+1-202-555-0143",
    "+44 20 7946 0958",
    "+33 1 23 45 67 89",
    "030 1234-56",
    "not a number",
    "+999 123",
];

/// Parses and classifies the built-in mixed corpus `rounds` times (region DE) and
/// returns how many inputs were classified (bad input counts as one answer, too).
/// Exists to measure classifications per second inside wasm, without JS call overhead.
#[wasm_bindgen]
pub fn bench(rounds: u32) -> f64 {
    let region = Region::default();
    let mut answers = 0u64;
    for _ in 0..rounds {
        for input in CORPUS {
            let answer = parse(black_box(input), region).map(|number| classify(&number));
            black_box(&answer);
            answers += 1;
        }
    }
    // Exact up to 2^53, far beyond any benchmark run.
    answers as f64
}

/// Looks up the built-in corpus `rounds` times (region DE, English): parse, classify,
/// assess, the report; with `record`, also writes each report's record (what crosses to
/// JS). Returns how many reports were made. Splits the cost of `lookup()` from JS into
/// the core's work, the record's and the JS side's.
#[wasm_bindgen(js_name = benchReports)]
pub fn bench_reports(rounds: u32, record: bool) -> f64 {
    let options = Options::new();
    let mut scratch = Record::shared();
    let mut reports = 0u64;
    for _ in 0..rounds {
        for input in CORPUS {
            let report = lookup(black_box(input), &options);
            if record {
                scratch.clear();
                report_record::write(&mut scratch, &report);
                black_box(scratch.addresses());
            }
            black_box(&report);
            reports += 1;
        }
    }
    reports as f64
}

/// The corpus `bench` classifies, for timing the same inputs through `lookup` from JS.
#[wasm_bindgen(js_name = benchCorpus)]
pub fn bench_corpus() -> Vec<String> {
    CORPUS.iter().map(|s| (*s).to_string()).collect()
}
