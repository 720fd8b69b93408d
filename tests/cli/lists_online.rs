//! `numrep lookup` with a config file: our own numbers, block/allow lists, and online
//! sources answered by a real HTTP server on 127.0.0.1 (never another address).

mod support;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

use support::{json_lines, numrep, run, stderr, stdout};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/examples")
}

fn example_config() -> String {
    examples().join("numrep.toml").display().to_string()
}

/// A throw-away directory for config files.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("numrep-e2e-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Writes `text` to `file` in a throw-away directory named after `test`, runs
/// `numrep lookup <flag> <that file> "030 1234567"`, and returns the exit code and stderr.
fn lookup_with_file(test: &str, flag: &str, file: &str, text: &str) -> (Option<i32>, String) {
    let path = temp_dir(test).join(file);
    std::fs::write(&path, text).expect("write temp file");
    let output = run(
        &["lookup", flag, &path.display().to_string(), "030 1234567"],
        b"",
    );
    (output.status.code(), stderr(&output))
}

/// An HTTP server on 127.0.0.1 that answers every request with `body` (JSON) and
/// counts requests; runs until the test process ends.
fn json_server(body: &'static str) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let addr = listener.local_addr().expect("address");
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&hits);
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            counter.fetch_add(1, Ordering::SeqCst);
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let reply = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    (format!("http://{addr}"), hits)
}

fn online_config(dir: &Path, base: &str) -> String {
    let config = format!(
        r#"
own_numbers = "{own}"
deadline_ms = 3000

[[sources]]
name = "complaints"
kind = "http_json"
url = "{base}/numbers/{{e164}}"
timeout_ms = 2000
header_name = "Authorization"
header_env = "NUMREP_E2E_TOKEN"
header_prefix = "Bearer "
[sources.mapping]
score_pointer = "/score"
label_pointer = "/label"
comments_pointer = "/complaints"
score_min = 0
score_max = 100
spam_at = 70
suspicious_at = 40
legitimate_at = 10
"#,
        own = examples().join("own_numbers.csv").display()
    );
    let path = dir.join("online.toml");
    std::fs::write(&path, config).expect("write config");
    path.display().to_string()
}

