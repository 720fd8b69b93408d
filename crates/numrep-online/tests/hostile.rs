//! Hostile servers: each case must still give a full answer within the
//! deadline, with the right status for the bad source while the good source's
//! answer arrives. Timing is only checked loosely (deadline + 2 s) so a
//! loaded machine cannot make these flaky.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use numrep_online::{ReputationVerdict, SourceReport, SourceStatus};
use std::time::{Duration, Instant};
use support::{
    engine, phoneblock_source, tellows_source, Reply, TestServer, PHONEBLOCK_FRAUD, TELLOWS_SPAM,
};

const DEADLINE_MS: u64 = 1500;
const MARGIN: Duration = Duration::from_secs(2);

/// Runs one lookup with a hostile tellows and a good PhoneBlock; returns
/// (tellows report, phoneblock report).
async fn with_hostile_tellows(
    reply: Reply,
    tellows_timeout_ms: u64,
) -> (SourceReport, SourceReport) {
    let bad = TestServer::start(reply).await;
    let good = TestServer::start(Reply::json(PHONEBLOCK_FRAUD)).await;
    let toml = format!(
        "deadline_ms = {DEADLINE_MS}\n{}{}",
        tellows_source("tellows", &bad.base(), tellows_timeout_ms),
        phoneblock_source("phoneblock", &good.base(), 1000)
    );
    let engine = engine(&toml);
    let start = Instant::now();
    let mut reports = engine.lookup("+4930123456").await.expect("valid number");
    let elapsed = start.elapsed();
    assert!(
        elapsed < Duration::from_millis(DEADLINE_MS) + MARGIN,
        "lookup took {elapsed:?}, deadline {DEADLINE_MS} ms"
    );
    assert_eq!(reports.len(), 2);
    let pb = reports.pop().expect("phoneblock report");
    let tellows = reports.pop().expect("tellows report");
    assert_eq!(
        pb.status,
        SourceStatus::Ok,
        "good source still answers: {pb:?}"
    );
    assert_eq!(
        pb.reputation.as_ref().map(|r| r.verdict),
        Some(ReputationVerdict::Spam)
    );
    (tellows, pb)
}

fn code(r: &SourceReport) -> &'static str {
    r.error.as_ref().map(|e| e.code()).unwrap_or("none")
}

#[tokio::test]
async fn slow_answer_past_the_deadline_times_out() {
    let reply = Reply::Delay(Duration::from_secs(5), Box::new(Reply::html(TELLOWS_SPAM)));
    let (t, _) = with_hostile_tellows(reply, 10_000).await;
    assert_eq!(t.status, SourceStatus::Timeout, "{t:?}");
    assert_eq!(code(&t), "timeout");
    assert!(t
        .error
        .as_ref()
        .is_some_and(|e| e.to_string().contains("overall deadline")));
}

#[tokio::test]
async fn slow_answer_past_the_source_timeout_times_out() {
    let reply = Reply::Delay(Duration::from_secs(5), Box::new(Reply::html(TELLOWS_SPAM)));
    let (t, _) = with_hostile_tellows(reply, 300).await;
    assert_eq!(t.status, SourceStatus::Timeout, "{t:?}");
    assert!(t
        .error
        .as_ref()
        .is_some_and(|e| e.to_string().contains("source timeout")));
}

#[tokio::test]
async fn server_error_500_is_an_error() {
    let (t, _) = with_hostile_tellows(Reply::Status(500), 1000).await;
    assert_eq!(t.status, SourceStatus::Error);
    assert_eq!(code(&t), "http_status");
    assert!(t
        .error
        .as_ref()
        .is_some_and(|e| e.to_string().contains("500")));
}

#[tokio::test]
async fn malformed_json_is_a_parse_error() {
    let (t, _) = with_hostile_tellows(Reply::html("{\"tellows\":{\"score\":8,"), 1000).await;
    assert_eq!(t.status, SourceStatus::Error);
    assert_eq!(code(&t), "parse");
}

#[tokio::test]
async fn huge_declared_body_is_refused() {
    let reply = Reply::Huge {
        bytes: 50 * 1024 * 1024,
        declare_length: true,
    };
    let (t, _) = with_hostile_tellows(reply, 1000).await;
    assert_eq!(t.status, SourceStatus::Error, "{t:?}");
    assert_eq!(code(&t), "body_too_large");
}

#[tokio::test]
async fn huge_streamed_body_is_cut_at_the_cap() {
    let reply = Reply::Huge {
        bytes: 50 * 1024 * 1024,
        declare_length: false,
    };
    let (t, _) = with_hostile_tellows(reply, 1000).await;
    assert_eq!(t.status, SourceStatus::Error, "{t:?}");
    assert_eq!(code(&t), "body_too_large");
}

#[tokio::test]
async fn redirect_to_another_host_is_refused_not_followed() {
    // Never followed, so example.invalid is never contacted.
    let (t, _) = with_hostile_tellows(
        Reply::Redirect("https://evil.example.invalid/steal".into()),
        1000,
    )
    .await;
    assert_eq!(t.status, SourceStatus::Error);
    assert_eq!(code(&t), "redirect");
    assert!(t
        .error
        .as_ref()
        .is_some_and(|e| e.to_string().contains("evil.example.invalid")));
}

#[tokio::test]
async fn slow_drip_times_out() {
    let reply = Reply::Drip {
        interval: Duration::from_millis(100),
        body: TELLOWS_SPAM.to_string(),
    };
    let (t, _) = with_hostile_tellows(reply, 1000).await;
    assert_eq!(t.status, SourceStatus::Timeout, "{t:?}");
}

#[tokio::test]
async fn accepted_but_never_answered_times_out() {
    let (t, _) = with_hostile_tellows(Reply::Hang, 1000).await;
    assert_eq!(t.status, SourceStatus::Timeout, "{t:?}");
}

#[tokio::test]
async fn closed_port_is_a_network_error() {
    // Bind then drop a listener so the port is (very likely) closed.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let good = TestServer::start(Reply::json(PHONEBLOCK_FRAUD)).await;
    let toml = format!(
        "deadline_ms = {DEADLINE_MS}\n{}{}",
        tellows_source("tellows", &format!("http://127.0.0.1:{port}"), 1000),
        phoneblock_source("phoneblock", &good.base(), 1000)
    );
    let reports = engine(&toml).lookup("+4930123456").await.expect("valid");
    assert_eq!(reports[0].status, SourceStatus::Error, "{:?}", reports[0]);
    assert_eq!(code(&reports[0]), "network");
    assert!(!reports[0]
        .error
        .as_ref()
        .is_some_and(|e| e.to_string().contains("4930123456")));
    assert_eq!(reports[1].status, SourceStatus::Ok);
}

#[tokio::test]
async fn error_messages_hold_no_number_and_no_key() {
    let (t, _) = with_hostile_tellows(Reply::Status(500), 1000).await;
    let text = serde_json::to_string(&t).expect("serializes");
    assert!(!text.contains("4930123456"), "{text}");
    assert!(!text.contains("tellows-secret-key"), "{text}");
}
