//! The HTTP API over real HTTP on 127.0.0.1: every route, every error, auth,
//! idempotency, alerts at exactly the threshold, range and vendor grouping,
//! CORS, metrics and the alert webhook. Each test runs its own server on a
//! fresh SQLite file with a clock that moves only when told.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use numrep::lists::{load_own_numbers, ListFormat, LoadOptions};
use numrep::{Checker, Options};
use numrep_desk::{
    CustomerHasher, DeskConfig, Intake, ManualClock, Role, ServerConfig, TokenConfig, DAY, HOUR,
};
use numrep_desk_server::{open_store, DeskServer, ServerError, Settings, Tokens};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};
use tokio::sync::oneshot;

/// 2026-11-18, inside the example vendor's registration window.
const T0: i64 = 1_795_000_000_000;
const AGENT: &str = "agent-token-0123456789";
const ADMIN: &str = "admin-token-0123456789";
const VENDOR_NUMBER: &str = "040 5555 0123";
const VENDOR: &str = "Callcenter Nord GmbH";

struct Desk {
    base: String,
    clock: Arc<ManualClock>,
    http: Client,
    _dir: tempfile::TempDir,
    _stop: oneshot::Sender<()>,
}

fn checker() -> Checker {
    let csv = "pattern,vendor,campaign,valid_from,valid_to\n\
               +49 40 5555 01##,Callcenter Nord GmbH,Winter,2026-10-01,2026-12-31\n\
               +49 40 5555 02##,Callcenter Nord GmbH,Winter,2026-10-01,2026-12-31\n";
    let own = load_own_numbers(csv, "own.csv", ListFormat::Csv, &LoadOptions::default()).unwrap();
    Checker::new(Options::default()).with_own_numbers(own.list)
}

fn token(name: &str, role: Role) -> TokenConfig {
    TokenConfig::new(name, role, name)
}

/// A desk with agent and admin tokens and the shipped rules (or `config`'s).
async fn start_with(config: &str, with_tokens: bool) -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("desk.db").display());
    start_on(&url, dir, config, with_tokens).await
}

/// The PostgreSQL test server (see numrep-desk-postgres/tests/store.rs), in a
/// fresh schema; `None` when there is none and none is required.
async fn postgres_url() -> Option<String> {
    use sqlx_free_schema::fresh_schema;
    let url = match std::env::var("NUMREP_TEST_PG_URL") {
        Ok(url) if !url.is_empty() => url,
        _ if std::env::var("NUMREP_TEST_PG_REQUIRED").is_ok_and(|v| v == "1") => {
            panic!("NUMREP_TEST_PG_REQUIRED=1 but NUMREP_TEST_PG_URL is not set")
        }
        _ => return None,
    };
    Some(fresh_schema(&url).await)
}

