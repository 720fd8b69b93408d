//! The tellows response parser never panics, and what it returns is sane.
#![no_main]

use libfuzzer_sys::fuzz_target;
use numrep_online::reputation::{MAX_LIST_ENTRIES, MAX_TEXT_CHARS};
use numrep_online::sources::tellows::parse_response;

fuzz_target!(|data: &[u8]| {
    if let Ok(rep) = parse_response(data) {
        assert!(rep.score.is_some_and(|s| (1.0..=9.0).contains(&s)));
        assert!(rep.risk.is_some_and(|r| r <= 100));
        assert!(rep.labels.len() <= MAX_LIST_ENTRIES && rep.caller_names.len() <= MAX_LIST_ENTRIES);
        for text in rep.labels.iter().chain(&rep.caller_names).chain(&rep.location) {
            assert!(!text.is_empty() && text.chars().count() <= MAX_TEXT_CHARS);
            assert!(!text.chars().any(char::is_control));
        }
    }
});
