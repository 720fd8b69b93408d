//! The [`Source`] abstraction and the adapters for each service.
//!
//! Every adapter has a pure `parse_response(bytes, redactor)` function (fuzzed
//! and unit-tested without HTTP) and a type implementing [`Source`] that builds
//! the request and hands it to the crate's `fetch`, which sends it through the shared
//! [`HttpClient`], parses, and keeps what the request carried out of the result.

pub mod http_json;
mod json_text;
pub mod phoneblock;
pub mod tellows;
mod unconfigured;

pub(crate) use unconfigured::Unconfigured;

use crate::error::{BadAnswer, SourceProblem};
use crate::http::{HttpClient, RequestHeader};
use crate::number::E164;
use crate::redact::Redactor;
use crate::reputation::Reputation;
use crate::secret::Secret;
use reqwest::Url;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::pin::Pin;

/// A boxed future that is `Send` on native targets and not on wasm32 (where
/// reqwest's futures are not `Send`).
#[cfg(not(target_arch = "wasm32"))]
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;
/// A boxed future that is `Send` on native targets and not on wasm32 (where
/// reqwest's futures are not `Send`).
#[cfg(target_arch = "wasm32")]
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// `Send + Sync` on native, nothing on wasm32: the bound a [`Source`] needs.
#[cfg(not(target_arch = "wasm32"))]
pub trait MaybeSendSync: Send + Sync {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Send + Sync> MaybeSendSync for T {}
/// `Send + Sync` on native, nothing on wasm32: the bound a [`Source`] needs.
#[cfg(target_arch = "wasm32")]
pub trait MaybeSendSync {}
#[cfg(target_arch = "wasm32")]
impl<T> MaybeSendSync for T {}

/// Which adapter a source uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SourceKind {
    /// tellows partner API.
    Tellows,
    /// PhoneBlock community blocklist API.
    Phoneblock,
    /// A configurable JSON-over-HTTP service (e.g. an in-house complaint database).
    HttpJson,
}

impl SourceKind {
    /// Every kind, in documentation order.
    pub const ALL: [SourceKind; 3] = [
        SourceKind::Tellows,
        SourceKind::Phoneblock,
        SourceKind::HttpJson,
    ];

    /// The name used in the config and in JSON (`"tellows"`, `"phoneblock"`, `"http_json"`).
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Tellows => "tellows",
            SourceKind::Phoneblock => "phoneblock",
            SourceKind::HttpJson => "http_json",
        }
    }

    /// The kind named `name` in a config, if any.
    pub fn from_name(name: &str) -> Option<SourceKind> {
        match name {
            "tellows" => Some(SourceKind::Tellows),
            "phoneblock" => Some(SourceKind::Phoneblock),
            "http_json" => Some(SourceKind::HttpJson),
            _ => None,
        }
    }
}

/// What a source answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// It knows the number.
    Found(Reputation),
    /// It says it does not know the number (e.g. HTTP 404 from an `http_json`
    /// service): reported as `not_found`, cached like an answer.
    NotFound,
}

/// One online reputation service.
///
/// `query` gets a validated E.164 number (`"+4930123456"`) and must not log it;
/// timeouts, caching and backoff are the engine's job, not the source's. Every
/// text in its result that came from the service must have passed a
/// redactor for the request (the built-in adapters use the crate's `fetch`).
pub trait Source: MaybeSendSync {
    /// The configured name (unique within an engine).
    fn name(&self) -> &str;

    /// The adapter kind.
    fn kind(&self) -> SourceKind;

    /// Whether this source can answer for `e164` at all (e.g. a country
    /// restriction); `false` makes the engine report `skipped`. Default: yes.
    fn applies_to(&self, e164: &str) -> bool {
        let _ = e164;
        true
    }

    /// Asks the service about `e164` through `client`.
    fn query<'a>(
        &'a self,
        e164: &'a str,
        client: &'a HttpClient,
    ) -> BoxFuture<'a, Result<Answer, SourceProblem>>;
}

/// One request: where, with which headers, and the raw credentials it carries in
/// an encoded form (so an echo of them can be recognised).
pub(crate) struct Request<'a> {
    pub number: &'a E164,
    pub url: Url,
    pub headers: Vec<RequestHeader>,
    pub secrets: Vec<&'a Secret>,
}

/// Sends `request`, parses a 2xx body with `parse`, and removes from the result
/// and from any problem everything the request carried (see [`Redactor`]).
pub(crate) async fn fetch(
    client: &HttpClient,
    request: Request<'_>,
    parse: impl FnOnce(&[u8], &Redactor) -> Result<Reputation, BadAnswer>,
) -> Result<Reputation, SourceProblem> {
    let redactor = Redactor::for_request(
        request.number,
        &request.url,
        &request.headers,
        &request.secrets,
    );
    let response = client
        .get(&request.url, &request.headers)
        .await
        .map_err(|problem| redactor.problem(problem))?;
    parse(&response.body, &redactor).map_err(|bad| redactor.problem(SourceProblem::Parse(bad)))
}

/// Whether a source limited to `prefixes` (E.164 prefixes such as `+49`; none = all)
/// serves `e164`.
pub(crate) fn serves(prefixes: &[String], e164: &str) -> bool {
    prefixes.is_empty() || prefixes.iter().any(|p| e164.starts_with(p.as_str()))
}
