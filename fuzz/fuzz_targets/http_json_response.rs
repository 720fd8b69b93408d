//! The generic JSON response parser never panics for a typical mapping, and
//! what it returns is sane.
#![no_main]

use libfuzzer_sys::fuzz_target;
use numrep_online::reputation::{MAX_LIST_ENTRIES, MAX_TEXT_CHARS};
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
    if let Ok(rep) = parse_response(data, &mapping) {
        assert!(rep.risk.is_none_or(|r| r <= 100));
        assert_eq!(rep.score.is_some(), rep.risk.is_some());
        assert!(rep.labels.len() <= MAX_LIST_ENTRIES);
        assert!(rep.labels.iter().all(|l| l.chars().count() <= MAX_TEXT_CHARS));
    }
});
