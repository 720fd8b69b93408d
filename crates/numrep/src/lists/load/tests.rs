//! Loader tests: formats, row problems, limits.

use super::*;
use crate::lists::{CountryCode, Date, OwnNumberEntry, WindowPosition};

fn german() -> LoadOptions {
    let code = CountryCode::new(49).expect("49 is a calling code");
    LoadOptions::new().patterns(PatternOptions::new().default_country_code(code))
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
pattern,category,note,X_Ticket

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
        "block.csv:6: skipped: invalid character 'x' at position 10 \
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
    assert_eq!(error.to_string(), "own.csv:1: header has no vendor column");
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
        "b.json:4 (entry 2): skipped: entry is not a JSON object"
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

/// Each element's line is where it starts: several on one line, brackets and quotes
/// inside strings, and an `entries` key nested deeper that is not the list.
#[test]
fn json_elements_know_their_lines() {
    let text = "{\"meta\": {\"entries\": [9]},\n \"entries\": [\n  {\"pattern\": \"+4930\", \"x_a\": [1, {\"b\": \"]\"}]},\n  \"x\\\"y\",\n\n  {\"pattern\": \"+4940\"}, 17, true\n]}";
    let loaded =
        load_rules(text, "b.json", ListKind::Block, ListFormat::Json, &german()).expect("ok");
    let lines: Vec<Option<u32>> = loaded.list.entries().iter().map(|e| e.line).collect();
    assert_eq!(lines, [Some(3), Some(6)]);
    let problems: Vec<(Option<u32>, Option<u32>)> =
        loaded.problems.iter().map(|p| (p.line, p.index)).collect();
    assert_eq!(
        problems,
        [(Some(4), Some(1)), (Some(6), Some(3)), (Some(6), Some(4))]
    );
}

/// A syntax error names its line and column (in characters) and what is wrong.
#[test]
fn json_syntax_errors_say_where() {
    let error = load_rules(
        "[\n  {\"pattern\": \"+4930\", \"note\": \"äö\" \"x\"}\n]",
        "b.json",
        ListKind::Block,
        ListFormat::Json,
        &german(),
    )
    .expect_err("syntax error");
    assert!(
        matches!(&error, ListError::Json { line: 2, column: 37, message, .. } if message == "expected `,` or `}`"),
        "{error:?}"
    );
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
    for shape in [
        "{\"items\": []}",
        "\"text\"",
        "{\"entries\": {}}",
        "12",
        "-3",
        "1.5",
        "true",
        "null",
        "{\"entries\": 2.5}",
        "{\"entries\": \"x\"}",
    ] {
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
    let small = german().max_text_bytes(10);
    let error = load_rules(
        "pattern\n+49900*\n",
        "b.csv",
        ListKind::Block,
        ListFormat::Csv,
        &small,
    )
    .expect_err("too large");
    assert_eq!(error.code(), "text_too_large");

    let few = german().max_entries(2);
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

    let short_lines = german().max_line_bytes(20).max_field_bytes(8);
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
    let options = german().max_listed_problems(2);
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

fn own_csv(text: &str) -> Result<Loaded<OwnNumberRegistry>, ListError> {
    load_own_numbers(text, "own.csv", ListFormat::Csv, &german())
}

/// The load reported exactly one problem: `error` on `line`.
fn assert_only_problem(problems: &[RowProblem], line: u32, error: ListError) {
    let found: Vec<(Option<u32>, &ListError)> = problems
        .iter()
        .map(|problem| (problem.line, &problem.error))
        .collect();
    assert_eq!(found, [(Some(line), &error)]);
}

fn block_json(text: &str) -> Loaded<RuleList> {
    load_rules(text, "b.json", ListKind::Block, ListFormat::Json, &german()).expect("file-level ok")
}

#[test]
fn a_misspelt_csv_column_refuses_the_file_with_a_hint() {
    // Before: `valid_until` was ignored, so every window was silently open-ended.
    let text = "# own numbers\n\npattern,vendor,valid_from,valid_until\n\
                +4940555501##,Nord,2026-10-01,2026-12-31\n";
    let error = own_csv(text).expect_err("unknown column");
    assert_eq!(
        error,
        ListError::UnknownColumn {
            file: "own.csv".into(),
            line: 3,
            column: "valid_until".into(),
            suggestion: Some("valid_to"),
            known: <OwnNumberEntry as ListEntry>::FIELDS,
        }
    );
    assert_eq!(error.code(), "unknown_column");
    let text = error.to_string();
    assert!(
        text.starts_with("own.csv:3: unknown column \"valid_until\" (did you mean valid_to?)"),
        "{text}"
    );
    let german = error.message(Lang::De).to_string();
    assert!(
        german.starts_with(
            "own.csv:3: unbekannte Spalte \"valid_until\" (gemeint ist wohl valid_to)"
        ),
        "{german}"
    );
    // No hint when nothing is close; the known names are listed either way.
    let error = own_csv("pattern,vendor,telefonnummer\n").expect_err("unknown column");
    assert!(
        error
            .to_string()
            .contains("unknown column \"telefonnummer\"; the list is refused"),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("known: pattern, vendor, campaign"),
        "{error}"
    );
}

#[test]
fn extra_columns_starting_with_x_are_accepted_and_ignored() {
    let text = "pattern;vendor;x_ticket;X_Added_By\n+4940555501##;Nord;INC-4711;jm\n";
    let loaded = own_csv(text).expect("x_ columns are the analyst's own");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.list.len(), 1);
}

#[test]
fn an_unbalanced_quote_is_a_problem_on_its_line_and_later_rows_load() {
    // Before: the quote swallowed every following row into one field.
    let text = "pattern,vendor,campaign\n\
                +4940555501##,Nord,Winter\n\
                +4940555502##,\"Nord GmbH,Winter\n\
                +4940555503##,Süd,Sommer\n\
                +4940555504##,\"West, \"\"die Guten\"\"\",Herbst\n";
    let loaded = own_csv(text).expect("file-level ok");
    assert_only_problem(&loaded.problems, 3, ListError::UnbalancedQuote { field: 2 });
    assert_eq!(loaded.list.len(), 3);
    let vendors: Vec<&str> = loaded
        .list
        .entries()
        .iter()
        .map(|entry| entry.vendor.as_str())
        .collect();
    assert_eq!(vendors, ["Nord", "Süd", "West, \"die Guten\""]);
}

#[test]
fn a_quote_left_open_in_the_header_refuses_the_file() {
    let error = own_csv("pattern,\"vendor\n+49,Nord\n").expect_err("bad header");
    assert_eq!(
        error,
        ListError::BadHeader {
            file: "own.csv".into(),
            line: 1,
            problem: Box::new(ListError::UnbalancedQuote { field: 2 }),
        }
    );
}

#[test]
fn a_value_where_the_header_names_no_column_leaves_the_row_out() {
    // An unquoted comma in the vendor shifts the campaign into a sixth column.
    let text = "pattern,vendor,campaign,valid_from,valid_to,\n\
                +4940555501##,Nord, GmbH,Winter,2026-10-01,2026-12-31\n\
                +4940555502##,Nord,Winter,2026-10-01,2026-12-31,\n\
                +4940555503##,Nord,Winter,,,,,\n";
    let loaded = own_csv(text).expect("file-level ok");
    assert_only_problem(
        &loaded.problems,
        2,
        ListError::ValueWithoutColumn { column: 6 },
    );
    assert_eq!(loaded.list.len(), 2);
}

#[test]
fn json_unknown_and_repeated_fields_leave_the_entry_out() {
    let text = r#"[
  {"pattern": "+491", "note": "ok", "x_ticket": 4711},
  {"pattern": "+492", "notes": "typo"},
  {"Pattern": "+493"},
  {"pattern": "+494", "pattern": "+495"}
]"#;
    let loaded = block_json(text);
    assert_eq!(loaded.list.len(), 1);
    assert_eq!(
        codes_and_lines(&loaded.problems),
        [
            ("unknown_field", Some(3)),
            ("unknown_field", Some(4)),
            ("duplicate_field", Some(5)),
        ]
    );
    assert_eq!(loaded.problems[0].index, Some(1));
    assert_eq!(
        loaded.problems[0].to_string(),
        "b.json:3 (entry 1): skipped: unknown field \"notes\" (did you mean note?) \
         (known: pattern, category, note; fields starting with x_ are ignored)"
    );
    assert_eq!(
        loaded.problems[1].error,
        ListError::UnknownField {
            field: "Pattern".into(),
            suggestion: Some("pattern"),
            known: &["pattern", "category", "note"],
        }
    );
    assert_eq!(
        loaded.problems[2].error,
        ListError::DuplicateField {
            field: "pattern".into()
        }
    );
}

#[test]
fn problems_are_written_in_the_load_language() {
    let options = german().lang(Lang::De);
    let text = "pattern,vendor,valid_to\n+4940555501##,Nord,2026-13-01\n+4940555502##,\"Nord\n";
    let loaded = load_own_numbers(text, "own.csv", ListFormat::Csv, &options).expect("ok");
    let texts: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            "own.csv:2: übergangen: ungültiges Datum \"2026-13-01\": Monat nicht in 01-12 \
             (erwartet: JJJJ-MM-TT oder TT.MM.JJJJ)",
            "own.csv:3: übergangen: das Anführungszeichen am Anfang von Feld 2 wird in dieser \
             Zeile nicht geschlossen (ein Wert kann nicht über mehrere Zeilen gehen; in einem \
             Wert in Anführungszeichen wird ein Anführungszeichen verdoppelt)",
        ]
    );
    let json = serde_json::to_value(&loaded.problems[0]).expect("serializable");
    assert_eq!(
        json["message"],
        "ungültiges Datum \"2026-13-01\": Monat nicht in 01-12 (erwartet: JJJJ-MM-TT oder TT.MM.JJJJ)"
    );
    assert_eq!(
        loaded.problems[0].message(Lang::En).to_string(),
        "own.csv:2: skipped: invalid date \"2026-13-01\": month not in 01-12 \
         (expected YYYY-MM-DD or DD.MM.YYYY)"
    );
    let json = block_json(r#"[1, {"pattern": "+491"}]"#);
    assert_eq!(
        json.problems[0].message(Lang::De).to_string(),
        "b.json:1 (Eintrag 0): übergangen: der Eintrag ist kein JSON-Objekt"
    );
}

