//! Loader tests: formats, row problems, limits.

use super::*;
use crate::lists::{CountryCode, Date, WindowPosition};

fn german() -> LoadOptions {
    LoadOptions {
        pattern: PatternOptions {
            default_country_code: CountryCode::new(49).ok(),
        },
        ..LoadOptions::default()
    }
}

fn codes_and_lines(problems: &[RowProblem]) -> Vec<(&'static str, Option<u32>)> {
    problems
        .iter()
        .map(|problem| (problem.code(), problem.line))
        .collect()
}

#[test]
fn csv_with_comments_blank_lines_extra_columns_and_bad_rows() {
    let text = "\
# example list
pattern,category,note,extra

+49900*,premium,,ignored
030 1234 567,fraud,national form
+49 30 12x4,fraud,bad character
,fraud,no pattern
+49900*,premium,duplicate of line 4
";
    let loaded = load_rules(
        text,
        "block.csv",
        ListKind::Block,
        ListFormat::Csv,
        &german(),
    )
    .expect("file-level ok");
    assert_eq!(loaded.list.len(), 2);
    assert_eq!(
        codes_and_lines(&loaded.problems),
        [
            ("invalid_character", Some(6)),
            ("missing_field", Some(7)),
            ("duplicate", Some(8)),
        ]
    );
    assert_eq!(
        loaded.problems[0].to_string(),
        "block.csv:6: invalid character 'x' at position 10 \
         (allowed: digits, '#' for one digit, '*' at the end, spaces, - / . ( ))"
    );
    assert_eq!(
        loaded.problems[2].error,
        ListError::Duplicate {
            pattern: "+49900*".into(),
            first_line: Some(4)
        }
    );
    let national = loaded.list.matching("49301234567").expect("valid number");
    assert_eq!(national[0].entry.note.as_deref(), Some("national form"));
    assert_eq!(national[0].entry.line, Some(5));
}

#[test]
fn csv_semicolon_header_any_case_and_bom() {
    let text = "\u{feff}Pattern;Vendor;Valid_From;valid_to\n+4940555501##;Callcenter Nord GmbH;2026-10-01;2026-12-31\n";
    let loaded = load_own_numbers(text, "own.csv", ListFormat::Csv, &german()).expect("ok");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let date = Date::parse("2027-01-05").expect("valid date");
    let found = loaded
        .list
        .lookup("494055550100", date)
        .expect("valid number");
    assert_eq!(
        found.best().map(|m| m.validity),
        Some(WindowPosition::Expired)
    );
}

#[test]
fn own_numbers_report_bad_dates_and_reversed_windows() {
    let text = "pattern,vendor,valid_from,valid_to\n\
                +4940555501##,Nord,2026-13-01,\n\
                +4940555502##,Nord,2026-12-31,2026-10-01\n\
                +4940555503##,,2026-10-01,\n\
                +4940555504##,Nord,2026-10-01,2026-10-01\n";
    let loaded = load_own_numbers(text, "own.csv", ListFormat::Csv, &german()).expect("ok");
    assert_eq!(
        codes_and_lines(&loaded.problems),
        [
            ("invalid_date", Some(2)),
            ("date_range_reversed", Some(3)),
            ("missing_field", Some(4)),
        ]
    );
    assert_eq!(loaded.list.len(), 1);
}

#[test]
fn csv_missing_required_column_fails_the_load() {
    let error = load_own_numbers(
        "pattern,campaign\n+4940,x\n",
        "own.csv",
        ListFormat::Csv,
        &german(),
    )
    .expect_err("vendor column is required");
    assert_eq!(error.code(), "missing_column");
    assert_eq!(
        error.to_string(),
        "own.csv: header has no \"vendor\" column"
    );
    let error = load_rules(
        "pattern,PATTERN\n",
        "b.csv",
        ListKind::Block,
        ListFormat::Csv,
        &german(),
    )
    .expect_err("duplicate column");
    assert_eq!(error.code(), "duplicate_column");
}

#[test]
fn json_array_and_entries_object_with_line_numbers() {
    let text = r#"[
  {"pattern": "+49 900 123 4567", "category": "fraud"},
  {"pattern": 4990012345},
  "not an object",
  {"pattern": "+49900*", "note": null}
]"#;
    let loaded =
        load_rules(text, "b.json", ListKind::Block, ListFormat::Json, &german()).expect("ok");
    assert_eq!(loaded.list.len(), 2);
    assert_eq!(
        codes_and_lines(&loaded.problems),
        [("wrong_field_type", Some(3)), ("not_an_object", Some(4))]
    );
    assert_eq!(loaded.problems[1].index, Some(2));
    assert_eq!(
        loaded.problems[1].to_string(),
        "b.json:4 (entry 2): entry is not a JSON object"
    );

    let wrapped = r#"{"version": 1, "entries": [{"pattern": "+4930123456", "note": "ok"}]}"#;
    let loaded = load_rules(
        wrapped,
        "a.json",
        ListKind::Allow,
        ListFormat::Json,
        &german(),
    )
    .expect("ok");
    assert_eq!(loaded.list.len(), 1);
    assert_eq!(loaded.list.entries()[0].line, Some(1));
}

