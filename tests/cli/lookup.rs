//! The `numrep` binary run as a process: arguments, stdin, output formats, exit
//! status, colour, broken pipes and hostile input.

mod support;

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::thread;

use serde_json::Value;
use support::{json_lines, numrep, run, stderr, stdout};

/// Looks one number up with `--format json`.
fn json_for(number: &str) -> (Value, Option<i32>) {
    let output = run(&["lookup", "--format", "json", number], b"");
    let mut lines = json_lines(&output);
    assert_eq!(lines.len(), 1, "one line for one number");
    (lines.remove(0), output.status.code())
}

const CONTRACT: [&str; 26] = [
    "input",
    "ok",
    "error",
    "e164",
    "country_code",
    "region",
    "country",
    "national_number",
    "international_format",
    "national_format",
    "extension",
    "short_code",
    "category",
    "category_text",
    "valid",
    "validity",
    "place",
    "operator",
    "tariff",
    "caller_id_allowed",
    "caller_id",
    "range",
    "risk",
    "reasons",
    "advice",
    "data_version",
];

fn assert_contract(v: &Value) {
    for field in CONTRACT {
        assert!(v.get(field).is_some(), "field {field:?} missing in {v}");
    }
}

#[test]
fn single_lookup_prints_a_readable_block() {
    let output = run(&["lookup", "+49 900 5123456"], b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    for word in [
        "Number",
        "+49 900 5123456",
        "Kind",
        "premium",
        "Tariff",
        "Caller ID",
        "FORBIDDEN",
        "Risk",
        "HIGH",
        "Advice",
    ] {
        assert!(text.contains(word), "{word:?} missing in\n{text}");
    }
}

#[test]
fn several_numbers_print_an_aligned_table() {
    let output = run(&["lookup", "+49 900 5123456", "030 1234567", "110"], b"");
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "header and three rows:\n{text}");
    let risk = lines[0].find("RISK").expect("header names the RISK column");
    assert!(lines[1][risk..].starts_with("HIGH"));
    assert!(lines[2][risk..].starts_with("LOW"));
    assert!(lines[3][risk..].starts_with("HIGH"));
}

#[test]
fn json_premium_rate_number() {
    let (v, code) = json_for("+49 900 5123456");
    assert_eq!(code, Some(0));
    assert_contract(&v);
    assert_eq!(v["input"], "+49 900 5123456");
    assert_eq!(v["ok"], true);
    assert!(v["error"].is_null());
    assert_eq!(v["e164"], "+499005123456");
    assert_eq!(v["country_code"], 49);
    assert_eq!(v["region"], "DE");
    assert_eq!(v["category"], "premium_rate");
    assert_eq!(v["valid"], true);
    assert_eq!(v["caller_id_allowed"], false);
    assert_eq!(v["risk"], "high");
    assert!(v["tariff"].is_object());
    let reasons = v["reasons"].as_array().expect("reasons is an array");
    assert!(!reasons.is_empty());
    for reason in reasons {
        assert!(reason["code"].is_string() && reason["message"].is_string());
    }
    assert!(v["advice"]["code"].is_string());
}

#[test]
fn json_berlin_landline() {
    let (v, code) = json_for("030 1234567");
    assert_eq!(code, Some(0));
    assert_contract(&v);
    assert_eq!(v["e164"], "+49301234567");
    assert_eq!(v["category"], "fixed_line");
    assert_eq!(v["place"], "Berlin");
    assert_eq!(v["valid"], true);
    assert_eq!(v["caller_id_allowed"], true);
    assert_eq!(v["risk"], "low");
}

#[test]
fn json_short_code_110() {
    let (v, code) = json_for("110");
    assert_eq!(code, Some(0));
    assert_contract(&v);
    assert_eq!(v["ok"], true);
    assert_eq!(v["short_code"], true);
    assert_eq!(v["category"], "emergency");
    assert_eq!(v["caller_id_allowed"], false);
    assert_eq!(v["risk"], "high");
}

#[test]
fn json_bad_input_has_an_error_and_exit_1() {
    let (v, code) = json_for("hello");
    assert_eq!(code, Some(1));
    assert_contract(&v);
    assert_eq!(v["ok"], false);
    assert_eq!(v["input"], "hello");
    assert!(v["error"]["code"].is_string());
    assert!(v["error"]["message"].is_string());
    assert!(v["risk"].is_null());
}

