//! Times the first parse + classify in a fresh process (no warm-up, nothing cached) and
//! prints it in nanoseconds. A measurement, not a test: run it several times, e.g.
//! `for i in $(seq 10); do target/release/examples/first_lookup; done`.
//!
//! Usage: `first_lookup [NUMBER]` (default `+49 900 5123456`).

use std::time::Instant;

fn main() {
    let input = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "+49 900 5123456".to_owned());
    let start = Instant::now();
    let result = numrep::parse(&input, numrep::Region::DE).map(|n| numrep::classify(&n));
    let elapsed = start.elapsed();
    let summary = match &result {
        Ok(c) => format!("{} {}", c.category().as_str(), c.validity().as_str()),
        Err(e) => format!("error {}", e.code()),
    };
    println!("{} ns  ({input}: {summary})", elapsed.as_nanos());
}
