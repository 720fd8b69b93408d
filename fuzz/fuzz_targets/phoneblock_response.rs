//! The PhoneBlock response parser never panics, and what it returns is sane.
#![no_main]

use libfuzzer_sys::fuzz_target;
use numrep_online::sources::phoneblock::parse_response;

fuzz_target!(|data: &[u8]| {
    if let Ok(rep) = parse_response(data) {
        assert!(rep.risk.is_some_and(|r| r <= 100));
        assert!(rep.labels.len() <= 1);
        assert!(!rep.summary.chars().any(char::is_control));
    }
});
