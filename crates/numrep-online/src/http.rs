//! The one HTTP client all sources share, with this crate's safety rules:
//! URL policy ([`crate::url_policy`]), no redirects, capped bodies, no proxies,
//! and problems that hold no URL (which holds numbers and keys) and no text of
//! the underlying error. A `Retry-After` on an error answer is read into the
//! problem ([`SourceProblem::retry_after_s`]).

use crate::error::{ConfigError, NetworkStage, SourceProblem};
use crate::retry_after;
use crate::secret::Secret;
use crate::url_policy::{check_url, same_origin};
use futures_util::StreamExt;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, RETRY_AFTER};
use reqwest::{StatusCode, Url};

/// Parses a URL; a text that is none is not allowed as one.
pub(crate) fn parse_url(text: &str) -> Result<Url, SourceProblem> {
    Url::parse(text).map_err(|_| SourceProblem::InsecureUrl)
}

/// Default cap on a response body: 256 KiB.
pub const DEFAULT_MAX_BODY: usize = 256 * 1024;

/// A reqwest client set up for reputation lookups.
///
/// Native: redirects are never followed (a 3xx is the error `redirect`), system
/// proxies are ignored, TLS is rustls. wasm32: the browser follows redirects
/// itself, so a response whose final URL has another origin than the request is
/// refused with `redirect`.
#[derive(Debug, Clone)]
pub struct HttpClient {
    inner: reqwest::Client,
    max_body: usize,
}

/// One header to send, with a value that may be secret.
#[derive(Debug, Clone)]
pub(crate) struct RequestHeader {
    /// The header's name.
    pub name: HeaderName,
    /// The header's value; sent marked as sensitive.
    pub value: Secret,
}

impl RequestHeader {
    /// `name: value`, or [`SourceProblem::BadCredential`] (without a variable name)
    /// when either holds characters HTTP does not allow in a header.
    pub(crate) fn checked(name: &str, value: Secret) -> Result<RequestHeader, SourceProblem> {
        let name = HeaderName::from_bytes(name.as_bytes())
            .ok()
            .filter(|_| HeaderValue::from_str(value.expose()).is_ok())
            .ok_or(SourceProblem::BadCredential { var: None })?;
        Ok(RequestHeader { name, value })
    }
}

impl HttpClient {
    /// A client with the default body cap.
    pub fn new() -> Result<HttpClient, ConfigError> {
        HttpClient::with_max_body(DEFAULT_MAX_BODY)
    }

    /// A client whose response bodies are capped at `max_body` bytes.
    pub fn with_max_body(max_body: usize) -> Result<HttpClient, ConfigError> {
        let inner = build_client().map_err(|e| ConfigError::Client(e.to_string()))?;
        Ok(HttpClient { inner, max_body })
    }

    /// The body cap in bytes.
    pub fn max_body(&self) -> usize {
        self.max_body
    }

    /// `GET url` with `headers`; returns the body of a 2xx answer, or a problem
    /// that says what went wrong. Enforces the URL policy and body cap. A
    /// redirect's host is the only text from the service in a problem; callers
    /// redact it ([`crate::redact::Redactor::problem`]); sources send a
    /// [`Request`](crate::Request), which does.
    pub(crate) async fn get(
        &self,
        url: &Url,
        headers: &[RequestHeader],
    ) -> Result<Vec<u8>, SourceProblem> {
        check_url(url).map_err(|_| SourceProblem::InsecureUrl)?;
        let mut request = self
            .inner
            .get(url.clone())
            .header("accept", "application/json, text/html;q=0.5, */*;q=0.1");
        for h in headers {
            let mut value = HeaderValue::from_str(h.value.expose())
                .map_err(|_| SourceProblem::BadCredential { var: None })?;
            value.set_sensitive(true);
            request = request.header(h.name.clone(), value);
        }
        let response = request.send().await.map_err(|e| network_problem(&e))?;
        if !same_origin(url, response.url()) {
            return Err(SourceProblem::Redirect {
                status: None,
                host: host_of(response.url()),
            });
        }
        let status = response.status();
        if status.is_redirection() {
            let target = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .and_then(|loc| url.join(loc).ok());
            return Err(SourceProblem::Redirect {
                status: Some(status.as_u16()),
                host: target.as_ref().and_then(host_of),
            });
        }
        if !status.is_success() {
            return Err(status_problem(status, response.headers()));
        }
        if let Some(len) = response.content_length() {
            if len > self.max_body as u64 {
                return Err(too_large(self.max_body));
            }
        }
        self.read_capped(response).await
    }

    async fn read_capped(&self, response: reqwest::Response) -> Result<Vec<u8>, SourceProblem> {
        let mut body = Vec::new();
        let mut stream = response.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| network_problem(&e))?;
            if body.len() + chunk.len() > self.max_body {
                return Err(too_large(self.max_body));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn build_client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .user_agent(concat!("numrep-online/", env!("CARGO_PKG_VERSION")))
        .build()
}

#[cfg(target_arch = "wasm32")]
fn build_client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().build()
}

fn too_large(cap: usize) -> SourceProblem {
    SourceProblem::BodyTooLarge {
        max_kib: (cap / 1024) as u64,
    }
}

/// The problem for a non-success, non-redirect status, with `Retry-After` read.
fn status_problem(status: StatusCode, headers: &HeaderMap) -> SourceProblem {
    let retry_after_s = headers
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(retry_after::wait_from_now)
        .map(|wait| wait.as_secs());
    match status.as_u16() {
        401 | 403 => SourceProblem::Auth {
            status: status.as_u16(),
        },
        429 => SourceProblem::RateLimited { retry_after_s },
        other => SourceProblem::HttpStatus {
            status: other,
            retry_after_s,
        },
    }
}

/// The URL's host (and port), without scheme, path or query.
fn host_of(url: &Url) -> Option<String> {
    match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => Some(format!("{host}:{port}")),
        (Some(host), None) => Some(host.to_string()),
        _ => None,
    }
}

/// Where a reqwest error happened; its text (which holds the URL) is dropped.
fn network_problem(err: &reqwest::Error) -> SourceProblem {
    let stage = if is_connect(err) {
        NetworkStage::Connect
    } else if err.is_body() || err.is_decode() || err.is_timeout() {
        NetworkStage::Receive
    } else {
        NetworkStage::Send
    };
    SourceProblem::Network { stage }
}

#[cfg(not(target_arch = "wasm32"))]
fn is_connect(err: &reqwest::Error) -> bool {
    err.is_connect()
}

#[cfg(target_arch = "wasm32")]
fn is_connect(_err: &reqwest::Error) -> bool {
    false
}
