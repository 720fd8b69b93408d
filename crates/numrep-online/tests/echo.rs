//! Servers that echo the request back — its line, headers and query — in every
//! place an answer can carry text: plain bodies, JSON fields, error statuses with
//! echoing headers and bodies, and redirects to a host made of the number and the
//! key. Whatever they send, no key, hash of it, URL, query or full number may
//! show up anywhere in a report: not in `Debug`, not in a problem's text in
//! either language, not in JSON, neither in the `SourceReport` nor in the core's
//! `SourceEvidence`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use numrep_online::sources::tellows::md5_hex;
use numrep_online::{SourceReport, SourceStatus};
use support::{engine, renderings, Echo, Reply, TestServer};

const NUMBER: &str = "+4930123456";

/// Texts that must never appear in a report.
fn forbidden(base: &str) -> Vec<String> {
    let mut list: Vec<String> = [
        "tellows-secret-key",
        "pb-secret-pass",
        "complaints-secret-token",
        // base64("alice:pb-secret-pass"), the Basic header's token
        "YWxpY2U6cGItc2VjcmV0LXBhc3M",
        // the number in every form a request or a service may write it
        "4930123456",
        "30123456",
        "4711",
        // URLs, paths and query strings
        "://",
        "/basic/num",
        "/phoneblock/api",
        "/v1/check",
        "json=1",
        "partner=",
        "apikey",
        "?n=",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    list.push(md5_hex("tellows-secret-key"));
    // The source's own URL (its `host: 127.0.0.1:port` header may come back: the
    // service's own address is no secret and no URL).
    list.push(base.to_string());
    list
}

fn assert_clean(report: &SourceReport, base: &str, case: &str) {
    for text in renderings(report) {
        let lower = text.to_ascii_lowercase();
        for bad in forbidden(base) {
            assert!(
                !lower.contains(&bad.to_ascii_lowercase()),
                "{case}: `{bad}` leaked into {text}"
            );
        }
    }
}

fn sources(base: &str) -> Vec<(&'static str, String)> {
    vec![
        (
            "tellows md5 header",
            format!("[[sources]]\nname='t'\nkind='tellows'\nurl='{base}'\napi_key_env='TELLOWS_KEY'\npartner='4711'\n"),
        ),
        (
            "tellows plain key in the query",
            format!("[[sources]]\nname='t'\nkind='tellows'\nurl='{base}'\napi_key_env='TELLOWS_KEY'\npartner='4711'\nauth_mode='query'\n"),
        ),
        (
            "tellows md5 key in the query",
            format!("[[sources]]\nname='t'\nkind='tellows'\nurl='{base}'\napi_key_env='TELLOWS_KEY'\nauth_mode='md5_query'\n"),
        ),
        (
            "phoneblock basic auth",
            format!("[[sources]]\nname='p'\nkind='phoneblock'\nurl='{base}'\nuser_env='PB_USER'\npassword_env='PB_PASS'\n"),
        ),
        (
            "phoneblock bearer token",
            format!("[[sources]]\nname='p'\nkind='phoneblock'\nurl='{base}'\ntoken_env='COMPLAINTS_TOKEN'\n"),
        ),
        (
            "http_json with header and national number",
            format!(
                "[[sources]]\nname='c'\nkind='http_json'\nurl='{base}/v1/check?n={{national}}&e={{e164}}&d={{digits}}'\n\
                 country_code='49'\nheader_name='Authorization'\nheader_env='COMPLAINTS_TOKEN'\nheader_prefix='Bearer '\n\
                 [sources.mapping]\nscore_pointer='/data/score'\nlabel_pointer='/data/category'\n"
            ),
        ),
    ]
}

#[tokio::test]
async fn echoed_requests_never_leak_into_reports() {
    let echoes = [
        Echo::Text,
        Echo::Json,
        Echo::JsonValidRating,
        Echo::Status(401),
        Echo::Status(429),
        Echo::Status(500),
        Echo::Redirect,
    ];
    let mut checked = 0;
    for echo in echoes {
        let server = TestServer::start(Reply::Echo(echo)).await;
        for (name, source) in sources(&server.base()) {
            let toml = format!("[cache]\nmax_entries = 0\n[backoff]\nfailures = 0\n{source}");
            let report = engine(&toml)
                .lookup(NUMBER)
                .await
                .expect("valid number")
                .remove(0);
            let case = format!("{name} / {echo:?}");
            assert!(
                matches!(report.status, SourceStatus::Ok | SourceStatus::Error),
                "{case}: {report:?}"
            );
            assert_clean(&report, &server.base(), &case);
            checked += 1;
        }
        assert!(server.hits() >= 6, "every source asked the echo server");
    }
    assert_eq!(checked, 42);
}

#[tokio::test]
async fn the_echo_really_carried_the_secrets() {
    // Guards the test above: without redaction the key would be there.
    let server = TestServer::start(Reply::Echo(Echo::Json)).await;
    let toml = sources(&server.base()).remove(1).1;
    engine(&toml).lookup(NUMBER).await.expect("valid number");
    let head = &server.heads()[0];
    assert!(head.contains("apikey=tellows-secret-key"), "{head}");
    assert!(head.contains("004930123456"), "{head}");
}

#[tokio::test]
async fn what_is_left_of_an_echo_is_still_useful() {
    let server = TestServer::start(Reply::Echo(Echo::Json)).await;
    let toml = sources(&server.base()).remove(0).1;
    let report = engine(&toml).lookup(NUMBER).await.expect("valid").remove(0);
    assert_eq!(report.status, SourceStatus::Ok, "{report:?}");
    let rep = report.reputation.expect("a reputation");
    assert_eq!(rep.score, Some(8.0));
    assert!(rep
        .location
        .is_some_and(|l| l.starts_with("GET … HTTP/1.1")));

    let server = TestServer::start(Reply::Echo(Echo::Text)).await;
    let toml = sources(&server.base()).remove(0).1;
    let report = engine(&toml).lookup(NUMBER).await.expect("valid").remove(0);
    let message = report.error.expect("no JSON").to_string();
    assert!(
        message.starts_with("answer not understood: no JSON (“Partner Data not correct GET …"),
        "{message}"
    );
}
