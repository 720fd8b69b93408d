//! The generic JSON response parser never panics for a typical mapping, what it
//! returns is sane, and nothing the request carried comes back (see
//! `online_common.rs`).
#![no_main]

#[path = "online_common.rs"]
mod online_common;

use libfuzzer_sys::fuzz_target;
use numrep_online::sources::http_json::{parse_response, Mapping};

fuzz_target!(|data: &[u8]| {
    let mapping = Mapping {
        score_pointer: Some("/data/score".into()),
        label_pointer: Some("/data/labels".into()),
        comments_pointer: Some("/data/comments".into()),
        votes_pointer: Some("/votes".into()),
        legitimate_at: Some(10.0),
        ..Mapping::default()
    };
    let result = parse_response(data, &mapping, &online_common::redactor());
    if let Ok(rep) = &result {
        assert_eq!(rep.score.is_some(), rep.risk.is_some());
    }
    online_common::check(result);
});
