//! Fuzzes the JSON list loader: any text must load or fail with an error, never panic,
//! and every loaded entry must match the number its own pattern describes.

#![no_main]

use libfuzzer_sys::fuzz_target;
use numrep::lists::{
    load_own_numbers, load_rules, CountryCode, ListFormat, ListKind, LoadOptions, PatternOptions,
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let options = LoadOptions {
        pattern: PatternOptions {
            default_country_code: CountryCode::new(49).ok(),
        },
        ..LoadOptions::default()
    };
    if let Ok(loaded) = load_rules(text, "fuzz.json", ListKind::Block, ListFormat::Json, &options) {
        for entry in loaded.list.entries() {
            let digits: String = entry
                .pattern
                .symbols()
                .iter()
                .map(|&symbol| if symbol == b'#' { '5' } else { char::from(symbol) })
                .collect();
            let found = loaded.list.matching(&digits).expect("pattern digits are a valid number");
            assert!(found.iter().any(|found| found.entry == entry));
        }
    }
    let _ = load_own_numbers(text, "fuzz.json", ListFormat::Json, &options);
});
