//! The `Retry-After` reader never panics, and a date it accepts lies between 1970
//! and the year 9999.
#![no_main]

use libfuzzer_sys::fuzz_target;
use numrep_online::internals::seconds_to_wait;

/// 9999-12-31 23:59:59 UTC.
const LATEST: u64 = 253_402_300_799;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = std::str::from_utf8(data) else {
        return;
    };
    let is_seconds = !value.trim().is_empty() && value.trim().bytes().all(|b| b.is_ascii_digit());
    if let Some(wait) = seconds_to_wait(value, 0) {
        assert!(is_seconds || wait <= LATEST, "{value:?} → {wait}");
        assert_eq!(
            seconds_to_wait(value, u64::MAX),
            Some(if is_seconds { wait } else { 0 })
        );
    }
});
