//! The whole chain: a loopback tellows server → engine → `to_evidence` → the core's
//! Checker, which weighs the answer into risk, reasons and advice.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use numrep::lists::Date;
use numrep::{Checker, Options, ReputationVerdict, Risk, SourceStatus};
use support::{engine, tellows_source, Reply, TestServer, TELLOWS_SPAM};

#[tokio::test]
async fn a_spam_answer_raises_the_risk_and_names_the_source() {
    let server = TestServer::start(Reply::html(TELLOWS_SPAM)).await;
    let engine = engine(&tellows_source("tellows", &server.base(), 2000));
    let evidence: Vec<_> = engine
        .lookup("+4930123456")
        .await
        .expect("valid number")
        .iter()
        .map(|r| r.to_evidence())
        .collect();
    assert_eq!(evidence[0].status, SourceStatus::Ok);
    assert_eq!(evidence[0].verdict, Some(ReputationVerdict::Spam));
    assert_eq!(evidence[0].kind, "tellows");

    let today = Date::new(2026, 11, 28).unwrap();
    let report = Checker::new(Options::default()).check_with_sources("030 123456", today, evidence);
    assert_eq!(report.risk(), Some(Risk::High));
    assert_eq!(report.reasons()[0].code(), "source_spam");
    assert!(report.reasons()[0]
        .message(numrep::Lang::En)
        .to_string()
        .starts_with("tellows"));
    assert_eq!(report.advice().map(|a| a.code()), Some("reported_spam"));
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["sources"][0]["name"], "tellows");
    assert_eq!(json["sources"][0]["status"], "ok");
}

#[tokio::test]
async fn a_failed_source_is_listed_but_changes_nothing() {
    let server = TestServer::start(Reply::Status(500)).await;
    let engine = engine(&tellows_source("tellows", &server.base(), 2000));
    let evidence: Vec<_> = engine
        .lookup("+4930123456")
        .await
        .unwrap()
        .iter()
        .map(|r| r.to_evidence())
        .collect();
    assert_eq!(evidence[0].status, SourceStatus::Error);
    assert_eq!(
        evidence[0].error.as_ref().map(|e| e.code()),
        Some("http_status")
    );

    let today = Date::new(2026, 11, 28).unwrap();
    let report = Checker::new(Options::default()).check_with_sources("030 123456", today, evidence);
    assert_eq!(report.risk(), Some(Risk::Low));
    assert_eq!(report.sources().len(), 1);
}
