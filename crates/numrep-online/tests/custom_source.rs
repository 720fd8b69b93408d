//! A source written outside the crate, as a developer would write one: it sends a
//! public [`Request`] and is added with `Engine::add_source`. Against real servers
//! on 127.0.0.1 that echo the request back, nothing the request carried (number,
//! query key, header token, a credential sent encoded) reaches its report, even
//! when its parser copies the service's text without redacting it.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use numrep_online::{
    Answer, BadAnswer, BoxFuture, Engine, EngineOptions, HttpClient, Redactor, Reputation,
    ReputationVerdict, Request, Secret, Source, SourceKind, SourceProblem, SourceReport,
    SourceStatus,
};
use std::time::Duration;
use support::{renderings, Echo, Reply, TestServer};

const NUMBER: &str = "+4930123456";
const KEY: &str = "custom-secret-key";
const TOKEN: &str = "custom-secret-token";
/// Sent only encoded (hex), so only [`Request::secret`] makes it known.
const PASSWORD: &str = "custom-raw-password";

/// What must never reach a report: the credentials, the query values and the
/// number in every form.
const FORBIDDEN: [&str; 5] = [KEY, TOKEN, PASSWORD, "4930123456", "123456"];

/// A complaint service without an adapter; `careless` parsers copy the body.
struct Complaints {
    base: String,
    careless: bool,
}

impl Complaints {
    fn request(&self, e164: &str) -> Result<Request, SourceProblem> {
        let url = format!("{}/v1/numbers/{e164}?partner=4711&key={KEY}", self.base);
        let encoded: String = PASSWORD.bytes().map(|b| format!("{b:02x}")).collect();
        Ok(Request::get(e164, &url)?
            .header("authorization", &format!("Bearer {TOKEN}"))?
            .header("x-password-hex", &encoded)?
            .secret(&Secret::new(PASSWORD)))
    }
}

/// Copies the body into every text and reads numbers from it as counts, redacting nothing
/// (the mistake [`Request::send`]'s second pass is there for).
fn careless(body: &[u8], _: &Redactor) -> Result<Reputation, BadAnswer> {
    let text = String::from_utf8_lossy(body).into_owned();
    // The number, where the echo has it, read as a count.
    let echoed_number = text
        .split_once("/numbers/+")
        .and_then(|(_, rest)| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|digits| digits.parse::<u64>().ok());
    let mut rep = Reputation::new(ReputationVerdict::Suspicious);
    rep.labels = vec![text.clone()];
    rep.caller_names = vec![text.clone()];
    rep.location = Some(text.clone());
    rep.summary = text;
    rep.votes = echoed_number;
    rep.comments = Some(4711);
    rep.score = Some(4711.0);
    Ok(rep)
}

/// Says what it found, through the request's redactor, as the built-in adapters do.
fn careful(body: &[u8], redactor: &Redactor) -> Result<Reputation, BadAnswer> {
    let mut rep = Reputation::new(ReputationVerdict::Neutral);
    rep.location = redactor.excerpt(body);
    if rep.location.is_none() {
        return Err(BadAnswer::NoJson { excerpt: None });
    }
    Ok(rep)
}

impl Source for Complaints {
    fn name(&self) -> &str {
        "complaints"
    }

    fn kind(&self) -> SourceKind {
        SourceKind::Custom
    }

    fn query<'a>(
        &'a self,
        e164: &'a str,
        client: &'a HttpClient,
    ) -> BoxFuture<'a, Result<Answer, SourceProblem>> {
        Box::pin(async move {
            let request = self.request(e164)?;
            let found = if self.careless {
                request.send(client, careless).await
            } else {
                request.send(client, careful).await
            };
            found.map(Answer::Found)
        })
    }
}

async fn ask(base: &str, careless: bool) -> SourceReport {
    let options = EngineOptions::new().cache(0, Duration::ZERO);
    let mut engine = Engine::new(HttpClient::new().expect("client"), options);
    let source = Complaints {
        base: base.to_string(),
        careless,
    };
    engine.add_source(Box::new(source), Duration::from_secs(5));
    engine.lookup(NUMBER).await.expect("valid number").remove(0)
}

fn assert_no_secret(report: &SourceReport, case: &str) {
    for text in renderings(report) {
        let lower = text.to_ascii_lowercase();
        for secret in FORBIDDEN {
            assert!(
                !lower.contains(secret),
                "{case}: `{secret}` leaked into {text}"
            );
        }
    }
}