#[test]
fn a_display_without_a_number_says_so_in_the_agents_language() {
    let output = run(
        &[
            "lookup",
            "--lang",
            "de",
            "--format",
            "json",
            "Rufnummer unterdrückt",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    let v = json_lines(&output).remove(0);
    assert_eq!(v["error"]["code"], "no_number_shown");
    let message = v["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("keine Rufnummer angezeigt"), "{message}");
}

#[test]
fn stdin_batch_keeps_order_and_reports_failures_with_exit_1() {
    let inputs = [
        "+49 900 5123456",
        "not a number",
        "030 1234567",
        "",
        "110",
        "0171 1234567",
        "+",
    ];
    let stdin = inputs.join("\n") + "\n";
    let output = run(&["lookup", "--format", "json"], stdin.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), inputs.len(), "one output line per input line");
    for (line, input) in lines.iter().zip(inputs) {
        assert_eq!(line["input"], input);
    }
    let ok: Vec<bool> = lines.iter().map(|l| l["ok"] == true).collect();
    assert_eq!(ok, [true, false, true, false, true, true, false]);
}

#[test]
fn all_good_stdin_batch_exits_0() {
    let output = run(&["lookup", "--format", "json"], b"110\n112\n030 1234567\n");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json_lines(&output).len(), 3);
}

#[test]
fn large_batch_keeps_order() {
    let inputs: Vec<String> = (0..5000)
        .map(|i| format!("030 {}", 1_000_000 + i))
        .collect();
    let output = run(
        &["lookup", "--format", "json"],
        inputs.join("\n").as_bytes(),
    );
    assert_eq!(output.status.code(), Some(0));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), inputs.len());
    assert!(lines
        .iter()
        .zip(&inputs)
        .all(|(l, i)| l["input"] == i.as_str()));
}

#[test]
fn dash_reads_stdin() {
    let output = run(&["lookup", "--format", "json", "-"], b"110\n");
    assert_eq!(output.status.code(), Some(0));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["input"], "110");
}

#[test]
fn dash_between_numbers_reads_stdin_in_place() {
    let output = run(
        &["lookup", "--format", "json", "110", "-", "112"],
        b"115\n116116\n",
    );
    assert_eq!(output.status.code(), Some(0));
    let inputs: Vec<Value> = json_lines(&output)
        .into_iter()
        .map(|l| l["input"].clone())
        .collect();
    assert_eq!(inputs, ["110", "115", "116116", "112"]);
}

#[test]
fn crlf_and_bom_are_stripped() {
    let output = run(
        &["lookup", "--format", "json"],
        b"\xEF\xBB\xBF110\r\n030 1234567\r\n",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let lines = json_lines(&output);
    assert_eq!(lines[0]["input"], "110");
    assert_eq!(lines[1]["input"], "030 1234567");
}

#[test]
fn csv_has_header_and_quotes_commas() {
    let output = run(
        &["lookup", "--format", "csv", "--lang", "de", "-"],
        b"+49 900 5123456\n030,123\n",
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(&header[0], "input");
    assert_eq!(header.len(), 34);
    for name in [
        "error_message",
        "e164",
        "tariff_id",
        "reason_codes",
        "advice_code",
    ] {
        assert!(header.iter().any(|h| h == name), "{name} missing");
    }
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.expect("valid CSV row"))
        .collect();
    assert_eq!(rows.len(), 2);
    let col = |name: &str| header.iter().position(|h| h == name).expect("column");
    assert_eq!(&rows[0][col("category")], "premium_rate");
    assert_eq!(&rows[0][col("risk")], "high");
    assert!(rows[0][col("reason_codes")].contains("caller_id_forbidden"));
    assert_eq!(
        &rows[0][col("input")],
        "'+49 900 5123456",
        "formula-safe input echo"
    );
    assert_eq!(&rows[0][col("risk_text")], "hoch");
    assert!(rows[0][col("reasons")].contains("TKG § 120"));
    assert_eq!(&rows[1][col("input")], "030,123");
    assert_eq!(&rows[1][col("ok")], "false");
    let message = &rows[1][col("error_message")];
    assert!(
        message.contains(','),
        "the error message names the comma: {message}"
    );
    // The raw text quotes both fields that contain a comma.
    assert!(text.contains("\"030,123\""));
    assert!(text.contains(&format!("\"{}\"", message.replace('"', "\"\""))));
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let output = run(&["lookup", "--no-such-flag", "110"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}

#[test]
fn unknown_region_is_a_usage_error_with_a_clear_message() {
    let output = run(&["lookup", "--region", "XX", "110"], b"");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("XX") && err.contains("region"), "{err}");
    assert!(output.stdout.is_empty());
}

#[test]
fn other_region_reads_national_numbers() {
    let (v, _) = {
        let output = run(
            &["lookup", "--format", "json", "--region", "at", "01 5123456"],
            b"",
        );
        (json_lines(&output).remove(0), output.status.code())
    };
    assert_eq!(v["country_code"], 43);
}

#[test]
fn every_region_reads_its_short_numbers_and_writes_its_formats() {
    let output = run(
        &[
            "lookup",
            "--format",
            "json",
            "--region",
            "GB",
            "999",
            "020 7946 0958",
            "+41 900 123 456",
        ],
        b"",
    );
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 3);
    let (emergency, london, premium) = (&lines[0], &lines[1], &lines[2]);
    assert_eq!(emergency["short_code"], true);
    assert_eq!(emergency["region"], "GB");
    assert_eq!(emergency["category"], "emergency");
    assert_eq!(emergency["cost"], "toll_free");
    assert_eq!(emergency["caller_id"], "forbidden");
    assert_eq!(london["international_format"], "+44 20 7946 0958");
    assert_eq!(london["national_format"], "020 7946 0958");
    assert_eq!(london["category"], "fixed_line");
    assert_eq!(premium["category"], "premium_rate");
    assert_eq!(premium["advice"]["code"], "do_not_call_back");
    assert_eq!(
        premium["national_format"],
        Value::Null,
        "not the home region's"
    );
}

#[test]
fn no_ansi_escapes_in_pipes_or_with_no_color() {
    let numbers = ["lookup", "+49 900 5123456", "110", "030 1234567"];
    let piped = run(&numbers, b"");
    assert!(!piped.stdout.contains(&0x1b), "a pipe gets plain text");
    let output = numrep(&numbers)
        .env("NO_COLOR", "1")
        .output()
        .expect("numrep runs");
    assert!(!output.stdout.contains(&0x1b), "NO_COLOR gets plain text");
    let never = run(&["lookup", "--color", "never", "110"], b"");
    assert!(!never.stdout.contains(&0x1b));
    // The control: colour can be forced, and the word stays.
    let forced = run(&["lookup", "--color", "always", "110"], b"");
    let text = stdout(&forced);
    assert!(text.contains('\x1b') && text.contains("HIGH"));
}

#[test]
fn no_progress_output_in_pipes() {
    let stdin: String = (0..3000)
        .map(|i| format!("030 {}\n", 1_000_000 + i))
        .collect();
    let output = run(&["lookup", "--format", "csv"], stdin.as_bytes());
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty(), "stderr: {}", stderr(&output));
}

