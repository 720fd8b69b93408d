//! Shared by the CLI process tests: build the binary once, run it, read its output.
#![allow(dead_code)] // each test file uses a different subset

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::thread;

use serde_json::Value;

/// Builds the binary once per test process and returns its path, as cargo reports
/// it (so `CARGO_TARGET_DIR` and any other target setting are respected).
pub fn numrep_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let output = Command::new(env!("CARGO"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args([
                "build",
                "-q",
                "-p",
                "numrep-cli",
                "--bin",
                "numrep",
                "--message-format=json-render-diagnostics",
            ])
            .stderr(Stdio::inherit())
            .output()
            .expect("cargo can be started");
        assert!(output.status.success(), "cargo build failed");
        let stdout = String::from_utf8_lossy(&output.stdout);
        stdout
            .lines()
            .filter_map(|line| serde_json::from_str::<Value>(line).ok())
            .filter(|msg| msg["reason"] == "compiler-artifact" && msg["target"]["name"] == "numrep")
            .find_map(|msg| msg["executable"].as_str().map(PathBuf::from))
            .expect("cargo reports the numrep executable")
    })
}

/// A `numrep` command with a clean environment for colour and language decisions.
pub fn numrep(args: &[&str]) -> Command {
    let mut cmd = Command::new(numrep_bin());
    cmd.args(args)
        .env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LANG");
    cmd
}

/// Runs `numrep args` with `stdin` and waits for it.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = numrep(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("numrep starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    let writer = thread::spawn(move || {
        // The binary may stop reading early (e.g. on a usage error); that is fine.
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("numrep finishes");
    writer.join().expect("stdin writer");
    output
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Parses NDJSON output into one value per line.
pub fn json_lines(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON object"))
        .collect()
}