#[test]
fn own_vendor_number_from_the_example_config() {
    let config = example_config();
    let output = run(
        &[
            "lookup",
            "--config",
            &config,
            "--date",
            "2026-11-28",
            "--format",
            "json",
            "040 5555 0123",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = &json_lines(&output)[0];
    assert_eq!(report["own_number"]["vendor"], "Callcenter Nord GmbH");
    assert_eq!(report["own_number"]["in_window"], true);
    assert_eq!(report["advice"]["code"], "vendor_management");
    assert!(
        report["sources"].as_array().expect("array").is_empty(),
        "offline: no sources"
    );
}

#[test]
fn the_date_decides_the_validity_window() {
    let config = example_config();
    let output = run(
        &[
            "lookup",
            "-c",
            &config,
            "--date",
            "2027-01-15",
            "040 5555 0123",
        ],
        b"",
    );
    let text = stdout(&output);
    assert!(text.contains("outside its validity window"), "{text}");
    assert!(text.contains("until 2026-12-31"), "{text}");
    assert!(text.contains("reassigned"), "{text}");
    assert!(
        !text.contains("came from one of our contracted call centers"),
        "{text}"
    );
    assert!(text.contains("MEDIUM"), "{text}");
}

#[test]
fn allow_entry_overrules_the_block_range_in_text_and_csv() {
    let config = example_config();
    let output = run(
        &[
            "lookup",
            "-c",
            &config,
            "-f",
            "csv",
            "+49 900 5 555 010",
            "+49 900 1 234567",
        ],
        b"",
    );
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header = reader.headers().expect("header").clone();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(&rows[0][column("list_decision")], "allowed");
    assert_eq!(&rows[1][column("list_decision")], "blocked");
    assert!(rows[1][column("reason_codes")].contains("blocklisted"));
}

#[test]
fn bad_list_rows_are_reported_not_dropped_silently() {
    let (code, err) = lookup_with_file(
        "badrows",
        "--blocklist",
        "block.csv",
        "pattern,category,note\n+49900*,premium,\n+49 30 12a4,typo,\n",
    );
    assert_eq!(code, Some(0));
    assert!(err.contains("block.csv:3"), "file and line named: {err}");
}

#[test]
fn unreadable_list_or_config_is_a_usage_error() {
    let output = run(
        &[
            "lookup",
            "--own-numbers",
            "/nonexistent/own.csv",
            "030 1234567",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("/nonexistent/own.csv"));
    let output = run(
        &[
            "lookup",
            "--config",
            "/nonexistent/numrep.toml",
            "030 1234567",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn online_without_sources_sends_nothing_and_says_so() {
    let output = run(&["lookup", "--online", "030 1234567"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("nothing is sent"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn online_source_on_loopback_is_asked_and_weighed() {
    let (base, hits) = json_server(r#"{"score": 92, "label": "Erotik-Hotline", "complaints": 41}"#);
    let dir = temp_dir("online");
    let config = online_config(&dir, &base);
    let output = numrep(&[
        "lookup",
        "-c",
        &config,
        "--online",
        "--date",
        "2026-11-28",
        "-f",
        "json",
        "040 5555 0123",
        "110",
    ])
    .env("NUMREP_E2E_TOKEN", "secret-token-123")
    .output()
    .expect("numrep runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let reports = json_lines(&output);
    let vendor = &reports[0];
    assert_eq!(vendor["sources"][0]["name"], "complaints");
    assert_eq!(vendor["sources"][0]["status"], "ok");
    assert_eq!(vendor["sources"][0]["verdict"], "spam");
    assert_eq!(vendor["risk"], "high");
    assert_eq!(vendor["reasons"][0]["code"], "source_spam");
    // Ours all the same: vendor management, not security.
    assert_eq!(vendor["advice"]["code"], "vendor_management");
    // A short code has no E.164 form: nothing is sent for it.
    assert!(reports[1]["sources"].as_array().expect("array").is_empty());
    assert_eq!(hits.load(Ordering::SeqCst), 1);
    let text = String::from_utf8_lossy(&output.stderr);
    assert!(!text.contains("secret-token-123") && !text.contains("4055550123"));
}

#[test]
fn online_source_that_fails_does_not_fail_the_lookup() {
    let dir = temp_dir("down");
    // Nothing listens on this port (bound, then closed).
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let config = online_config(&dir, &format!("http://127.0.0.1:{port}"));
    let output = numrep(&[
        "lookup",
        "-c",
        &config,
        "--online",
        "-f",
        "json",
        "030 1234567",
    ])
    .env("NUMREP_E2E_TOKEN", "t")
    .output()
    .expect("numrep runs");
    assert_eq!(output.status.code(), Some(0));
    let report = &json_lines(&output)[0];
    assert_eq!(report["sources"][0]["status"], "error");
    assert_eq!(report["risk"], "low");
}

#[test]
fn batch_table_and_csv_show_the_vendor_match() {
    let config = example_config();
    let input = b"040 5555 0123\n030 1234567\n";
    let output = run(
        &["lookup", "-c", &config, "--date", "28.11.2026", "-"],
        input,
    );
    let text = stdout(&output);
    let mut lines = text.lines();
    let header = lines.next().expect("header");
    assert!(header.contains("VENDOR"), "{header}");
    let ours = lines.next().expect("row");
    assert!(ours.contains("Callcenter Nord GmbH"), "{ours}");
    let other = lines.next().expect("row");
    assert!(!other.contains("Callcenter"), "{other}");

    let output = run(
        &[
            "lookup",
            "-c",
            &config,
            "-f",
            "csv",
            "--date",
            "2026-11-28",
            "-",
        ],
        input,
    );
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header = reader.headers().expect("header").clone();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(&rows[0][column("own_vendor")], "Callcenter Nord GmbH");
    assert_eq!(
        &rows[1][column("register")],
        "not in our register (5 entries)"
    );
}

#[test]
fn online_source_without_its_credential_is_a_config_error_and_the_lookup_answers() {
    let dir = temp_dir("nokey");
    let (base, hits) = json_server(r#"{"score":95,"label":"scam","complaints":40}"#);
    let config = online_config(&dir, &base);
    let output = numrep(&[
        "lookup",
        "-c",
        &config,
        "--online",
        "--lang",
        "de",
        "-f",
        "json",
        "040 5555 0123",
    ])
    .env_remove("NUMREP_E2E_TOKEN")
    .output()
    .expect("numrep runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = &json_lines(&output)[0];
    assert_eq!(report["own_number"]["vendor"], "Callcenter Nord GmbH");
    let source = &report["sources"][0];
    assert_eq!(source["status"], "config_error", "{source}");
    assert_eq!(source["error"]["code"], "missing_credential");
    assert_eq!(source["error"]["var"], "NUMREP_E2E_TOKEN");
    assert_eq!(
        source["error"]["message"],
        "Umgebungsvariable NUMREP_E2E_TOKEN ist nicht gesetzt; Quelle nicht gefragt"
    );
    assert_eq!(
        hits.load(Ordering::SeqCst),
        0,
        "nothing sent without the key"
    );
}

#[test]
fn a_bad_source_config_is_an_error_even_without_online() {
    let (code, text) = lookup_with_file(
        "badsource",
        "--config",
        "bad.toml",
        "[[sources]]\nname = \"t\"\nkind = \"tellows\"\nurl = \"https://www.tellows.de\"\napi_key = \"hunter2\"\n",
    );
    assert_eq!(code, Some(2));
    assert!(
        text.contains("line 5: source `t`: unknown key `api_key` (did you mean `api_key_env`?)"),
        "{text}"
    );
    assert!(!text.contains("hunter2"), "{text}");
}

#[test]
fn a_typo_in_a_top_level_key_is_an_error_not_a_silent_default() {
    let dir = temp_dir("typo");
    let config = dir.join("numrep.toml");
    std::fs::write(&config, "lang = \"de\"\nown_number = \"own.csv\"\n").expect("write");
    let config = config.display().to_string();
    let output = run(&["lookup", "-c", &config, "030 1234567"], b"");
    assert_eq!(output.status.code(), Some(2), "usage error");
    let err = stderr(&output);
    assert!(
        err.contains("numrep.toml line 2: unknown key `own_number` (did you mean `own_numbers`?)"),
        "{err}"
    );
    assert!(
        stdout(&output).is_empty(),
        "nothing is looked up with a broken config"
    );
}
