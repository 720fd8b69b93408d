//! Shared by the list-loader fuzz targets: any text must load or fail with an error,
//! never panic; every loaded entry must match the number its own pattern describes;
//! every error and left-out row must render in English and German without showing
//! a control or direction-override character taken from the text.

use std::fmt::Display;

use numrep::lists::{
    load_own_numbers, load_rules, CountryCode, ListError, ListFormat, ListKind, LoadOptions,
    Loaded, PatternOptions,
};
use numrep::Lang;

/// Control characters and the bidi overrides and isolates that reorder a line.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn assert_safe(text: impl Display) {
    let text = text.to_string();
    assert!(!text.is_empty());
    assert!(!text.chars().any(is_unsafe), "unescaped character in {text:?}");
}

/// Renders every problem (and the error) in both languages.
fn check_messages<L>(result: &Result<Loaded<L>, ListError>) {
    for lang in [Lang::En, Lang::De] {
        match result {
            Ok(loaded) => {
                for problem in &loaded.problems {
                    assert_safe(problem.message(lang));
                }
            }
            Err(error) => assert_safe(error.message(lang)),
        }
    }
}

/// Loads `data` as a block list and as an own-number registry in `format`.
pub fn check(data: &[u8], format: ListFormat, file_name: &str) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let code = CountryCode::new(49).expect("49 is a calling code");
    let options = LoadOptions::new().patterns(PatternOptions::new().default_country_code(code));
    let rules = load_rules(text, file_name, ListKind::Block, format, &options);
    check_messages(&rules);
    if let Ok(loaded) = rules {
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
    check_messages(&load_own_numbers(text, file_name, format, &options));
}
