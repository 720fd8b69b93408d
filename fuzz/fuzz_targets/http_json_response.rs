//! The generic JSON response parser never panics for a typical mapping, what it
//! returns is sane, and nothing the request carried comes back (see
//! `online_common.rs`).
#![no_main]

#[path = "online_common.rs"]
mod online_common;

use libfuzzer_sys::fuzz_target;
use numrep_online::sources::http_json::{parse_response, Mapping};

fuzz_target!(|data: &[u8]| {
    let mut mapping = Mapping::default();
    mapping.score_pointer = Some("/data/score".into());
    mapping.label_pointer = Some("/data/labels".into());
    mapping.comments_pointer = Some("/data/comments".into());
    mapping.votes_pointer = Some("/votes".into());
    mapping.legitimate_at = Some(10.0);
    let result = parse_response(data, &mapping, &online_common::redactor());
    if let Ok(rep) = &result {
        assert_eq!(rep.score.is_some(), rep.risk.is_some());
    }
    online_common::check(result);
});
