//! The PhoneBlock response parser never panics, what it returns is sane, and
//! nothing the request carried comes back (see `online_common.rs`).
#![no_main]

#[path = "online_common.rs"]
mod online_common;

use libfuzzer_sys::fuzz_target;
use numrep_online::sources::phoneblock::parse_response;

fuzz_target!(|data: &[u8]| {
    let result = parse_response(data, &online_common::redactor());
    if let Ok(rep) = &result {
        assert!(rep.risk.is_some());
        assert!(rep.labels.len() <= 1, "one label per rating");
        assert!(rep.comments.is_none(), "PhoneBlock has votes, not comments");
    }
    online_common::check(result);
});
