//! `numrep serve` and `numrep complaints` run as processes: the crash test (SIGKILL
//! during a burst of posts loses no acknowledged complaint), start-up refusals,
//! masked logs, and import/stats against the same database.

mod support;

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::{numrep, stderr, stdout};

const SECRET: &str = "test-secret-0123456789abcdef-0123456789";

/// A running `numrep serve` and what it wrote to stderr.
struct Serve {
    child: Child,
    base: String,
    log: Arc<Mutex<String>>,
}

fn serve(db: &str) -> Serve {
    let mut child = numrep(&["serve", "--db", db, "--listen", "127.0.0.1:0"])
        .env("NUMREP_DESK_SECRET", SECRET)
        .env("RUST_LOG", "debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("numrep serve starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().expect("a first line").expect("UTF-8");
    let base = first
        .strip_prefix("numrep serve: listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
        .to_string();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    let log = Arc::new(Mutex::new(String::new()));
    let mut err = child.stderr.take().unwrap();
    let sink = log.clone();
    thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = err.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    Serve { child, base, log }
}

fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

/// Every stored complaint id, through the admin listing (open on loopback).
fn stored_ids(base: &str) -> Vec<i64> {
    let http = client();
    let mut ids = Vec::new();
    let mut before: Option<i64> = None;
    loop {
        let mut url = format!("{base}/api/v1/complaints?limit=1000");
        if let Some(b) = before {
            url.push_str(&format!("&before={b}"));
        }
        let page: Value = http.get(url).send().unwrap().json().unwrap();
        ids.extend(
            page["complaints"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_i64().unwrap()),
        );
        match page["next_before"].as_i64() {
            Some(b) => before = Some(b),
            None => return ids,
        }
    }
}

#[test]
fn sigkill_during_a_burst_loses_no_acknowledged_complaint() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("desk.db").display());
    let mut desk = serve(&db);
    let acked: Arc<Mutex<Vec<i64>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let (base, acked, stop) = (desk.base.clone(), acked.clone(), stop.clone());
            thread::spawn(move || {
                let http = client();
                for i in 0..5000 {
                    if stop.load(Ordering::SeqCst) {
                        return;
                    }
                    let body = json!({
                        "number": format!("030 {:07}", w * 10_000 + i),
                        "category": "cold_call",
                        "customer_ref": format!("K-{w}-{i}"),
                    });
                    let sent = http
                        .post(format!("{base}/api/v1/complaints"))
                        .header("idempotency-key", format!("crash-{w}-{i}"))
                        .json(&body)
                        .send();
                    match sent {
                        Ok(r) if r.status().as_u16() == 201 => {
                            let id = r.json::<Value>().unwrap()["id"].as_i64().unwrap();
                            acked.lock().unwrap().push(id);
                        }
                        // The server is gone: this writer is done.
                        _ => return,
                    }
                }
            })
        })
        .collect();
    let start = Instant::now();
    while acked.lock().unwrap().len() < 300 && start.elapsed() < Duration::from_secs(30) {
        thread::sleep(Duration::from_millis(5));
    }
    desk.child.kill().expect("SIGKILL");
    desk.child.wait().unwrap();
    stop.store(true, Ordering::SeqCst);
    for w in writers {
        w.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(
        acked.len() >= 300,
        "only {} posts answered before the kill",
        acked.len()
    );

    let log = desk.log.lock().unwrap().clone();
    assert!(
        log.contains("complaint stored"),
        "debug log expected:\n{log}"
    );
    assert!(log.contains("+49300…"), "masked numbers expected:\n{log}");
    assert!(
        !log.contains("+4930000"),
        "a full number in the log:\n{log}"
    );
    assert!(!log.contains("K-0-"), "a customer ref in the log");

    let mut again = serve(&db);
    let stored = stored_ids(&again.base);
    let missing: Vec<&i64> = acked.iter().filter(|id| !stored.contains(id)).collect();
    assert!(
        missing.is_empty(),
        "{} acknowledged complaints lost: {missing:?}",
        missing.len()
    );
    again.child.kill().unwrap();
    again.child.wait().unwrap();
}

