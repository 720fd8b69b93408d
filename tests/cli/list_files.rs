//! `numrep lookup` with list files that are wrong: misspelt columns, stray quotes,
//! and paths that are not list files at all (huge, `/dev/zero`, a pipe, a directory).
//! Each is a clear error naming the file, in the run's language, never a hang, a
//! full memory or a silently ignored column.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use support::{numrep, run, stderr, stdout};

/// A throw-away directory for list files.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("numrep-lists-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write list");
    path.display().to_string()
}

/// Runs `numrep args`, checks its exit status and returns what it wrote on stderr.
fn stderr_of(args: &[&str], status: i32) -> String {
    let output = run(args, b"");
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(status), "{err}");
    err
}

/// Like [`stderr_of`] for a usage error (exit 2), which must come before any lookup,
/// within 60 seconds.
fn refused(args: &[&str]) -> String {
    let output = run_bounded(args);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(stdout(&output).is_empty(), "nothing looked up");
    err
}

/// Runs `numrep args` (stdin closed) and fails the test if it has not finished
/// within 60 seconds: reading `/dev/zero` or opening a pipe would never finish.
fn run_bounded(args: &[&str]) -> Output {
    let mut child = numrep(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("numrep starts");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("numrep {args:?} still running after 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("numrep finished")
}

#[test]
fn a_misspelt_column_refuses_the_list_with_a_hint_in_the_runs_language() {
    let dir = temp_dir("column");
    let own = write(
        &dir,
        "own.csv",
        "# our vendors\npattern,vendor,valid_from,valid_until\n\
         +49 40 5555 01##,Callcenter Nord GmbH,2026-10-01,2026-12-31\n",
    );
    let err = refused(&["lookup", "--own-numbers", &own, "040 5555 0123"]);
    assert!(
        err.contains(&format!(
            "{own}:2: unknown column \"valid_until\" (did you mean valid_to?)"
        )),
        "{err}"
    );
    let err = refused(&[
        "lookup",
        "--lang=de",
        "--own-numbers",
        &own,
        "040 5555 0123",
    ]);
    assert!(
        err.contains(&format!(
            "{own}:2: unbekannte Spalte \"valid_until\" (gemeint ist wohl valid_to)"
        )),
        "{err}"
    );
}

#[test]
fn a_stray_quote_is_reported_on_its_line_and_later_rows_still_count() {
    let dir = temp_dir("quote");
    let block = write(
        &dir,
        "block.csv",
        "pattern,category,note\n\
         +49 30 111111,fraud,\"Enkeltrick\n\
         +49 30 1234567,fraud,reported 3 times\n",
    );
    let output = run(
        &[
            "lookup",
            "--format=json",
            "--blocklist",
            &block,
            "030 1234567",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(0));
    let err = stderr(&output);
    assert!(
        err.contains(&format!("{block}:2: skipped: the quote that opens field 3")),
        "{err}"
    );
    let out = stdout(&output);
    assert!(
        out.contains("\"decision\":\"blocked\""),
        "the row after the stray quote is still read: {out}"
    );
}

#[test]
fn skipped_rows_are_reported_in_german_with_lang_de() {
    let dir = temp_dir("german");
    let block = write(
        &dir,
        "block.csv",
        "pattern,category,note\n+49 30 12a4,typo,\n",
    );
    let err = stderr_of(&["lookup", "--lang=de", "--blocklist", &block, "110"], 0);
    assert!(
        err.contains(&format!(
            "numrep: {block}:2: übergangen: ungültiges Zeichen 'a' an Stelle 10"
        )),
        "{err}"
    );
    assert!(!err.contains("skipped"), "{err}");
}

#[cfg(unix)]
#[test]
fn dev_zero_named_as_a_list_or_config_is_refused_without_reading() {
    let dir = temp_dir("zero");
    let list = dir.join("zero.csv");
    let config = dir.join("zero.toml");
    for link in [&list, &config] {
        let _ = std::fs::remove_file(link);
        std::os::unix::fs::symlink("/dev/zero", link).expect("symlink");
    }
    for (flag, path) in [("--blocklist", &list), ("--config", &config)] {
        let path = path.display().to_string();
        let err = refused(&["lookup", flag, &path, "110"]);
        assert!(
            err.contains(&format!("{path} is not a regular file")),
            "{err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = temp_dir("fifo");
    let fifo = dir.join("pipe.csv");
    let _ = std::fs::remove_file(&fifo);
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let fifo = fifo.display().to_string();
    let err = refused(&["lookup", "--allowlist", &fifo, "110"]);
    assert!(
        err.contains(&format!("{fifo} is not a regular file")),
        "{err}"
    );
}

#[test]
fn a_directory_is_refused() {
    let dir = temp_dir("directory");
    let folder = dir.join("lists.csv");
    std::fs::create_dir_all(&folder).expect("dir");
    let folder = folder.display().to_string();
    let err = refused(&["lookup", "--lang=de", "--blocklist", &folder, "110"]);
    assert!(
        err.contains(&format!("{folder} ist keine gewöhnliche Datei")),
        "{err}"
    );
}

/// A 600 MB list (sparse, so the test is cheap) is refused from its size alone.
/// The process runs with its address space capped at 400 MB: reading the file into
/// memory first, as numrep once did, fails there instead of answering.
#[cfg(unix)]
#[test]
fn a_list_above_the_size_limit_is_refused_before_reading() {
    let dir = temp_dir("huge");
    let path = dir.join("huge.csv");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(600_000_000).expect("sparse file");
    drop(file);
    let list = path.display().to_string();
    let script =
        format!("ulimit -v 400000 && exec \"$0\" lookup --own-numbers '{list}' '030 1234567'");
    let output = std::process::Command::new("sh")
        .args(["-c", &script])
        .arg(support::numrep_bin())
        .env_remove("LC_ALL")
        .env_remove("LANG")
        .output()
        .expect("sh runs");
    let _ = std::fs::remove_file(&path);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "{list} is 600000000 bytes, more than the limit of 536870912 bytes"
        )),
        "{err}"
    );
}

#[test]
fn a_missing_list_is_named_in_the_runs_language() {
    let err = refused(&[
        "lookup",
        "--lang=de",
        "--own-numbers",
        "/nonexistent/own.csv",
        "1",
    ]);
    assert!(err.contains("/nonexistent/own.csv gibt es nicht"), "{err}");
}

#[test]
fn a_list_saved_in_a_windows_code_page_is_named_as_not_utf8() {
    let dir = temp_dir("latin1");
    let path = dir.join("own.csv");
    // "Süd" in Windows-1252, as spreadsheet programs save "CSV" by default.
    std::fs::write(&path, b"pattern,vendor\n+49 40 5555 01##,S\xfcd GmbH\n").expect("write");
    let list = path.display().to_string();
    let err = refused(&["lookup", "--own-numbers", &list, "110"]);
    assert!(
        err.contains(&format!(
            "{list} is not UTF-8 text (first bad byte at offset 33)"
        )),
        "{err}"
    );
}