#[test]
fn broken_pipe_ends_quietly() {
    let mut child = numrep(&["lookup", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("numrep starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let writer = thread::spawn(move || {
        let line = b"+49 30 1234567\n";
        for _ in 0..200_000 {
            if pipe.write_all(line).is_err() {
                break;
            }
        }
    });
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
    let mut first = String::new();
    stdout.read_line(&mut first).expect("one line arrives");
    assert!(first.starts_with('{'));
    drop(stdout); // like `| head -1`
    let output = child.wait_with_output().expect("numrep ends");
    writer.join().expect("stdin writer");
    let err = stderr(&output);
    assert!(!err.contains("panicked"), "stderr: {err}");
    assert!(err.is_empty(), "stderr: {err}");
    assert_eq!(output.status.code(), Some(0), "status {:?}", output.status);
}

#[test]
fn over_long_line_is_an_error_row() {
    let mut stdin = vec![b'1'; 1_000_000];
    stdin.extend_from_slice(b"\n110\n");
    let output = run(&["lookup", "--format", "json"], &stdin);
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["ok"], false);
    assert_eq!(lines[0]["error"]["code"], "line_too_long");
    assert!(lines[0]["input"].as_str().expect("input").len() < 300);
    assert_eq!(lines[1]["input"], "110");
    assert_eq!(lines[1]["ok"], true);
}

#[test]
fn invalid_utf8_line_is_an_error_row() {
    let output = run(&["lookup", "--format", "csv"], b"110\n030 12\xFF34\n112\n");
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[1][1], "false");
    assert_eq!(&rows[1][2], "invalid_utf8");
    assert_eq!(&rows[2][0], "112");
}

#[test]
fn empty_stdin_is_no_output_and_success() {
    let output = run(&["lookup", "--format", "json"], b"");
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    let output = run(&["lookup", "--format", "csv"], b"");
    assert_eq!(stdout(&output).lines().count(), 1, "just the header");
}

#[test]
fn lang_de_gives_german_texts() {
    let en = run(&["lookup", "--format", "json", "0171 1234567"], b"");
    let de = run(
        &["lookup", "--format", "json", "--lang", "de", "0171 1234567"],
        b"",
    );
    let (en, de) = (&json_lines(&en)[0], &json_lines(&de)[0]);
    assert_ne!(en["advice"]["message"], de["advice"]["message"]);
    assert_eq!(en["advice"]["code"], de["advice"]["code"]);
}

#[test]
fn control_characters_do_not_reach_the_terminal() {
    let output = run(&["lookup", "\x1b[2J110"], b"");
    assert!(!output.stdout.contains(&0x1b));
}

