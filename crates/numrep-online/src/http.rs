//! The one HTTP client all sources share, with this crate's safety rules:
//! URL policy ([`crate::url_policy`]), no redirects, capped bodies, no proxies,
//! and error messages without URLs (which hold numbers and keys).

use crate::error::{ErrorCode, SourceError};
use crate::secret::Secret;
use crate::url_policy::{check_url, same_origin};
use futures_util::StreamExt;
use reqwest::header::{HeaderName, HeaderValue};
use reqwest::{StatusCode, Url};

/// Parses a URL (re-exported so callers need no `reqwest`/`url` dependency).
pub fn reqwest_url(text: &str) -> Result<Url, SourceError> {
    Url::parse(text).map_err(|e| SourceError::new(ErrorCode::InsecureUrl, format!("bad URL: {e}")))
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

/// A successful (2xx) response with its capped body.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type` header, if any (informational only: services lie).
    pub content_type: Option<String>,
    /// The body, at most the client's cap in bytes.
    pub body: Vec<u8>,
}

/// One header to send, with a value that may be secret.
#[derive(Debug, Clone)]
pub struct RequestHeader {
    /// The header's name.
    pub name: HeaderName,
    /// The header's value; sent marked as sensitive.
    pub value: Secret,
}

impl HttpClient {
    /// A client with the default body cap.
    pub fn new() -> Result<HttpClient, SourceError> {
        HttpClient::with_max_body(DEFAULT_MAX_BODY)
    }

    /// A client whose response bodies are capped at `max_body` bytes.
    pub fn with_max_body(max_body: usize) -> Result<HttpClient, SourceError> {
        let inner = build_client().map_err(|e| {
            SourceError::new(
                ErrorCode::Network,
                format!("cannot build HTTP client: {}", describe(&e)),
            )
        })?;
        Ok(HttpClient { inner, max_body })
    }

    /// The body cap in bytes.
    pub fn max_body(&self) -> usize {
        self.max_body
    }

    /// `GET url` with `headers`; returns the body of a 2xx answer, or an error
    /// whose code says what went wrong. Enforces the URL policy and body cap.
    pub async fn get(
        &self,
        url: &Url,
        headers: &[RequestHeader],
    ) -> Result<HttpResponse, SourceError> {
        check_url(url).map_err(|why| SourceError::new(ErrorCode::InsecureUrl, why))?;
        let mut request = self
            .inner
            .get(url.clone())
            .header("accept", "application/json, text/html;q=0.5, */*;q=0.1");
        for h in headers {
            let mut value = HeaderValue::from_str(h.value.expose()).map_err(|_| {
                SourceError::new(
                    ErrorCode::Auth,
                    format!("header `{}` holds characters not allowed in HTTP", h.name),
                )
            })?;
            value.set_sensitive(true);
            request = request.header(h.name.clone(), value);
        }
        let response = request.send().await.map_err(|e| network_error(&e))?;
        if !same_origin(url, response.url()) {
            return Err(SourceError::new(
                ErrorCode::Redirect,
                format!("redirected to another host ({})", host_of(response.url())),
            ));
        }
        let status = response.status();
        if status.is_redirection() {
            let target = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .and_then(|loc| url.join(loc).ok())
                .map(|u| host_of(&u))
                .unwrap_or_else(|| "unknown host".to_string());
            return Err(SourceError::new(
                ErrorCode::Redirect,
                format!(
                    "HTTP {} redirect to {target} refused (redirects are never followed)",
                    status.as_u16()
                ),
            ));
        }
        if !status.is_success() {
            return Err(status_error(status));
        }
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        if let Some(len) = response.content_length() {
            if len > self.max_body as u64 {
                return Err(too_large(self.max_body));
            }
        }
        let body = self.read_capped(response).await?;
        Ok(HttpResponse {
            status: status.as_u16(),
            content_type,
            body,
        })
    }

    async fn read_capped(&self, response: reqwest::Response) -> Result<Vec<u8>, SourceError> {
        let mut body = Vec::new();
        let mut stream = response.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| network_error(&e))?;
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

fn too_large(cap: usize) -> SourceError {
    SourceError::new(
        ErrorCode::BodyTooLarge,
        format!("response body exceeds {} KiB", cap / 1024),
    )
}

fn status_error(status: StatusCode) -> SourceError {
    let code = match status.as_u16() {
        401 | 403 => ErrorCode::Auth,
        429 => ErrorCode::RateLimited,
        _ => ErrorCode::HttpStatus,
    };
    SourceError::new(code, format!("HTTP {status}"))
}

fn host_of(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_string(),
        _ => "unknown host".to_string(),
    }
}

/// A network error described without its URL (which holds the number and maybe a key).
fn network_error(err: &reqwest::Error) -> SourceError {
    let code = if err.is_timeout() {
        ErrorCode::Timeout
    } else {
        ErrorCode::Network
    };
    SourceError::new(code, describe(err))
}

#[cfg(not(target_arch = "wasm32"))]
fn is_connect(err: &reqwest::Error) -> bool {
    err.is_connect()
}

#[cfg(target_arch = "wasm32")]
fn is_connect(_err: &reqwest::Error) -> bool {
    false
}

/// The error and its causes, URL removed, as one line.
fn describe(err: &reqwest::Error) -> String {
    let mut text = if is_connect(err) {
        "connection failed".to_string()
    } else if err.is_body() || err.is_decode() {
        "reading the response failed".to_string()
    } else if err.is_request() {
        "sending the request failed".to_string()
    } else {
        "request failed".to_string()
    };
    let mut source = std::error::Error::source(err);
    let mut depth = 0;
    while let Some(cause) = source {
        let line = cause.to_string();
        if !line.contains("://") && !text.contains(&line) {
            text.push_str(": ");
            text.push_str(&line);
        }
        source = cause.source();
        depth += 1;
        if depth > 4 {
            break;
        }
    }
    text
}
