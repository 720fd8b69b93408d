//! `Retry-After` against real loopback servers: no request reaches a source
//! before the time it asked for has passed, in both header forms, and an absurd
//! wait is cut to the longest configured pause.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use numrep::lists::Date;
use numrep_online::{PauseReason, SourceProblem, SourceStatus};
use std::time::{Duration, SystemTime};
use support::{engine, phoneblock_source, Reply, TestServer, PHONEBLOCK_FRAUD};

fn rate_limited(retry_after: String) -> Reply {
    Reply::StatusWith {
        code: 429,
        headers: vec![("Retry-After", retry_after)],
    }
}

/// An IMF-fixdate `seconds` from now.
fn http_date_in(seconds: u64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let at = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
        + seconds;
    let (days, secs) = (at / 86_400, at % 86_400);
    let date = Date::from_unix_days(days as i64).expect("a date");
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
        DAYS[(days % 7) as usize],
        date.day(),
        MONTHS[usize::from(date.month()) - 1],
        date.year(),
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// An engine whose failure count alone would never pause the source.
fn engine_for(server: &TestServer, max_ms: u64) -> numrep_online::Engine {
    engine(&format!(
        "[cache]\nmax_entries = 0\n[backoff]\nfailures = 100\nbase_ms = 10\nmax_ms = {max_ms}\n{}",
        phoneblock_source("pb", &server.base(), 2000)
    ))
}

async fn first_status(engine: &numrep_online::Engine) -> (SourceStatus, Option<SourceProblem>) {
    let report = engine.lookup("+4930123456").await.expect("valid").remove(0);
    (report.status, report.error)
}

#[tokio::test]
async fn retry_after_seconds_hold_the_source() {
    let server = TestServer::start(rate_limited("2".into())).await;
    let engine = engine_for(&server, 60_000);
    let (status, problem) = first_status(&engine).await;
    assert_eq!(status, SourceStatus::Error);
    assert_eq!(
        problem,
        Some(SourceProblem::RateLimited {
            retry_after_s: Some(2)
        })
    );
    server.set_reply(Reply::json(PHONEBLOCK_FRAUD));
    let (status, problem) = first_status(&engine).await;
    assert_eq!(status, SourceStatus::Skipped);
    assert!(
        matches!(
            problem,
            Some(SourceProblem::Backoff {
                retry_in_s: 1..=2,
                reason: PauseReason::RetryAfter
            })
        ),
        "{problem:?}"
    );
    assert_eq!(server.hits(), 1, "no request before the time has passed");
    tokio::time::sleep(Duration::from_millis(2200)).await;
    assert_eq!(first_status(&engine).await.0, SourceStatus::Ok);
    assert_eq!(server.hits(), 2);
}

#[tokio::test]
async fn retry_after_http_date_holds_the_source() {
    let server = TestServer::start(Reply::StatusWith {
        code: 503,
        headers: vec![("Retry-After", http_date_in(3))],
    })
    .await;
    let engine = engine_for(&server, 60_000);
    let (_, problem) = first_status(&engine).await;
    assert!(
        matches!(
            problem,
            Some(SourceProblem::HttpStatus {
                status: 503,
                retry_after_s: Some(2..=3)
            })
        ),
        "{problem:?}"
    );
    server.set_reply(Reply::json(PHONEBLOCK_FRAUD));
    assert_eq!(first_status(&engine).await.0, SourceStatus::Skipped);
    assert_eq!(server.hits(), 1);
}

#[tokio::test]
async fn absurd_retry_after_is_capped_at_the_longest_pause() {
    let server = TestServer::start(rate_limited("99999999999".into())).await;
    let engine = engine_for(&server, 1000);
    first_status(&engine).await;
    server.set_reply(Reply::json(PHONEBLOCK_FRAUD));
    assert_eq!(first_status(&engine).await.0, SourceStatus::Skipped);
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(
        first_status(&engine).await.0,
        SourceStatus::Ok,
        "asked again after max_ms"
    );
    assert_eq!(server.hits(), 2);
}

#[tokio::test]
async fn unreadable_retry_after_is_ignored() {
    let server = TestServer::start(rate_limited("soon, maybe".into())).await;
    let engine = engine_for(&server, 60_000);
    assert_eq!(
        first_status(&engine).await.1,
        Some(SourceProblem::RateLimited {
            retry_after_s: None
        })
    );
    server.set_reply(Reply::json(PHONEBLOCK_FRAUD));
    assert_eq!(first_status(&engine).await.0, SourceStatus::Ok);
}