#[test]
fn help_has_examples_and_version_names_the_data() {
    let help = run(&["lookup", "--help"], b"");
    assert_eq!(help.status.code(), Some(0));
    let text = stdout(&help);
    for example in [
        "numrep lookup \"+49 900 5123456\"",
        "numrep lookup --format json < numbers.txt",
        "numrep lookup --format csv --lang de - < complaints.txt > out.csv",
    ] {
        assert!(text.contains(example), "{example} missing in help");
    }
    let version = run(&["--version"], b"");
    assert_eq!(version.status.code(), Some(0));
    let text = stdout(&version);
    assert!(text.contains(env!("CARGO_PKG_VERSION")), "{text}");
    assert!(
        text.contains(&format!("data {}", numrep::DATA_FINGERPRINT)),
        "{text}"
    );
    let metadata = format!("libphonenumber {}", numrep::METADATA_VERSION);
    assert!(text.contains(&metadata), "{text}");
    assert!(
        text.contains(&format!("BNetzA {}", numrep::BNETZA_SNAPSHOT)),
        "{text}"
    );
}

#[test]
fn jobs_do_not_change_the_output() {
    let stdin: String = (0..3000)
        .map(|i| match i % 4 {
            0 => format!("030 {}\n", 1_000_000 + i),
            1 => "0900 5123456\n".to_string(),
            2 => "junk\n".to_string(),
            _ => "110\n".to_string(),
        })
        .collect();
    let one = run(&["lookup", "--format", "csv", "-j", "1"], stdin.as_bytes());
    let three = run(&["lookup", "--format", "csv", "-j", "3"], stdin.as_bytes());
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(one.stdout, three.stdout);
    let zero = run(&["lookup", "-j", "0", "110"], b"");
    assert_eq!(zero.status.code(), Some(2));
}

#[test]
fn a_full_disk_is_a_write_error_with_exit_1() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists on Linux");
    let output = numrep(&["lookup", "030 1234567", "110"])
        .stdout(full)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("numrep runs");
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("cannot write the output"), "{err}");
    assert!(!err.contains("standard input"), "{err}");
}

#[test]
fn german_locale_gives_german_words_everywhere() {
    let output = numrep(&["lookup", "+49 900 5123456"])
        .env("LANG", "de_DE.UTF-8")
        .output()
        .expect("numrep runs");
    let text = stdout(&output);
    for word in [
        "Nummer",
        "Art",
        "Anruferkennung",
        "VERBOTEN",
        "Risiko",
        "HOCH",
        "Empfehlung",
    ] {
        assert!(text.contains(word), "{word} missing:\n{text}");
    }
    // --lang beats the locale.
    let output = numrep(&["lookup", "--lang", "en", "+49 900 5123456"])
        .env("LANG", "de_DE.UTF-8")
        .output()
        .expect("numrep runs");
    assert!(stdout(&output).contains("Caller ID"));
}

#[test]
fn csv_excel_opens_in_columns_in_german_excel() {
    let output = run(
        &[
            "lookup",
            "-f",
            "csv-excel",
            "--lang",
            "de",
            "030 1234567",
            "=1+1",
        ],
        b"",
    );
    let text = stdout(&output);
    assert!(text.starts_with('\u{FEFF}'), "byte-order mark first");
    let mut lines = text.lines();
    let header = lines.next().expect("header");
    assert!(header.contains("Eingabe;"), "{header}");
    let row = lines.next().expect("row");
    assert!(
        row.contains(";\"=\"\"+49301234567\"\"\";"),
        "number kept as text: {row}"
    );
    let formula = lines.next().expect("row");
    assert!(formula.starts_with("'=1+1;"), "{formula}");
}

#[test]
fn json_messages_follow_the_language() {
    let output = run(&["lookup", "-f", "json", "--lang", "de", "030 110"], b"");
    let v: Value = serde_json::from_str(stdout(&output).trim()).expect("JSON");
    assert_eq!(v["risk"], "high");
    assert_eq!(v["risk_text"], "hoch");
    assert_eq!(v["caller_id_allowed"], false);
    assert_eq!(v["reasons"][0]["code"], "fake_emergency_display");
    assert!(v["reasons"][0]["message"]
        .as_str()
        .expect("text")
        .contains("Die echte Polizei ruft nie mit 110 an"));
    assert_eq!(v["validity_text"], "gültig");
    let bad = run(&["lookup", "-f", "json", "call me"], b"");
    let v: Value = serde_json::from_str(stdout(&bad).trim()).expect("JSON");
    assert_eq!(
        v["caller_id_allowed"],
        Value::Null,
        "no verdict for rejected input"
    );
    assert_eq!(v["caller_id"], Value::Null);
}
