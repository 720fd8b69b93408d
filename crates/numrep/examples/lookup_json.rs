//! Prints the JSON report for each argument: `cargo run -p numrep --example lookup_json -- 030 115`.

fn main() {
    let options = numrep::Options::default();
    for input in std::env::args().skip(1) {
        let report = numrep::lookup(&input, &options);
        match serde_json::to_string(&report) {
            Ok(json) => println!("{json}"),
            Err(e) => eprintln!("{input}: {e}"),
        }
    }
}
