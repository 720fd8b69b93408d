//! Property tests: loading never panics; every row is either loaded or reported;
//! patterns round-trip through `Display`.

use proptest::prelude::*;

use super::{
    load_own_numbers, load_rules, CountryCode, ListFormat, ListKind, LoadOptions, Pattern,
    PatternOptions,
};

fn german() -> LoadOptions {
    let code = CountryCode::new(49).expect("49 is a calling code");
    LoadOptions::new().patterns(PatternOptions::new().default_country_code(code))
}

/// Text that looks like a list file often enough to reach the row parsers.
fn list_like_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "(pattern|vendor|valid_from|valid_to|category|note|x_[a-z]{0,3}|[a-z]{0,4})([,;\t](pattern|vendor|valid_from|valid_to|category|note|x_[a-z]{0,3}|[a-z]{0,4})){0,4}\n([-+0-9#*() ,;\"{}\\[\\]:a-z\n]{0,40}\n){0,8}",
        "[\\[{\"a-z:,0-9+#* \n\\]}]{0,120}",
    ]
}

/// An entries-array element: mostly objects with known, extra, misspelt and
/// repeated fields, sometimes not an object at all.
fn json_element() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("pattern"),
        Just("note"),
        Just("category"),
        Just("x_ticket"),
        Just("notes"),
        Just("Pattern"),
    ];
    let value = prop_oneof![
        "\"\\+49[0-9]{1,4}\"",
        "\"[a-z +]{0,6}\"",
        Just("1".to_string()),
        Just("null".to_string()),
        Just("[]".to_string()),
    ];
    let object = proptest::collection::vec((key, value), 0..4).prop_map(|fields| {
        let fields: Vec<String> = fields
            .into_iter()
            .map(|(key, value)| format!("\"{key}\": {value}"))
            .collect();
        format!("{{{}}}", fields.join(", "))
    });
    prop_oneof![
        4 => object,
        1 => prop_oneof![Just("1"), Just("\"s\""), Just("[]"), Just("null")].prop_map(String::from),
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

    /// Never a swallowed tail: stray quotes, delimiters and junk in rows never make
    /// a row vanish; each data line is an entry or a reported problem.
    #[test]
    fn every_csv_row_is_loaded_or_reported(
        rows in proptest::collection::vec("\\+[-0-9#*\" ,;a-z]{0,24}", 0..30),
    ) {
        let text = format!("pattern,note\n{}\n", rows.join("\n"));
        let loaded = load_rules(&text, "prop.csv", ListKind::Block, ListFormat::Csv, &german());
        let loaded = loaded.map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(loaded.list.len() + loaded.problem_count(), rows.len(), "{}", text);
    }

    /// Each JSON element is an entry or a reported problem, whatever its fields.
    #[test]
    fn every_json_element_is_loaded_or_reported(
        elements in proptest::collection::vec(json_element(), 0..20),
    ) {
        let text = format!("[{}]", elements.join(",\n"));
        let loaded = load_rules(&text, "prop.json", ListKind::Block, ListFormat::Json, &german());
        let loaded = loaded.map_err(|error| TestCaseError::fail(format!("{error}: {text}")))?;
        prop_assert_eq!(loaded.list.len() + loaded.problem_count(), elements.len(), "{}", text);
    }

    #[test]
    fn pattern_display_parses_back_to_the_same_pattern(
        text in "(\\+|00|0)[1-9][-0-9# ]{0,16}\\*?",
    ) {
        if let Ok(pattern) = Pattern::parse(&text, german().pattern_options()) {
            let shown = pattern.to_string();
            prop_assert_eq!(shown.parse::<Pattern>(), Ok(pattern), "{} -> {}", text, shown);
        }
    }

    #[test]
    fn parsing_any_text_never_panics(text in any::<String>()) {
        let _ = Pattern::parse(&text, german().pattern_options());
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

    #[test]
    fn order_keys_order_patterns_as_ord_does(
        a in "\\+[1-39][0-39#]{0,14}\\*?",
        b in "\\+[1-39][0-39#]{0,14}\\*?",
    ) {
        let (Ok(a), Ok(b)) = (a.parse::<Pattern>(), b.parse::<Pattern>()) else {
            return Ok(());
        };
        prop_assert_eq!(a.order_key().cmp(&b.order_key()), a.cmp(&b));
        // Most specific first: more concrete digits, fixed before open end, longer.
        let rank = |p: &Pattern| {
            (std::cmp::Reverse(p.concrete_digits()), p.is_open_ended(), std::cmp::Reverse(p.symbols().len()))
        };
        prop_assert_eq!(a.specificity_rank().cmp(&b.specificity_rank()), rank(&a).cmp(&rank(&b)));
    }
}