#[tokio::test]
async fn echoes_never_leak_through_a_custom_source() {
    let echoes = [
        Echo::Text,
        Echo::Json,
        Echo::Status(401),
        Echo::Status(500),
        Echo::Redirect,
    ];
    for echo in echoes {
        let server = TestServer::start(Reply::Echo(echo)).await;
        for careless in [true, false] {
            let report = ask(&server.base(), careless).await;
            let case = format!("{echo:?}, careless {careless}");
            assert_eq!(report.kind, SourceKind::Custom, "{case}");
            assert_no_secret(&report, &case);
            if matches!(echo, Echo::Text | Echo::Json) {
                assert_eq!(report.status, SourceStatus::Ok, "{case}: {report:?}");
            } else {
                assert_eq!(report.status, SourceStatus::Error, "{case}: {report:?}");
            }
        }
        // Guards the assertions: every request carried what must not come back.
        for head in server.heads() {
            assert!(head.contains(KEY) && head.contains(TOKEN), "{head}");
            assert!(head.contains("4930123456"), "{head}");
        }
    }
}

#[tokio::test]
async fn a_careless_parse_is_redacted_after_it_and_keeps_what_is_no_secret() {
    let server = TestServer::start(Reply::Echo(Echo::Text)).await;
    let report = ask(&server.base(), true).await;
    let rep = report.reputation.expect("a reputation");
    assert_eq!(rep.verdict, ReputationVerdict::Suspicious);
    let location = rep.location.expect("the echoed text, redacted");
    assert!(
        location.starts_with("Partner Data not correct GET /v1/numbers/"),
        "{location}"
    );
    assert!(location.contains("key=***"), "{location}");
    // Counts and scores that are the number or a query value are dropped.
    assert_eq!((rep.votes, rep.comments, rep.score), (None, None, None));
    let json = serde_json::to_value(report.kind).expect("kind serializes");
    assert_eq!(json, "custom");
}

#[tokio::test]
async fn a_careful_parse_gets_the_request_s_redactor() {
    let server = TestServer::start(Reply::Echo(Echo::Text)).await;
    let rep = ask(&server.base(), false)
        .await
        .reputation
        .expect("a reputation");
    // `excerpt` drops the request target (a path with a query) and masks digits.
    let location = rep.location.expect("an excerpt");
    assert!(
        location.starts_with("Partner Data not correct GET … HTTP/1.1"),
        "{location}"
    );
}

#[test]
fn requests_are_checked_when_built() {
    let url = "https://complaints.example/v1";
    assert_eq!(
        Request::get("030 123456", url).err(),
        Some(SourceProblem::InvalidNumber)
    );
    for refused in [
        "not a url",
        "http://complaints.example/v1",
        "ftp://complaints.example/v1",
        "https://user:password@complaints.example/v1",
    ] {
        let problem = Request::get(NUMBER, refused).err();
        assert_eq!(problem, Some(SourceProblem::InsecureUrl), "{refused}");
    }
    assert!(Request::get(NUMBER, "http://127.0.0.1:9/v1").is_ok());
    let request = Request::get(NUMBER, url).expect("valid");
    let bad_credential = Some(SourceProblem::BadCredential { var: None });
    let header = |name: &str, value: &str| request.clone().header(name, value).err();
    assert_eq!(header("bad name", "x"), bad_credential);
    assert_eq!(header("x-token", "line\nbreak"), bad_credential);
    assert_eq!(header("x-token", "fine"), None);
}

#[test]
fn a_request_shows_neither_number_nor_keys_in_debug() {
    let source = Complaints {
        base: "https://complaints.example".into(),
        careless: false,
    };
    let request = source.request(NUMBER).expect("valid");
    let debug = format!("{request:?}");
    for secret in FORBIDDEN.iter().chain(&["partner", "/v1/numbers"]) {
        assert!(!debug.contains(secret), "{secret} in {debug}");
    }
    assert!(debug.contains("https://complaints.example"), "{debug}");
    // The redactor is the one `send` uses: it knows every part of the request.
    let echo = format!("/v1/numbers/{NUMBER}?partner=4711&key={KEY} Bearer {TOKEN} {PASSWORD}");
    let redacted = request.redactor().text(&echo);
    for secret in FORBIDDEN.iter().chain(&["4711"]) {
        assert!(!redacted.contains(secret), "{secret} in {redacted}");
    }
}
