//! Fuzzes `numrep-json`'s reader against `serde_json` as the oracle: any text is read
//! or refused without a panic; what `serde_json` accepts as one JSON value, the reader
//! accepts, and the reverse, except that it refuses half a surrogate pair wherever it
//! stands (`serde_json` lets one pass in values it skips); a refusal names a line and
//! column inside the text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use numrep_json::Reader;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut reader = Reader::new(text);
    let read = reader.skip_value(0).and_then(|()| reader.end());
    let oracle = serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
    match read {
        Ok(()) => assert!(oracle, "read, but serde_json refuses: {text:?}"),
        Err(error) => {
            let lone_surrogate = error.problem == numrep_json::Problem::LoneSurrogate;
            // serde_json's skipping has no depth limit; a Value's has, and so has ours.
            let too_deep = error.problem == numrep_json::Problem::TooDeep;
            assert!(
                !oracle || lone_surrogate || too_deep,
                "refused ({error:?}), but serde_json reads: {text:?}"
            );
            let lines = text.split('\n').count();
            assert!(error.line >= 1 && error.line <= lines, "{error:?} in {text:?}");
            let line = text.split('\n').nth(error.line - 1).unwrap_or_default();
            assert!(error.column >= 1 && error.column <= line.chars().count() + 1, "{error:?}");
        }
    }
});
