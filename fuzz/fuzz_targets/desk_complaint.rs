//! Fuzzes the complaint desk's request body: JSON parsing and validation
//! (number, category, fields, Idempotency-Key) answer or refuse, never panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use numrep::{Checker, Options};
use numrep_desk::{CustomerHasher, Intake};

fuzz_target!(|data: &[u8]| {
    let intake = Intake::new(
        Checker::new(Options::default()),
        CustomerHasher::new(&[7; 32], "fuzz").expect("32-byte secret"),
    );
    let (key, body) = data.split_at(data.len().min(8));
    let key = std::str::from_utf8(key).ok();
    if let Ok(input) = Intake::parse_json(body) {
        if let Ok(complaint) = intake.validate(input, 1_795_000_000_000, key) {
            assert!(complaint.keys.number.starts_with('+'));
            assert!(complaint.keys.range.ends_with("xx"));
        }
    }
});
