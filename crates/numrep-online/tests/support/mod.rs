//! A small real HTTP/1.1 server on 127.0.0.1 (ephemeral port) that answers
//! like the services, including hostile behaviour. Raw tokio sockets so each
//! byte's timing is under the test's control. Never binds anything but
//! 127.0.0.1; the client under test is never redirected elsewhere.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// How the server answers every request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// 200 with this content type and body.
    Body {
        content_type: &'static str,
        body: String,
    },
    /// This status with a short text body.
    Status(u16),
    /// Wait, then answer as the inner reply.
    Delay(Duration, Box<Reply>),
    /// 200 with `bytes` of body; with or without a declared Content-Length.
    Huge { bytes: usize, declare_length: bool },
    /// 302 to `location`.
    Redirect(String),
    /// 200 whose body is sent one byte per `interval`.
    Drip { interval: Duration, body: String },
    /// Read the request, then never answer.
    Hang,
    /// This status with these extra headers (e.g. `Retry-After`) and a short body.
    StatusWith {
        code: u16,
        headers: Vec<(&'static str, String)>,
    },
    /// Echo the request (line, headers, query) back in the given shape.
    Echo(Echo),
}

/// How a hostile server echoes the request back.
#[derive(Debug, Clone, Copy)]
pub enum Echo {
    /// 200 `text/plain` whose body is the request head.
    Text,
    /// 200 JSON in the shape of all three services at once, with the request head
    /// in every text field (tellows location, caller types and names; PhoneBlock
    /// rating; `/data/category` for http_json).
    Json,
    /// Like `Json`, but with a valid PhoneBlock rating, so the echo lands in the
    /// data instead of an error.
    JsonValidRating,
    /// This error status with the head in the body and in headers.
    Status(u16),
    /// 302 to a host built from the number and the credentials in the request,
    /// with the request target as path and query.
    Redirect,
}

impl Reply {
    /// 200 `application/json`.
    pub fn json(body: &str) -> Reply {
        Reply::Body {
            content_type: "application/json",
            body: body.to_string(),
        }
    }

    /// 200 `text/html` (as tellows serves its JSON).
    pub fn html(body: &str) -> Reply {
        Reply::Body {
            content_type: "text/html; charset=UTF-8",
            body: body.to_string(),
        }
    }
}

/// A running test server.
pub struct TestServer {
    /// Where it listens (always 127.0.0.1).
    pub addr: SocketAddr,
    hits: Arc<AtomicUsize>,
    reply: Arc<Mutex<Reply>>,
    heads: Arc<Mutex<Vec<String>>>,
}

impl TestServer {
    /// Starts a server answering `reply` on 127.0.0.1 with an ephemeral port.
    pub async fn start(reply: Reply) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        let server = TestServer {
            addr,
            hits: Arc::new(AtomicUsize::new(0)),
            reply: Arc::new(Mutex::new(reply)),
            heads: Arc::new(Mutex::new(Vec::new())),
        };
        let (hits, reply, heads) = (
            server.hits.clone(),
            server.reply.clone(),
            server.heads.clone(),
        );
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (hits, reply, heads) = (hits.clone(), reply.clone(), heads.clone());
                tokio::spawn(async move {
                    serve(stream, hits, reply, heads).await;
                });
            }
        });
        server
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Requests received so far.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }

    /// The request heads received so far (request line + headers).
    pub fn heads(&self) -> Vec<String> {
        self.heads.lock().expect("heads").clone()
    }

    /// Changes how later requests are answered.
    pub fn set_reply(&self, reply: Reply) {
        *self.reply.lock().expect("reply") = reply;
    }
}

async fn serve(
    mut stream: TcpStream,
    hits: Arc<AtomicUsize>,
    reply: Arc<Mutex<Reply>>,
    heads: Arc<Mutex<Vec<String>>>,
) {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
        if head.len() > 16 * 1024 {
            return;
        }
    }
    hits.fetch_add(1, Ordering::SeqCst);
    heads
        .lock()
        .expect("heads")
        .push(String::from_utf8_lossy(&head).into_owned());
    let current = reply.lock().expect("reply").clone();
    let head = String::from_utf8_lossy(&head).into_owned();
    answer(&mut stream, current, &head).await;
}

