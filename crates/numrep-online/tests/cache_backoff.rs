//! Cache and backoff against real loopback servers, counting the requests
//! the server actually receives.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use numrep_online::SourceStatus;
use std::time::Duration;
use support::{
    engine, phoneblock_source, tellows_source, Reply, TestServer, PHONEBLOCK_FRAUD, TELLOWS_SPAM,
};

#[tokio::test]
async fn second_lookup_is_served_from_the_cache() {
    let server = TestServer::start(Reply::json(PHONEBLOCK_FRAUD)).await;
    let engine = engine(&phoneblock_source("pb", &server.base(), 2000));
    let first = engine.lookup("+4930123456").await.expect("valid");
    assert_eq!(first[0].status, SourceStatus::Ok);
    assert!(!first[0].cached);
    let second = engine.lookup("+4930123456").await.expect("valid");
    assert_eq!(second[0].status, SourceStatus::Ok);
    assert!(second[0].cached, "{:?}", second[0]);
    assert_eq!(second[0].reputation, first[0].reputation);
    assert_eq!(server.hits(), 1, "no second request");
    engine.lookup("+4930999999").await.expect("valid");
    assert_eq!(server.hits(), 2, "other number, other cache entry");
}

#[tokio::test]
async fn cache_entries_expire_and_are_bounded() {
    let server = TestServer::start(Reply::json(PHONEBLOCK_FRAUD)).await;
    let toml = format!(
        "[cache]\nmax_entries = 1\nttl_secs = 3600\n{}",
        phoneblock_source("pb", &server.base(), 2000)
    );
    let engine = engine(&toml);
    engine.lookup("+4930000001").await.expect("valid");
    engine.lookup("+4930000002").await.expect("valid"); // evicts the first
    let again = engine.lookup("+4930000001").await.expect("valid");
    assert!(!again[0].cached);
    assert_eq!(server.hits(), 3);
}

#[tokio::test]
async fn failures_are_not_cached() {
    let server = TestServer::start(Reply::Status(500)).await;
    let toml = format!(
        "[backoff]\nfailures = 0\n{}",
        phoneblock_source("pb", &server.base(), 2000)
    );
    let engine = engine(&toml);
    for _ in 0..3 {
        let r = engine.lookup("+4930123456").await.expect("valid");
        assert_eq!(r[0].status, SourceStatus::Error);
        assert!(!r[0].cached);
    }
    assert_eq!(server.hits(), 3);
}

#[tokio::test]
async fn failing_source_is_skipped_after_n_failures_and_recovers() {
    let server = TestServer::start(Reply::Status(503)).await;
    let good = TestServer::start(Reply::html(TELLOWS_SPAM)).await;
    let toml = format!(
        "[backoff]\nfailures = 2\nbase_ms = 400\nmax_ms = 5000\n[cache]\nmax_entries = 0\n{}{}",
        phoneblock_source("pb", &server.base(), 2000),
        tellows_source("tellows", &good.base(), 2000)
    );
    let engine = engine(&toml);
    for _ in 0..2 {
        let r = engine.lookup("+4930123456").await.expect("valid");
        assert_eq!(r[0].status, SourceStatus::Error);
    }
    let r = engine.lookup("+4930123456").await.expect("valid");
    assert_eq!(r[0].status, SourceStatus::Skipped, "{:?}", r[0]);
    assert_eq!(r[0].error.as_ref().map(|e| e.code()), Some("backoff"));
    assert_eq!(r[1].status, SourceStatus::Ok, "other sources unaffected");
    assert_eq!(server.hits(), 2, "skipped source gets no request");

    // After the pause the source is tried again; a success closes the breaker.
    server.set_reply(Reply::json(PHONEBLOCK_FRAUD));
    tokio::time::sleep(Duration::from_millis(600)).await;
    let r = engine.lookup("+4930123456").await.expect("valid");
    assert_eq!(r[0].status, SourceStatus::Ok, "{:?}", r[0]);
    assert_eq!(server.hits(), 3);
}

#[tokio::test]
async fn pause_grows_after_a_failed_retry() {
    let server = TestServer::start(Reply::Status(500)).await;
    let toml = format!(
        "[backoff]\nfailures = 1\nbase_ms = 1000\nmax_ms = 60000\n{}",
        phoneblock_source("pb", &server.base(), 2000)
    );
    let engine = engine(&toml);
    assert_eq!(
        engine.lookup("+4930123456").await.expect("valid")[0].status,
        SourceStatus::Error
    );
    assert_eq!(
        engine.lookup("+4930123456").await.expect("valid")[0].status,
        SourceStatus::Skipped
    );
    tokio::time::sleep(Duration::from_millis(1200)).await;
    // The first pause (1 s) is over: tried again, fails, the pause doubles to 2 s.
    assert_eq!(
        engine.lookup("+4930123456").await.expect("valid")[0].status,
        SourceStatus::Error
    );
    tokio::time::sleep(Duration::from_millis(1100)).await;
    // 1.1 s later: past the first pause's length, inside the doubled one.
    assert_eq!(
        engine.lookup("+4930123456").await.expect("valid")[0].status,
        SourceStatus::Skipped
    );
    assert_eq!(server.hits(), 2);
}