#[test]
fn json_file_level_errors() {
    let options = german();
    let syntax = load_rules(
        "[{\"pattern\": ]",
        "b.json",
        ListKind::Block,
        ListFormat::Json,
        &options,
    )
    .expect_err("syntax error");
    assert!(
        matches!(syntax, ListError::Json { line: 1, .. }),
        "{syntax:?}"
    );
    for shape in ["{\"items\": []}", "\"text\"", "{\"entries\": {}}", "12"] {
        let error = load_rules(shape, "b.json", ListKind::Block, ListFormat::Json, &options)
            .expect_err("wrong shape");
        assert_eq!(error.code(), "json_shape", "{shape}: {error}");
    }
    let trailing = load_rules(
        "[] []",
        "b.json",
        ListKind::Block,
        ListFormat::Json,
        &options,
    )
    .expect_err("trailing data");
    assert_eq!(trailing.code(), "json");
}

#[test]
fn limits_give_clear_errors() {
    let small = LoadOptions {
        max_text_bytes: 10,
        ..german()
    };
    let error = load_rules(
        "pattern\n+49900*\n",
        "b.csv",
        ListKind::Block,
        ListFormat::Csv,
        &small,
    )
    .expect_err("too large");
    assert_eq!(error.code(), "text_too_large");

    let few = LoadOptions {
        max_entries: 2,
        ..german()
    };
    let text = "pattern\n+491\n+492\n+493\n";
    let error =
        load_rules(text, "b.csv", ListKind::Block, ListFormat::Csv, &few).expect_err("too many");
    assert_eq!(
        error,
        ListError::TooManyEntries {
            file: "b.csv".into(),
            max: 2
        }
    );
    let json = r#"[{"pattern":"+491"},{"pattern":"+492"},{"pattern":"+493"}]"#;
    let error =
        load_rules(json, "b.json", ListKind::Block, ListFormat::Json, &few).expect_err("too many");
    assert_eq!(error.code(), "too_many_entries");

    let short_lines = LoadOptions {
        max_line_bytes: 20,
        max_field_bytes: 8,
        ..german()
    };
    let text = format!(
        "pattern,note\n+491,{}\n+492,{}\n",
        "x".repeat(30),
        "y".repeat(10)
    );
    let loaded = load_rules(
        &text,
        "b.csv",
        ListKind::Block,
        ListFormat::Csv,
        &short_lines,
    )
    .expect("ok");
    assert_eq!(
        codes_and_lines(&loaded.problems),
        [("line_too_long", Some(2)), ("field_too_long", Some(3))]
    );
}

#[test]
fn problems_beyond_the_listing_limit_are_counted() {
    let options = LoadOptions {
        max_listed_problems: 2,
        ..german()
    };
    let text = "pattern\nx\ny\nz\n+491\n";
    let loaded = load_rules(text, "b.csv", ListKind::Block, ListFormat::Csv, &options).expect("ok");
    assert_eq!(loaded.problems.len(), 2);
    assert_eq!(loaded.unlisted_problems, 1);
    assert_eq!(loaded.problem_count(), 3);
    assert_eq!(loaded.list.len(), 1);
}

#[test]
fn problems_serialize_with_code_and_message() {
    let loaded = load_rules(
        "pattern\n+49*1\n",
        "b.csv",
        ListKind::Block,
        ListFormat::Csv,
        &german(),
    )
    .expect("ok");
    let json = serde_json::to_value(&loaded.problems).expect("serializable");
    assert_eq!(
        json,
        serde_json::json!([{
            "file": "b.csv",
            "line": 2,
            "index": null,
            "code": "wildcard_not_at_end",
            "message": "'*' at position 4 is followed by more symbols; '*' is only allowed at the end"
        }])
    );
}

#[test]
fn format_from_file_name() {
    assert_eq!(
        ListFormat::from_file_name("lists/Block.CSV"),
        Ok(ListFormat::Csv)
    );
    assert_eq!(
        ListFormat::from_file_name("allow.json"),
        Ok(ListFormat::Json)
    );
    assert!(ListFormat::from_file_name("allow.xml").is_err());
}