async fn answer(stream: &mut TcpStream, reply: Reply, head: &str) {
    let mut reply = reply;
    while let Reply::Delay(wait, inner) = reply {
        tokio::time::sleep(wait).await;
        reply = *inner;
    }
    match reply {
        Reply::Body { content_type, body } => {
            let msg = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(msg.as_bytes()).await;
        }
        Reply::Status(code) => {
            let body = "Internal trouble";
            let msg = format!(
                "HTTP/1.1 {code} Error\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(msg.as_bytes()).await;
        }
        Reply::Huge {
            bytes,
            declare_length,
        } => {
            let length = if declare_length {
                format!("Content-Length: {bytes}\r\n")
            } else {
                String::new()
            };
            let msg = format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{length}Connection: close\r\n\r\n");
            if stream.write_all(msg.as_bytes()).await.is_err() {
                return;
            }
            let chunk = vec![b' '; 64 * 1024];
            let mut sent = 0;
            while sent < bytes {
                let n = chunk.len().min(bytes - sent);
                if stream.write_all(&chunk[..n]).await.is_err() {
                    return; // the client hung up, as it should
                }
                sent += n;
            }
        }
        Reply::Redirect(location) => {
            let msg = format!("HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            let _ = stream.write_all(msg.as_bytes()).await;
        }
        Reply::Drip { interval, body } => {
            let msg = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            if stream.write_all(msg.as_bytes()).await.is_err() {
                return;
            }
            for byte in body.bytes() {
                tokio::time::sleep(interval).await;
                if stream.write_all(&[byte]).await.is_err() {
                    return;
                }
            }
        }
        Reply::Hang => {
            tokio::time::sleep(Duration::from_secs(120)).await;
        }
        Reply::StatusWith { code, headers } => {
            let body = "Slow down";
            let extra: String = headers
                .iter()
                .map(|(name, value)| format!("{name}: {value}\r\n"))
                .collect();
            let msg = format!(
                "HTTP/1.1 {code} Error\r\n{extra}Content-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(msg.as_bytes()).await;
        }
        Reply::Echo(echo) => {
            let _ = stream.write_all(echo_response(echo, head).as_bytes()).await;
        }
        Reply::Delay(..) => unreachable!("delays are unwrapped above"),
    }
}

/// The full response of a hostile server echoing `head` back.
fn echo_response(echo: Echo, head: &str) -> String {
    let one_line = head.trim().replace("\r\n", " ");
    let ok = |content_type: &str, body: &str| {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
    };
    let json = |rating: &str| {
        let e = serde_json::to_string(&one_line).expect("a JSON string");
        format!(
            r#"{{"tellows":{{"score":8,"comments":5,"location":{e},"callerTypes":{{"caller":[{{"name":{e},"count":3}}]}},"callerNames":[{e}]}},"votes":9,"rating":{rating},"data":{{"score":80,"category":{e},"complaints":4}}}}"#
        )
    };
    match echo {
        Echo::Text => ok(
            "text/plain",
            &format!("Partner Data not correct {one_line}"),
        ),
        Echo::Json => {
            let e = serde_json::to_string(&one_line).expect("a JSON string");
            ok("text/html", &json(&e))
        }
        Echo::JsonValidRating => ok("application/json", &json("\"E_ADVERTISING\"")),
        Echo::Status(code) => {
            let line = one_line.replace(['\r', '\n'], " ");
            format!(
                "HTTP/1.1 {code} {line}\r\nX-Echo: {line}\r\nRetry-After: {line}\r\nWWW-Authenticate: Basic realm=\"{line}\"\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{one_line}",
                one_line.len()
            )
        }
        Echo::Redirect => {
            let target = one_line.split(' ').nth(1).unwrap_or("/");
            let labels: Vec<String> = echo_credentials(head)
                .into_iter()
                .map(|c| {
                    c.chars()
                        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .take(60)
                        .collect()
                })
                .filter(|c: &String| !c.is_empty())
                .collect();
            format!(
                "HTTP/1.1 302 Found\r\nLocation: https://{}.evil.invalid{target}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                labels.join(".")
            )
        }
    }
}

/// The number and credentials a request carries: the longest digit run of the
/// target, `apikey`/`apikeyMd5` query values, and auth header values.
fn echo_credentials(head: &str) -> Vec<String> {
    let target = head.split(' ').nth(1).unwrap_or("");
    let digits = target
        .split(|c: char| !c.is_ascii_digit())
        .max_by_key(|run| run.len())
        .unwrap_or("")
        .to_string();
    let mut found = vec![digits];
    if let Some((_, query)) = target.split_once('?') {
        for pair in query.split('&') {
            if let Some(("apikey" | "apikeyMd5", value)) = pair.split_once('=') {
                found.push(value.to_string());
            }
        }
    }
    for line in head.lines() {
        if let Some((name, value)) = line.split_once(": ") {
            if matches!(
                name.to_ascii_lowercase().as_str(),
                "x-auth-token" | "authorization"
            ) {
                found.push(value.rsplit(' ').next().unwrap_or(value).to_string());
            }
        }
    }
    found
}

/// A tellows answer with the quirks: warning text around the JSON, string score.
pub const TELLOWS_SPAM: &str = "Partner Data not correct\n{\"tellows\":{\"number\":\"004930123456\",\"normalizedNumber\":\"+4930123456\",\"score\":\"8\",\"searches\":\"512\",\"comments\":23,\"location\":\"Berlin\",\"callerTypes\":{\"caller\":[{\"name\":\"Aggressive advertising\",\"count\":12},{\"name\":\"Cost trap\",\"count\":4}]},\"callerNames\":{\"caller\":[\"Gewinnspiel GmbH\"]}}}\nPartner Data not correct";

/// A PhoneBlock `PhoneInfo` answer for a fraud number.
pub const PHONEBLOCK_FRAUD: &str = "{\"phone\":\"004930123456\",\"votes\":9,\"rating\":\"G_FRAUD\",\"votesWildcard\":9,\"whiteListed\":false,\"archived\":false,\"dateAdded\":1700000000000,\"lastUpdate\":1712000000000}";

/// Environment used by the tests' configs (no process environment involved).
pub fn test_env(var: &str) -> Option<String> {
    match var {
        "TELLOWS_KEY" => Some("tellows-secret-key".into()),
        "PB_USER" => Some("alice".into()),
        "PB_PASS" => Some("pb-secret-pass".into()),
        "COMPLAINTS_TOKEN" => Some("complaints-secret-token".into()),
        _ => None,
    }
}

/// A `[[sources]]` entry for tellows at `base`.
pub fn tellows_source(name: &str, base: &str, timeout_ms: u64) -> String {
    format!(
        "[[sources]]\nname = \"{name}\"\nkind = \"tellows\"\nurl = \"{base}\"\ntimeout_ms = {timeout_ms}\napi_key_env = \"TELLOWS_KEY\"\npartner = \"4711\"\n"
    )
}

/// A `[[sources]]` entry for PhoneBlock at `base`.
pub fn phoneblock_source(name: &str, base: &str, timeout_ms: u64) -> String {
    format!(
        "[[sources]]\nname = \"{name}\"\nkind = \"phoneblock\"\nurl = \"{base}\"\ntimeout_ms = {timeout_ms}\nuser_env = \"PB_USER\"\npassword_env = \"PB_PASS\"\n"
    )
}

/// Every rendering of a report and of its evidence in both languages.
pub fn renderings(report: &numrep_online::SourceReport) -> Vec<String> {
    let mut out = vec![
        format!("{report:?}"),
        serde_json::to_string(report).expect("report serializes"),
    ];
    for lang in [numrep::Lang::En, numrep::Lang::De] {
        let evidence = report.to_evidence();
        out.push(format!("{evidence:?}"));
        out.push(serde_json::to_string(&evidence.json(lang)).expect("evidence serializes"));
        out.extend(evidence.error_message(lang).map(|m| m.to_string()));
    }
    if let Some(problem) = &report.error {
        out.push(problem.to_string());
        out.push(problem.message(numrep::Lang::De).to_string());
    }
    out
}

/// Builds an engine from a TOML text with [`test_env`].
pub fn engine(toml: &str) -> numrep_online::Engine {
    let config = numrep_online::Config::from_toml(toml).expect("test config parses");
    numrep_online::Engine::from_config_with_env(&config, test_env).expect("test config is valid")
}