/// A fresh schema through `psql`-free SQL over the desk's own store: the schema
/// name goes into the URL's search_path, and the store creates its tables there.
mod sqlx_free_schema {
    pub async fn fresh_schema(url: &str) -> String {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let schema = format!(
            "api_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let output = std::process::Command::new("psql")
            .args([url, "-q", "-c", &format!("CREATE SCHEMA {schema}")])
            .output()
            .expect("psql runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let separator = if url.contains('?') { '&' } else { '?' };
        format!("{url}{separator}options=-c%20search_path%3D{schema}")
    }
}

async fn start_on(url: &str, dir: tempfile::TempDir, config: &str, with_tokens: bool) -> Desk {
    let store = open_store(url).await.expect("open store");
    let mut desk_config = DeskConfig::from_toml(config).expect("config");
    desk_config.server.listen = SocketAddr::from(([127, 0, 0, 1], 0));
    let tokens = if with_tokens {
        Tokens::from_config(
            &[token("AGENT", Role::Agent), token("ADMIN", Role::Admin)],
            |n| Some(if n == "AGENT" { AGENT } else { ADMIN }.to_string()),
        )
        .unwrap()
    } else {
        Tokens::default()
    };
    let clock = Arc::new(ManualClock::new(T0));
    let settings = Settings {
        server: desk_config.server.clone(),
        rules: desk_config.rules().unwrap(),
        intake: Intake::new(checker(), CustomerHasher::new(&[9; 32], "S").unwrap()),
        tokens,
        clock: clock.clone(),
        retention: false,
    };
    let server = DeskServer::bind(settings, store).await.expect("bind");
    let addr = server.local_addr();
    assert!(addr.ip().is_loopback());
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(server.run(async {
        let _ = stopped.await;
    }));
    Desk {
        base: format!("http://{addr}"),
        clock,
        http: Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap(),
        _dir: dir,
        _stop: stop,
    }
}

async fn start() -> Desk {
    start_with("", true).await
}

impl Desk {
    async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self.http.request(method, format!("{}{path}", self.base));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.expect("request");
        let status = resp.status();
        let text = resp.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    async fn post(&self, body: Value) -> (StatusCode, Value) {
        self.call(Method::POST, "/api/v1/complaints", Some(AGENT), Some(body))
            .await
    }

    async fn complain(&self, number: &str, customer: &str) -> Value {
        let (status, body) = self
            .post(json!({"number": number, "category": "cold_call", "customer_ref": customer}))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        body
    }

    async fn get(&self, path: &str, token: &str) -> (StatusCode, Value) {
        self.call(Method::GET, path, Some(token), None).await
    }
}

fn error_code(body: &Value) -> &str {
    body["error"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error code in {body}"))
}

#[tokio::test]
async fn post_answers_201_with_counts_and_lookup_shows_number_range_vendor() {
    let desk = start().await;
    let (status, body) = desk
        .post(json!({
            "number": VENDOR_NUMBER, "category": "adult", "claimed_company": "Telekom",
            "customer_ref": "K-1", "note": "rude", "call_time": T0 - HOUR, "region": "DE"
        }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert!(body["id"].as_i64().unwrap() > 0);
    assert_eq!(body["e164"], "+494055550123");
    assert_eq!(body["stats"]["total"], 1);
    assert_eq!(body["stats"]["last_24h"], 1);
    assert_eq!(body["stats"]["distinct_customers"], 1);
    assert_eq!(body["stats"]["by_category"]["adult"], 1);
    assert_eq!(body["stats"]["first_at"], T0);
    assert_eq!(body["alerts"], json!([]));
    desk.complain("+49 40 5555 0177", "K-2").await;

    let (status, view) = desk.get("/api/v1/numbers/040%205555%200123", AGENT).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    // The lookup report …
    assert_eq!(view["e164"], "+494055550123");
    assert_eq!(view["own_number"]["vendor"], VENDOR);
    assert!(view["risk"].is_string());
    // … plus the counts.
    assert_eq!(view["complaints"]["total"], 1);
    assert_eq!(view["range_complaints"]["key"], "+4940555501xx");
    assert_eq!(view["range_complaints"]["total"], 2);
    assert_eq!(view["range_complaints"]["distinct_customers"], 2);
    assert_eq!(view["vendor_complaints"]["key"], VENDOR);
    assert_eq!(view["vendor_complaints"]["total"], 2);
    assert_eq!(view["alerts"], json!([]));
    // Counts age with the clock.
    desk.clock.advance(3 * DAY);
    let (_, view) = desk.get("/api/v1/numbers/+494055550123", AGENT).await;
    assert_eq!(
        (
            view["complaints"]["total"].as_u64(),
            view["complaints"]["last_48h"].as_u64()
        ),
        (Some(1), Some(0))
    );
    assert_eq!(view["complaints"]["last_7d"], 1);
    // Another region reads national forms its way.
    let (status, view) = desk
        .get("/api/v1/numbers/01%2023%2045%2067%2089?region=FR", AGENT)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(view["e164"], "+33123456789");
    assert!(view["vendor_complaints"].is_null());
}

#[tokio::test]
async fn invalid_posts_are_specific_errors_and_store_nothing() {
    let desk = start().await;
    let cases = [
        (
            json!({"number": "030 12a4567", "category": "fraud"}),
            422,
            "invalid_character",
        ),
        (json!({"number": "", "category": "fraud"}), 422, "empty"),
        (
            json!({"number": "+999 123", "category": "fraud"}),
            422,
            "unknown_country_code",
        ),
        (
            json!({"number": "110", "category": "fraud"}),
            422,
            "short_code",
        ),
        (
            json!({"number": "030 1234567", "category": "spam"}),
            422,
            "unknown_category",
        ),
        (
            json!({"number": "030 1234567", "category": "fraud", "colour": "red"}),
            422,
            "unknown_field",
        ),
        (json!({"category": "fraud"}), 422, "missing_field"),
        (
            json!({"number": 301234567, "category": "fraud"}),
            422,
            "invalid_field",
        ),
        (
            json!({"number": "030 1234567", "category": "fraud", "note": "x".repeat(4001)}),
            422,
            "field_too_long",
        ),
        (
            json!({"number": "030 1234567", "category": "fraud", "region": "XX"}),
            422,
            "unknown_region",
        ),
        (
            json!({"number": "030 1234567", "category": "fraud", "call_time": T0 + 2 * DAY}),
            422,
            "invalid_call_time",
        ),
    ];
    for (body, status, code) in cases {
        let (got, answer) = desk.post(body.clone()).await;
        assert_eq!(got.as_u16(), status, "{body} → {answer}");
        assert_eq!(error_code(&answer), code, "{body}");
        assert!(answer["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
    let raw = |body: Vec<u8>, content_type: &'static str| {
        desk.http
            .post(format!("{}/api/v1/complaints", desk.base))
            .bearer_auth(AGENT)
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let malformed = raw(b"{\"number\": \"030\", ".to_vec(), "application/json")
        .await
        .unwrap();
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error_code(&malformed.json().await.unwrap()),
        "malformed_json"
    );
    let huge = format!(
        "{{\"number\":\"030 1234567\",\"category\":\"fraud\",\"note\":\"{}\"}}",
        "x".repeat(17 * 1024)
    );
    let too_large = raw(huge.into_bytes(), "application/json").await.unwrap();
    assert_eq!(too_large.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        error_code(&too_large.json().await.unwrap()),
        "body_too_large"
    );
    let form = raw(b"number=1".to_vec(), "application/x-www-form-urlencoded")
        .await
        .unwrap();
    assert_eq!(form.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let bad_key = desk
        .http
        .post(format!("{}/api/v1/complaints", desk.base))
        .bearer_auth(AGENT)
        .header("idempotency-key", "has space")
        .json(&json!({"number": "030 1234567", "category": "fraud"}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad_key.status(), StatusCode::BAD_REQUEST);
    // Nothing of the above was stored.
    let (_, listed) = desk.get("/api/v1/complaints", ADMIN).await;
    assert_eq!(listed["complaints"], json!([]));
    let (status, answer) = desk.get("/api/v1/numbers/030%2012a4567", AGENT).await;
    assert_eq!(
        (status, error_code(&answer)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_character")
    );
}

#[tokio::test]
async fn tokens_roles_401_403() {
    let desk = start().await;
    let body = json!({"number": "030 1234567", "category": "fraud"});
    let (status, answer) = desk
        .call(Method::POST, "/api/v1/complaints", None, Some(body.clone()))
        .await;
    assert_eq!(
        (status, error_code(&answer)),
        (StatusCode::UNAUTHORIZED, "unauthorized")
    );
    let (status, _) = desk
        .call(
            Method::POST,
            "/api/v1/complaints",
            Some("agent-token-0123456780"),
            Some(body.clone()),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let no_auth = desk
        .http
        .get(format!("{}/api/v1/alerts", desk.base))
        .send()
        .await
        .unwrap();
    assert_eq!(no_auth.headers()["www-authenticate"], "Bearer");
    for (method, path) in [
        (Method::GET, "/api/v1/complaints"),
        (Method::DELETE, "/api/v1/complaints/1"),
        (Method::GET, "/api/v1/complaints/export"),
        (Method::POST, "/api/v1/erasure"),
    ] {
        let (status, answer) = desk
            .call(
                method.clone(),
                path,
                Some(AGENT),
                Some(json!({"customer_ref": "x"})),
            )
            .await;
        assert_eq!(
            (status, error_code(&answer)),
            (StatusCode::FORBIDDEN, "forbidden"),
            "{method} {path}"
        );
    }
    // Admins may do what agents do; health and metrics need no token.
    let (status, _) = desk
        .call(Method::POST, "/api/v1/complaints", Some(ADMIN), Some(body))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, health) = desk.call(Method::GET, "/healthz", None, None).await;
    assert_eq!((status, health), (StatusCode::OK, json!({"status": "ok"})));
}

#[tokio::test]
async fn without_tokens_loopback_is_open_and_other_addresses_are_refused() {
    let open = start_with("", false).await;
    let (status, _) = open
        .call(Method::GET, "/api/v1/complaints", None, None)
        .await;
    assert_eq!(status, StatusCode::OK);

    let mut server = ServerConfig::default();
    server.listen = "0.0.0.0:0".parse().unwrap();
    let refused = refused_start(server).await;
    assert!(
        matches!(refused, ServerError::OpenWithoutTokens(_)),
        "{refused}"
    );
}

/// Why a desk without tokens and with `server` does not start.
async fn refused_start(server: ServerConfig) -> ServerError {
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(&format!("sqlite://{}", dir.path().join("d.db").display()))
        .await
        .unwrap();
    let settings = Settings {
        server,
        rules: Vec::new(),
        intake: Intake::new(checker(), CustomerHasher::new(&[9; 32], "S").unwrap()),
        tokens: Tokens::default(),
        clock: Arc::new(ManualClock::new(T0)),
        retention: false,
    };
    DeskServer::bind(settings, store)
        .await
        .expect_err("refused")
}

#[tokio::test]
async fn console_directory_is_served_beside_the_api_and_must_exist() {
    let www = tempfile::tempdir().unwrap();
    std::fs::write(
        www.path().join("index.html"),
        "<!doctype html><title>console</title>",
    )
    .unwrap();
    std::fs::create_dir(www.path().join("pkg")).unwrap();
    std::fs::write(
        www.path().join("pkg/numrep_wasm_bg.wasm"),
        b"\0asm\x01\0\0\0",
    )
    .unwrap();
    let config = format!(
        "[server]\nwww_dir = {:?}\n",
        www.path().display().to_string()
    );
    let desk = start_with(&config, true).await;
    let get = |path: &str| desk.http.get(format!("{}{path}", desk.base)).send();

    // The console loads without a token (it holds no data); the widget's module is wasm.
    let page = get("/").await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("<title>console</title>"));
    let module = get("/pkg/numrep_wasm_bg.wasm").await.unwrap();
    assert_eq!(module.status(), StatusCode::OK);
    assert_eq!(module.headers()["content-type"], "application/wasm");
    assert_eq!(
        get("/no-such-file.js").await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    // The API's routes come first and keep their auth.
    let (status, _) = desk.call(Method::GET, "/api/v1/alerts", None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, health) = desk.call(Method::GET, "/healthz", None, None).await;
    assert_eq!((status, health), (StatusCode::OK, json!({"status": "ok"})));

    // A console directory that is not there is refused at start, not served as 404s.
    let missing = www.path().join("no-such-dir");
    let mut server = ServerConfig::default();
    server.listen = "127.0.0.1:0".parse().unwrap();
    server.www_dir = Some(missing.clone());
    let refused = refused_start(server).await;
    assert!(
        matches!(&refused, ServerError::NoWwwDir(dir) if *dir == missing),
        "{refused}"
    );
    assert!(refused.to_string().contains("no-such-dir"), "{refused}");
}

#[tokio::test]
async fn idempotency_key_counts_a_retry_once() {
    let desk = start().await;
    let send = |category: &'static str| {
        desk.http
            .post(format!("{}/api/v1/complaints", desk.base))
            .bearer_auth(AGENT)
            .header("idempotency-key", "ticket-4711")
            .json(&json!({"number": "030 1234567", "category": category, "customer_ref": "K-9"}))
            .send()
    };
    let first = send("fraud").await.unwrap();
    assert_eq!(first.status(), StatusCode::CREATED);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first: Value = first.json().await.unwrap();
    desk.clock.advance(5000);
    let retry = send("fraud").await.unwrap();
    assert_eq!(retry.status(), StatusCode::CREATED);
    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    let retry: Value = retry.json().await.unwrap();
    assert_eq!(retry["id"], first["id"]);
    assert_eq!(retry["replayed"], true);
    assert_eq!(retry["stats"]["total"], 1);
    let reused = send("adult").await.unwrap();
    assert_eq!(reused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_code(&reused.json().await.unwrap()),
        "idempotency_key_reused"
    );
    let (_, view) = desk.get("/api/v1/numbers/0301234567", AGENT).await;
    assert_eq!(view["complaints"]["total"], 1);
}

#[tokio::test]
async fn number_alert_fires_at_exactly_five_from_three_customers() {
    let desk = start().await;
    for customer in ["a", "b", "c", "a"] {
        let body = desk.complain("030 1234567", customer).await;
        assert_eq!(body["alerts"], json!([]));
        desk.clock.advance(60_000);
    }
    let (_, alerts) = desk.get("/api/v1/alerts", AGENT).await;
    assert_eq!(alerts["alerts"], json!([]));
    let fifth = desk.complain("030 1234567", "b").await;
    let fired = fifth["alerts"].as_array().unwrap();
    assert_eq!(fired.len(), 1, "{fifth}");
    assert_eq!(fired[0]["rule"], "number_burst");
    assert_eq!(fired[0]["group_by"], "number");
    assert_eq!(fired[0]["key"], "+49301234567");
    assert_eq!(
        (fired[0]["count"].as_u64(), fired[0]["customers"].as_u64()),
        (Some(5), Some(3))
    );
    assert_eq!(fired[0]["window"], "48h");
    assert_eq!(fired[0]["first_at"], T0);
    let (_, alerts) = desk.get("/api/v1/alerts", AGENT).await;
    assert_eq!(alerts["alerts"].as_array().unwrap().len(), 1);
    // The sixth complaint raises no second alert.
    let sixth = desk.complain("030 1234567", "d").await;
    assert_eq!(sixth["alerts"], json!([]));
    let (_, view) = desk.get("/api/v1/numbers/030%201234567", AGENT).await;
    assert_eq!(view["alerts"].as_array().unwrap().len(), 1);
    assert_eq!(view["alerts"][0]["count"], 6);
    // Once the window has passed, the alert is no longer active.
    desk.clock.advance(49 * HOUR);
    let (_, alerts) = desk.get("/api/v1/alerts", AGENT).await;
    assert_eq!(alerts["alerts"], json!([]));
}

#[tokio::test]
async fn range_and_vendor_alerts_group_numbers() {
    let desk = start().await;
    // Nine numbers of one range (not registered): nothing; the tenth fires the range rule.
    for i in 0..9 {
        let body = desk
            .complain(&format!("030 12345{i:02}"), &format!("c{i}"))
            .await;
        assert_eq!(body["alerts"], json!([]), "range fired at {}", i + 1);
    }
    let tenth = desk.complain("030 1234599", "c9").await;
    let alerts = tenth["alerts"].as_array().unwrap();
    assert_eq!(alerts.len(), 1, "{tenth}");
    assert_eq!(
        (alerts[0]["group_by"].as_str(), alerts[0]["key"].as_str()),
        (Some("range"), Some("+493012345xx"))
    );
    // The vendor's numbers span two ranges: ten complaints over both fire the vendor rule.
    let mut vendor_alert = None;
    for i in 0..10 {
        let number = format!("040 5555 0{}{i:02}", 1 + i % 2);
        let body = desk.complain(&number, &format!("v{i}")).await;
        for alert in body["alerts"].as_array().unwrap() {
            if alert["group_by"] == "vendor" {
                assert!(vendor_alert.is_none());
                vendor_alert = Some((i + 1, alert.clone()));
            }
        }
    }
    let (at, alert) = vendor_alert.expect("vendor alert");
    assert_eq!(at, 10);
    assert_eq!(alert["key"], VENDOR);
    assert_eq!(alert["vendor"], VENDOR);
    let (_, view) = desk.get("/api/v1/numbers/040%205555%200100", AGENT).await;
    assert_eq!(view["vendor_complaints"]["total"], 10);
    assert!(view["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["group_by"] == "vendor"));
}

#[tokio::test]
async fn admin_lists_deletes_erases_and_exports() {
    let desk = start().await;
    let mut ids = Vec::new();
    for i in 0..5 {
        ids.push(
            desk.complain("030 1234567", if i < 3 { "K-1" } else { "K-2" })
                .await["id"]
                .as_i64()
                .unwrap(),
        );
        desk.clock.advance(HOUR);
    }
    let (status, page) = desk.get("/api/v1/complaints?limit=2", ADMIN).await;
    assert_eq!(status, StatusCode::OK);
    let first: Vec<i64> = page["complaints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(first, [ids[4], ids[3]]);
    assert_eq!(page["next_before"], ids[3]);
    let (_, rest) = desk
        .get(
            &format!("/api/v1/complaints?limit=10&before={}", ids[3]),
            ADMIN,
        )
        .await;
    assert_eq!(rest["complaints"].as_array().unwrap().len(), 3);
    assert!(rest["next_before"].is_null());
    let (_, recent) = desk
        .get("/api/v1/complaints?since=150m&number=%2B49301234567", ADMIN)
        .await;
    assert_eq!(
        recent["complaints"].as_array().unwrap().len(),
        2,
        "{recent}"
    );
    let stored = &recent["complaints"][0];
    assert_eq!(stored["e164"], "+49301234567");
    assert!(stored["customer_hash"].as_str().unwrap().len() == 32);
    assert!(
        !stored.to_string().contains("K-2"),
        "customer refs are never stored"
    );
    let (status, answer) = desk.get("/api/v1/complaints?limit=0", ADMIN).await;
    assert_eq!(
        (status, error_code(&answer)),
        (StatusCode::BAD_REQUEST, "invalid_query")
    );
    let (status, _) = desk.get("/api/v1/complaints?colour=red", ADMIN).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let (status, _) = desk
        .call(
            Method::DELETE,
            &format!("/api/v1/complaints/{}", ids[0]),
            Some(ADMIN),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    for path in [
        format!("/api/v1/complaints/{}", ids[0]),
        "/api/v1/complaints/abc".to_string(),
    ] {
        let (status, answer) = desk.call(Method::DELETE, &path, Some(ADMIN), None).await;
        assert_eq!(
            (status, error_code(&answer)),
            (StatusCode::NOT_FOUND, "not_found")
        );
    }
    let (status, erased) = desk
        .call(
            Method::POST,
            "/api/v1/erasure",
            Some(ADMIN),
            Some(json!({"customer_ref": "K-1"})),
        )
        .await;
    assert_eq!((status, erased), (StatusCode::OK, json!({"deleted": 2})));
    let (status, answer) = desk
        .call(
            Method::POST,
            "/api/v1/erasure",
            Some(ADMIN),
            Some(json!({"customer": "K-1"})),
        )
        .await;
    assert_eq!(
        (status, error_code(&answer)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field")
    );
    let (_, view) = desk.get("/api/v1/numbers/030%201234567", AGENT).await;
    assert_eq!(
        (
            view["complaints"]["total"].as_u64(),
            view["complaints"]["distinct_customers"].as_u64()
        ),
        (Some(2), Some(1))
    );

    let export = desk
        .http
        .get(format!("{}/api/v1/complaints/export", desk.base))
        .bearer_auth(ADMIN)
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), StatusCode::OK);
    assert!(export.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let text = export.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "id,e164,range,vendor,category,region,claimed_company,customer_hash,note,call_time,received_at");
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[1].starts_with(&format!("{},+49301234567,+493012345xx,,cold_call,", ids[4])));
}

#[tokio::test]
async fn export_pages_through_more_than_one_page() {
    let desk = start().await;
    for first in (0..1205).step_by(64) {
        let numbers: Vec<String> = (first..(first + 64).min(1205))
            .map(|i| format!("030 12{i:05}"))
            .collect();
        futures_util::future::join_all(numbers.iter().map(|n| desk.complain(n, "x"))).await;
    }
    let text = desk
        .http
        .get(format!("{}/api/v1/complaints/export?since=1d", desk.base))
        .bearer_auth(ADMIN)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(text.lines().count(), 1 + 1205);
}

#[tokio::test]
async fn unknown_routes_and_methods_answer_json() {
    let desk = start().await;
    let (status, answer) = desk.get("/api/v2/nothing", AGENT).await;
    assert_eq!(
        (status, error_code(&answer)),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let (status, answer) = desk
        .call(Method::PUT, "/api/v1/alerts", Some(AGENT), None)
        .await;
    assert_eq!(
        (status, error_code(&answer)),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
    let (status, _) = desk.get("/api/v1/alerts?limit=5000", AGENT).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = desk
        .get("/api/v1/numbers/030%201234567?lang=de", AGENT)
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn cors_only_for_configured_origins() {
    let desk = start_with(
        "[server]\ncors_origins = [\"https://console.example.com\"]\n",
        true,
    )
    .await;
    let preflight = |origin: &'static str| {
        desk.http
            .request(Method::OPTIONS, format!("{}/api/v1/complaints", desk.base))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization,content-type,idempotency-key",
            )
            .send()
    };
    let allowed = preflight("https://console.example.com").await.unwrap();
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://console.example.com"
    );
    let allowed_headers = allowed.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        allowed_headers.contains("idempotency-key"),
        "{allowed_headers}"
    );
    let other = preflight("https://evil.example.net").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
    // Without cors_origins there are no CORS headers at all.
    let plain = start().await;
    let r = plain
        .http
        .get(format!("{}/healthz", plain.base))
        .header("origin", "https://console.example.com")
        .send()
        .await
        .unwrap();
    assert!(r.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn metrics_count_complaints_alerts_and_latency_per_route() {
    let desk = start_with(
        "[[alerts]]\ngroup_by = \"number\"\nmin_complaints = 1\n",
        true,
    )
    .await;
    desk.complain("030 7654321", "m").await;
    let text = desk
        .http
        .get(format!("{}/metrics", desk.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for name in [
        "numrep_desk_complaints_recorded_total",
        "numrep_desk_complaints_stored 1",
        "numrep_desk_alerts_fired_total{group_by=\"number\"}",
        "numrep_desk_http_request_duration_seconds_bucket",
        "route=\"/api/v1/complaints\"",
        "numrep_desk_write_batch_size",
    ] {
        assert!(text.contains(name), "{name} missing in:\n{text}");
    }
    assert!(!text.contains("7654321"), "no numbers in metrics");
}

#[tokio::test]
async fn webhook_receives_each_new_alert() {
    // A loopback receiver that hands each posted body to the test.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = listener.local_addr().unwrap();
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Value>(8);
    let receiver = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |axum::Json(body): axum::Json<Value>| {
            let tx = tx.clone();
            async move {
                tx.send(body).await.unwrap();
                StatusCode::NO_CONTENT
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, receiver).await });
    let config = format!(
        "[server]\nalert_webhook = \"http://{hook}/hook\"\n[[alerts]]\ngroup_by = \"number\"\nmin_complaints = 2\n"
    );
    let desk = start_with(&config, true).await;
    desk.complain("030 5550001", "a").await;
    assert!(
        tokio::time::timeout(Duration::from_millis(300), rx.recv())
            .await
            .is_err(),
        "no alert yet"
    );
    let fired = desk.complain("030 5550001", "b").await;
    let got = tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .expect("webhook called")
        .unwrap();
    assert_eq!(got["id"], fired["alerts"][0]["id"]);
    assert_eq!(got["rule"], "number_burst");
    assert_eq!(got["key"], "+49305550001");
    assert_eq!(got["count"], 2);
    // An update of the same alert is not posted again.
    desk.complain("030 5550001", "c").await;
    assert!(tokio::time::timeout(Duration::from_millis(500), rx.recv())
        .await
        .is_err());
}

/// Many agents at once on one number: every complaint counted once, and one alert
/// for the number and one for its range (complaints committed together share the
/// alert their batch raised, so several answers may carry the same one).
async fn concurrent_posts_count_exactly_and_alert_once(desk: &Desk) {
    let posts = (0..60).map(|i| async move {
        let body = desk.complain("030 9876543", &format!("K-{i}")).await;
        let alerts = body["alerts"].as_array().unwrap().clone();
        alerts
            .into_iter()
            .map(|a| {
                (
                    a["id"].as_i64().unwrap(),
                    a["group_by"].as_str().unwrap().to_string(),
                )
            })
            .collect::<Vec<_>>()
    });
    let mut fired: Vec<(i64, String)> = futures_util::future::join_all(posts)
        .await
        .into_iter()
        .flatten()
        .collect();
    fired.sort();
    fired.dedup();
    let groups: Vec<&str> = fired.iter().map(|(_, g)| g.as_str()).collect();
    assert_eq!(groups, ["number", "range"], "one alert per key: {fired:?}");
    let (_, view) = desk.get("/api/v1/numbers/030%209876543", AGENT).await;
    assert_eq!(view["complaints"]["total"], 60);
    assert_eq!(view["complaints"]["distinct_customers"], 60);
    let alerts = view["alerts"].as_array().unwrap();
    assert_eq!(alerts.len(), 2);
    assert!(alerts.iter().all(|a| a["count"] == 60), "{alerts:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_posts_on_sqlite() {
    concurrent_posts_count_exactly_and_alert_once(&start().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_posts_on_postgres_with_several_writers() {
    let Some(url) = postgres_url().await else {
        eprintln!("SKIPPED: no PostgreSQL (NUMREP_TEST_PG_URL)");
        return;
    };
    let desk = start_on(&url, tempfile::tempdir().unwrap(), "", true).await;
    concurrent_posts_count_exactly_and_alert_once(&desk).await;
}

#[tokio::test]
async fn config_from_toml_builds_settings_from_the_environment() {
    // Settings::from_config reads the secret and tokens from the variables the
    // config names; missing ones stop the start with a clear message.
    let config =
        DeskConfig::from_toml("[server]\ncustomer_secret_env = \"NUMREP_API_TEST_SECRET_UNSET\"\n")
            .unwrap();
    let err = Settings::from_config(&config, checker()).expect_err("no secret");
    assert!(
        err.to_string().contains("NUMREP_API_TEST_SECRET_UNSET"),
        "{err}"
    );
}
