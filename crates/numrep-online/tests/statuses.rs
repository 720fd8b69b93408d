//! One source's trouble stays that source's status: a missing credential is
//! `config_error` while the others answer, a 404 is `not_found`, PhoneBlock's
//! votes and categories and tellows' "no reports" reach the core as they are.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use numrep::lists::Date;
use numrep::{Checker, Lang, Options, ReputationVerdict, Risk, SourceStatus};
use numrep_online::SourceProblem;
use support::{engine, phoneblock_source, tellows_source, Reply, TestServer, PHONEBLOCK_FRAUD};

fn today() -> Date {
    Date::new(2026, 11, 28).expect("a date")
}

#[tokio::test]
async fn a_missing_credential_is_that_sources_config_error_and_the_others_still_answer() {
    let unreachable = TestServer::start(Reply::json("{}")).await;
    let good = TestServer::start(Reply::json(PHONEBLOCK_FRAUD)).await;
    let toml = format!(
        "[[sources]]\nname='tellows'\nkind='tellows'\nurl='{}'\napi_key_env='TELLOWS_API_KEY_UNSET'\n{}",
        unreachable.base(),
        phoneblock_source("phoneblock", &good.base(), 2000)
    );
    let engine = engine(&toml);
    for _ in 0..4 {
        let reports = engine.lookup("+4930123456").await.expect("valid number");
        let tellows = &reports[0];
        assert_eq!(tellows.status, SourceStatus::ConfigError, "{tellows:?}");
        assert_eq!(
            tellows.error,
            Some(SourceProblem::MissingCredential {
                var: "TELLOWS_API_KEY_UNSET".into()
            })
        );
        assert_eq!(
            reports[1].status,
            SourceStatus::Ok,
            "the other source answers"
        );
    }
    assert_eq!(
        unreachable.hits(),
        0,
        "a source without its key is never asked"
    );

    let evidence: Vec<_> = engine
        .lookup("+4930123456")
        .await
        .expect("valid")
        .iter()
        .map(|r| r.to_evidence())
        .collect();
    let json = serde_json::to_value(evidence[0].json(Lang::De)).expect("serializes");
    assert_eq!(json["status"], "config_error");
    assert_eq!(json["error"]["code"], "missing_credential");
    assert_eq!(
        json["error"]["message"],
        "Umgebungsvariable TELLOWS_API_KEY_UNSET ist nicht gesetzt; Quelle nicht gefragt"
    );
    let report =
        Checker::new(Options::default()).check_with_sources("030 123456", today(), evidence);
    assert_eq!(
        report.risk(),
        Some(Risk::High),
        "PhoneBlock's fraud answer still counts"
    );
    assert_eq!(report.sources()[0].status, SourceStatus::ConfigError);
}

#[tokio::test]
async fn http_json_404_is_not_found_not_an_error() {
    let server = TestServer::start(Reply::Status(404)).await;
    let toml = format!(
        "[backoff]\nfailures = 1\nbase_ms = 60000\nmax_ms = 60000\n\
         [[sources]]\nname='complaints'\nkind='http_json'\nurl='{}/n/{{e164}}'\n\
         [sources.mapping]\nscore_pointer='/score'\n",
        server.base()
    );
    let engine = engine(&toml);
    let first = engine.lookup("+4930123456").await.expect("valid").remove(0);
    assert_eq!(first.status, SourceStatus::NotFound, "{first:?}");
    assert_eq!(first.error, None);
    assert_eq!(first.reputation, None);
    let json = serde_json::to_value(&first).expect("serializes");
    assert_eq!(json["status"], "not_found");
    assert!(json.get("error").is_none());

    // Not a failure: the breaker (1 failure opens it) stays closed, and the answer
    // is cached like any other.
    let second = engine.lookup("+4930123456").await.expect("valid").remove(0);
    assert_eq!(second.status, SourceStatus::NotFound);
    assert!(second.cached);
    let other = engine.lookup("+4930999999").await.expect("valid").remove(0);
    assert_eq!(other.status, SourceStatus::NotFound, "{other:?}");
    assert_eq!(server.hits(), 2);

    let evidence = first.to_evidence();
    assert_eq!(evidence.verdict, None);
    assert!(evidence.finding().is_none());
}

#[tokio::test]
async fn phoneblock_votes_are_votes_and_advertising_is_not_fraud() {
    let server = TestServer::start(Reply::json(
        r#"{"phone":"004930123456","votes":12,"rating":"E_ADVERTISING","votesWildcard":12}"#,
    ))
    .await;
    let engine = engine(&phoneblock_source("phoneblock", &server.base(), 2000));
    let report = engine.lookup("+4930123456").await.expect("valid").remove(0);
    let rep = report.reputation.as_ref().expect("answer");
    assert_eq!(rep.verdict, ReputationVerdict::Suspicious);
    assert_eq!(rep.labels, vec!["advertising"]);

    let evidence = report.to_evidence();
    assert_eq!(evidence.votes, Some(12));
    assert_eq!(evidence.comments, None, "votes are not comments");
    let report =
        Checker::new(Options::default()).check_with_sources("030 123456", today(), vec![evidence]);
    let reason = report
        .reasons()
        .iter()
        .find(|r| r.code().starts_with("source_"))
        .expect("a source reason");
    assert_eq!(reason.code(), "source_suspicious", "{reason:?}");
    let message = reason.message(Lang::En).to_string();
    assert!(!message.contains("fraud"), "{message}");
    assert!(!message.contains("comments"), "{message}");
    assert!(message.contains("12 votes"), "{message}");
}

#[tokio::test]
async fn a_neutral_tellows_score_without_comments_is_no_finding() {
    let server = TestServer::start(Reply::html(
        r#"{"tellows":{"number":"004930123456","score":"5","searches":"3","comments":"0","callerTypes":{"caller":[{"name":"Trustworthy number","count":"0"}]}}}"#,
    ))
    .await;
    let engine = engine(&tellows_source("tellows", &server.base(), 2000));
    let report = engine.lookup("+4930123456").await.expect("valid").remove(0);
    let evidence = report.to_evidence();
    assert_eq!(evidence.verdict, Some(ReputationVerdict::Unknown));
    assert_eq!(evidence.risk_score, None);
    assert!(evidence.labels.is_empty(), "{evidence:?}");
    assert!(evidence
        .summary
        .as_deref()
        .is_some_and(|s| s.starts_with("tellows: no reports")));
    let report =
        Checker::new(Options::default()).check_with_sources("030 123456", today(), vec![evidence]);
    assert!(
        report
            .reasons()
            .iter()
            .all(|r| !r.code().starts_with("source_")),
        "{:?}",
        report.reasons()
    );
}
