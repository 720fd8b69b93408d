//! Shared by the list-loader fuzz targets: any text must load or fail with an error,
//! never panic, and every loaded entry must match the number its own pattern describes.

use numrep::lists::{
    load_own_numbers, load_rules, CountryCode, ListFormat, ListKind, LoadOptions, PatternOptions,
};

/// Loads `data` as a block list and as an own-number registry in `format`.
pub fn check(data: &[u8], format: ListFormat, file_name: &str) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let options = LoadOptions {
        pattern: PatternOptions {
            default_country_code: CountryCode::new(49).ok(),
        },
        ..LoadOptions::default()
    };
    if let Ok(loaded) = load_rules(text, file_name, ListKind::Block, format, &options) {
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
    let _ = load_own_numbers(text, file_name, format, &options);
}
