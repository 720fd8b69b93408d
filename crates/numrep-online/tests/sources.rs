//! Correct answers from real loopback servers, quirks included, through the
//! whole engine (config → HTTP → parser → report).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use numrep_online::{ReputationVerdict, SourceStatus};
use support::{
    engine, phoneblock_source, tellows_source, Reply, TestServer, PHONEBLOCK_FRAUD, TELLOWS_SPAM,
};

#[tokio::test]
async fn tellows_quirky_html_answer_is_understood_and_key_is_hashed() {
    let server = TestServer::start(Reply::html(TELLOWS_SPAM)).await;
    let engine = engine(&tellows_source("tellows", &server.base(), 2000));
    let reports = engine.lookup("+4930123456").await.expect("valid number");
    assert_eq!(reports.len(), 1);
    let r = &reports[0];
    assert_eq!(r.status, SourceStatus::Ok, "{r:?}");
    assert!(!r.cached);
    let rep = r.reputation.as_ref().expect("reputation");
    assert_eq!(rep.verdict, ReputationVerdict::Spam);
    assert_eq!(rep.score, Some(8.0));
    assert_eq!(rep.comments, Some(23));
    assert_eq!(rep.searches, Some(512));
    assert_eq!(rep.labels, vec!["Aggressive advertising", "Cost trap"]);
    assert_eq!(rep.caller_names, vec!["Gewinnspiel GmbH"]);

    let heads = server.heads();
    let head = heads[0].to_ascii_lowercase();
    assert!(
        head.starts_with("get /basic/num/004930123456?json=1&partner=4711 http/1.1"),
        "{head}"
    );
    // md5("tellows-secret-key"), never the key itself
    let md5 = numrep_online::sources::tellows::md5_hex("tellows-secret-key");
    assert!(head.contains(&format!("x-auth-token: {md5}")), "{head}");
    assert!(!head.contains("tellows-secret-key"));
}

#[tokio::test]
async fn phoneblock_answer_with_basic_auth() {
    let server = TestServer::start(Reply::json(PHONEBLOCK_FRAUD)).await;
    let engine = engine(&phoneblock_source("phoneblock", &server.base(), 2000));
    let reports = engine.lookup("+4930123456").await.expect("valid number");
    let r = &reports[0];
    assert_eq!(r.status, SourceStatus::Ok, "{r:?}");
    let rep = r.reputation.as_ref().expect("reputation");
    assert_eq!(rep.verdict, ReputationVerdict::Spam);
    assert_eq!(rep.votes, Some(9));
    assert_eq!(rep.labels, vec!["fraud"]);
    let head = server.heads()[0].to_ascii_lowercase();
    assert!(
        head.starts_with("get /phoneblock/api/num/004930123456 http/1.1"),
        "{head}"
    );
    // base64("alice:pb-secret-pass")
    assert!(
        head.contains("authorization: basic ywxpy2u6cgitc2vjcmv0lxbhc3m="),
        "{head}"
    );
}

#[tokio::test]
async fn http_json_source_with_pointer_mapping_and_header_from_env() {
    let server = TestServer::start(Reply::json(
        r#"{"data":{"risk":"91","category":["debt collection scam"],"complaints":"17"}}"#,
    ))
    .await;
    let toml = format!(
        r#"
        [[sources]]
        name = "complaints"
        kind = "http_json"
        url = "{}/v1/check?n={{national}}&e={{e164}}"
        country_code = "49"
        header_name = "Authorization"
        header_env = "COMPLAINTS_TOKEN"
        header_prefix = "Bearer "
        [sources.mapping]
        score_pointer = "/data/risk"
        label_pointer = "/data/category"
        comments_pointer = "/data/complaints"
        "#,
        server.base()
    );
    let engine = engine(&toml);
    let r = &engine.lookup("+4930123456").await.expect("valid")[0];
    assert_eq!(r.status, SourceStatus::Ok, "{r:?}");
    let rep = r.reputation.as_ref().expect("reputation");
    assert_eq!(rep.verdict, ReputationVerdict::Spam);
    assert_eq!(rep.risk, Some(91));
    assert_eq!(rep.comments, Some(17));
    assert_eq!(rep.labels, vec!["debt collection scam"]);
    let head = server.heads()[0].to_ascii_lowercase();
    assert!(
        head.starts_with("get /v1/check?n=030123456&e=%2b4930123456 http/1.1"),
        "{head}"
    );
    assert!(head.contains("authorization: bearer complaints-secret-token"));

    // A number from another country cannot fill {national}: skipped, no request.
    let r = &engine.lookup("+33123456789").await.expect("valid")[0];
    assert_eq!(r.status, SourceStatus::Skipped);
    assert_eq!(r.error.as_ref().map(|e| e.code()), Some("not_applicable"));
    assert_eq!(server.hits(), 1);
}

#[tokio::test]
async fn invalid_number_is_the_callers_error_and_sends_nothing() {
    let server = TestServer::start(Reply::json(PHONEBLOCK_FRAUD)).await;
    let engine = engine(&phoneblock_source("phoneblock", &server.base(), 2000));
    let err = engine.lookup("030 123456").await.expect_err("not E.164");
    assert_eq!(err.code(), "invalid_number");
    assert_eq!(server.hits(), 0);
}

#[tokio::test]
async fn reports_serialize_to_the_documented_json() {
    let server = TestServer::start(Reply::json(PHONEBLOCK_FRAUD)).await;
    let engine = engine(&phoneblock_source("pb", &server.base(), 2000));
    let reports = engine.lookup("+4930123456").await.expect("valid");
    let json = serde_json::to_value(&reports).expect("serializes");
    assert_eq!(json[0]["name"], "pb");
    assert_eq!(json[0]["kind"], "phoneblock");
    assert_eq!(json[0]["status"], "ok");
    assert_eq!(json[0]["cached"], false);
    assert_eq!(json[0]["reputation"]["verdict"], "spam");
    assert!(json[0].get("error").is_none());
}
