//! The tellows response parser never panics, what it returns is sane, and nothing
//! the request carried comes back (see `online_common.rs`).
#![no_main]

#[path = "online_common.rs"]
mod online_common;

use libfuzzer_sys::fuzz_target;
use numrep_online::sources::tellows::parse_response;

fuzz_target!(|data: &[u8]| {
    let result = parse_response(data, &online_common::redactor());
    if let Ok(rep) = &result {
        assert!(rep.score.is_some_and(|s| (1.0..=9.0).contains(&s)));
    }
    online_common::check(result);
});
