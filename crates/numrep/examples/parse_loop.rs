//! Times `parse` of each input in a loop of 200,000 calls, with the given default region,
//! and prints nanoseconds per call: a quick check of one input's cost (BENCHMARKS.md
//! cites it for region CN). The criterion bench `classify` is the measurement of record.
//!
//! Usage: `parse_loop REGION INPUT...`, e.g.
//! `cargo run --release -p numrep --example parse_loop -- CN "138 0013 8000" "010 1234 5678"`.

use std::hint::black_box;
use std::time::Instant;

const CALLS: u32 = 200_000;

fn main() {
    let mut args = std::env::args().skip(1);
    let region = match args.next().as_deref().map(numrep::Region::from_code) {
        Some(Ok(region)) => region,
        Some(Err(e)) => {
            eprintln!("parse_loop: {e}");
            std::process::exit(2);
        }
        None => {
            eprintln!("usage: parse_loop REGION INPUT...");
            std::process::exit(2);
        }
    };
    for input in args {
        let start = Instant::now();
        let mut parsed = 0u32;
        for _ in 0..CALLS {
            parsed += u32::from(numrep::parse(black_box(&input), region).is_ok());
        }
        let per_call = start.elapsed().as_nanos() as f64 / f64::from(CALLS);
        println!("{input}: {per_call:.0} ns per parse ({parsed} of {CALLS} parsed)");
    }
}