#[test]
fn serve_refuses_to_start_misconfigured() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("d.db").display());
    let open = numrep(&["serve", "--db", &db, "--listen", "0.0.0.0:0"])
        .env("NUMREP_DESK_SECRET", SECRET)
        .output()
        .unwrap();
    assert_eq!(open.status.code(), Some(2));
    assert!(
        stderr(&open).contains("without tokens"),
        "{}",
        stderr(&open)
    );
    let no_secret = numrep(&["serve", "--db", &db])
        .env_remove("NUMREP_DESK_SECRET")
        .output()
        .unwrap();
    assert_eq!(no_secret.status.code(), Some(2));
    assert!(
        stderr(&no_secret).contains("NUMREP_DESK_SECRET"),
        "{}",
        stderr(&no_secret)
    );
    let bad_db = numrep(&["serve", "--db", "mysql://x"])
        .env("NUMREP_DESK_SECRET", SECRET)
        .output()
        .unwrap();
    assert_eq!(bad_db.status.code(), Some(2));
    assert!(stderr(&bad_db).contains("sqlite://"), "{}", stderr(&bad_db));
}

#[test]
fn import_then_stats_by_number_range_and_vendor() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("d.db").display());
    let config = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/examples/numrep.toml");
    let csv = dir.path().join("tickets.csv");
    // Recent times, so `--since 7d` sees them.
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let mut text = String::from("number,category,received_at,customer_ref,note\n");
    for i in 0..6 {
        text.push_str(&format!(
            "040 5555 01{:02},cold_call,{},K-{i},\"said \"\"Telekom\"\"\"\n",
            i % 3,
            now_ms - i * 60_000
        ));
    }
    text.push_str("not a number,cold_call,1,K-9,\n");
    std::fs::write(&csv, text).unwrap();
    let import = |file: &std::path::Path| {
        numrep(&[
            "complaints",
            "import",
            file.to_str().unwrap(),
            "--db",
            &db,
            "--config",
            config,
        ])
        .env("NUMREP_DESK_SECRET", SECRET)
        .output()
        .unwrap()
    };
    let first = import(&csv);
    assert_eq!(
        first.status.code(),
        Some(1),
        "a row was skipped: {}",
        stderr(&first)
    );
    assert!(
        stderr(&first).contains("line 8: no_digits"),
        "{}",
        stderr(&first)
    );
    assert!(
        stderr(&first).contains("imported 6 complaints (0 were there already)"),
        "{}",
        stderr(&first)
    );
    let second = import(&csv);
    assert!(
        stderr(&second).contains("imported 0 complaints (6 were there already)"),
        "{}",
        stderr(&second)
    );

    let jsonl = dir.path().join("more.jsonl");
    std::fs::write(
        &jsonl,
        format!(
            "{{\"number\":\"+49 30 1234567\",\"category\":\"fraud\",\"received_at\":{now_ms}}}\n"
        ),
    )
    .unwrap();
    assert_eq!(import(&jsonl).status.code(), Some(0));

    let stats = |by: &str, format: &str| {
        numrep(&[
            "complaints",
            "stats",
            "--by",
            by,
            "--since",
            "7d",
            "--format",
            format,
            "--db",
            &db,
        ])
        .output()
        .unwrap()
    };
    let numbers = stats("number", "json");
    assert_eq!(numbers.status.code(), Some(0), "{}", stderr(&numbers));
    let rows: Vec<Value> = stdout(&numbers)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["group_by"], "number");
    assert_eq!(
        (rows[0]["count"].as_u64(), rows[0]["customers"].as_u64()),
        (Some(2), Some(2))
    );
    let ranges = stdout(&stats("range", "csv"));
    let lines: Vec<&str> = ranges.lines().collect();
    assert_eq!(lines[0], "range,complaints,customers,first_at,last_at");
    assert!(lines[1].starts_with("+4940555501xx,6,6,"), "{ranges}");
    let vendors = stdout(&stats("vendor", "text"));
    assert!(
        vendors
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("Callcenter Nord GmbH           6          6"),
        "{vendors}"
    );
}
