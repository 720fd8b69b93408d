//! Runs the classify bench's parse + classify over one of its corpora (`german` or
//! `world`) for a number of rounds: the loop behind BENCHMARKS' instruction and
//! branch-mispredict counts per input, which `scripts/parse_cost.sh` takes under
//! valgrind (exact and repeatable where wall-clock times on a shared VM are not).
//!
//! Usage: `corpus_loop [--lookup|--json] german|world [ROUNDS]`, or
//! `corpus_loop [--lookup|--json] one REGION TEXT [ROUNDS]` for a corpus of one input,
//! e.g. `cargo run --release -p numrep --example corpus_loop -- german 2000`. With
//! `--lookup` each input goes through the full report (`numrep::lookup`, the CLI's and
//! the widget's unit) instead of parse + classify; with `--json` the report is also
//! written as the CLI's JSON line.

#[path = "../benches/corpora/mod.rs"]
#[allow(dead_code)] // the other libraries' regions are for the bench
mod corpora;

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let mode = args.next_if(|a| a == "--lookup" || a == "--json");
    let corpus = match args.next().as_deref() {
        Some("german") => corpora::german(),
        Some("world") => corpora::world(),
        Some("one") => match (args.next(), args.next()) {
            (Some(region), Some(text)) => match corpora::Case::new(text, &region) {
                Some(case) => vec![case],
                None => usage(&format!("no region {region:?} in every library")),
            },
            _ => usage("one: REGION and TEXT wanted"),
        },
        _ => usage("which corpus?"),
    };
    let rounds: u32 = match args.next().map(|r| r.parse()) {
        None => 1000,
        Some(Ok(rounds)) => rounds,
        Some(Err(e)) => {
            eprintln!("corpus_loop: ROUNDS: {e}");
            std::process::exit(2);
        }
    };
    let one = match mode.as_deref() {
        Some("--lookup") => corpora::numrep_report,
        Some(_) => corpora::numrep_json_line,
        None => corpora::numrep_one,
    };
    let start = Instant::now();
    let mut acc = 0u32;
    for _ in 0..rounds {
        for case in &corpus {
            acc = acc.wrapping_add(one(case));
        }
    }
    let inputs = f64::from(rounds) * corpus.len() as f64;
    let ns = start.elapsed().as_nanos() as f64 / inputs;
    println!("{ns:.1} ns per input over {inputs} inputs (checksum {acc})");
}

fn usage(problem: &str) -> ! {
    eprintln!("corpus_loop: {problem}\nusage: corpus_loop [--lookup|--json] german|world [ROUNDS] | [--lookup|--json] one REGION TEXT [ROUNDS]");
    std::process::exit(2);
}
