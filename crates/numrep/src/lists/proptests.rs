//! Property tests: loading never panics; patterns round-trip through `Display`.

use proptest::prelude::*;

use super::{
    load_own_numbers, load_rules, CountryCode, ListFormat, ListKind, LoadOptions, Pattern,
    PatternOptions,
};

fn german() -> LoadOptions {
    LoadOptions {
        pattern: PatternOptions {
            default_country_code: CountryCode::new(49).ok(),
        },
        ..LoadOptions::default()
    }
}

/// Text that looks like a list file often enough to reach the row parsers.
fn list_like_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "(pattern|vendor|valid_from|valid_to|category|note|[a-z]{0,4})([,;\t](pattern|vendor|valid_from|valid_to|category|[a-z]{0,4})){0,4}\n([-+0-9#*() ,;\"{}\\[\\]:a-z\n]{0,40}\n){0,8}",
        "[\\[{\"a-z:,0-9+#* \n\\]}]{0,120}",
    ]
}

proptest! {
    #[test]
    fn loading_arbitrary_text_never_panics(text in list_like_text()) {
        let options = german();
        for format in [ListFormat::Csv, ListFormat::Json] {
            let _ = load_rules(&text, "fuzz", ListKind::Block, format, &options);
            let _ = load_own_numbers(&text, "fuzz", format, &options);
        }
    }

    #[test]
    fn pattern_display_parses_back_to_the_same_pattern(
        text in "(\\+|00|0)[1-9][-0-9# ]{0,16}\\*?",
    ) {
        if let Ok(pattern) = Pattern::parse(&text, &german().pattern) {
            let shown = pattern.to_string();
            prop_assert_eq!(shown.parse::<Pattern>(), Ok(pattern), "{} -> {}", text, shown);
        }
    }

    #[test]
    fn parsing_any_text_never_panics(text in any::<String>()) {
        let _ = Pattern::parse(&text, &german().pattern);
    }

    #[test]
    fn index_lookup_agrees_with_direct_matching(
        patterns in proptest::collection::vec("\\+[1-3][1-3#]{0,4}\\*?", 0..40),
        number in "[1-3]{1,6}",
    ) {
        let entries: Vec<super::RuleEntry> = patterns
            .iter()
            .filter_map(|text| text.parse::<Pattern>().ok())
            .map(|pattern| super::RuleEntry { pattern, category: None, note: None, line: None })
            .collect();
        let expected = entries.iter().filter(|entry| entry.pattern.matches(number.as_bytes())).count();
        let list = super::RuleList::new(ListKind::Block, "prop", entries);
        let found = list.matching(&number).map(|found| found.len());
        prop_assert_eq!(found, Ok(expected));
    }
}