#[test]
fn unlisted_problems_have_a_note_in_both_languages() {
    let options = german().max_listed_problems(1);
    let loaded = load_rules(
        "pattern\nx\ny\nz\n",
        "b.csv",
        ListKind::Block,
        ListFormat::Csv,
        &options,
    )
    .expect("ok");
    let note = |lang| loaded.unlisted_note(lang).map(|note| note.to_string());
    assert_eq!(note(Lang::En).as_deref(), Some("… and 2 more rows skipped"));
    assert_eq!(
        note(Lang::De).as_deref(),
        Some("… und 2 weitere Zeilen übergangen")
    );
    let clean = load_rules(
        "pattern\n+491\n",
        "b.csv",
        ListKind::Block,
        ListFormat::Csv,
        &options,
    )
    .expect("ok");
    assert!(clean.unlisted_note(Lang::En).is_none());
}

#[test]
fn line_numbers_count_every_kind_of_line_end() {
    let text = "pattern\r\n# comment\r\n\r\n+49x\r+49y\n+491\n";
    let loaded =
        load_rules(text, "b.csv", ListKind::Block, ListFormat::Csv, &german()).expect("ok");
    assert_eq!(
        codes_and_lines(&loaded.problems),
        [
            ("invalid_character", Some(4)),
            ("invalid_character", Some(5))
        ]
    );
    assert_eq!(loaded.list.entries()[0].line, Some(6));
}
