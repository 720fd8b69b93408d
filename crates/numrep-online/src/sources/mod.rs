//! The [`Source`] abstraction and the adapters for each service.
//!
//! Every adapter has a pure `parse_response(bytes, redactor)` function (fuzzed
//! and unit-tested without HTTP) and a type implementing [`Source`] that sends a
//! [`Request`](crate::Request) through the shared [`HttpClient`]; the request has
//! the answer parsed and keeps what it carried out of the result. A source
//! written outside this crate does the same.

pub mod http_json;
mod json_text;
pub mod phoneblock;
pub mod tellows;
mod unconfigured;

pub(crate) use unconfigured::Unconfigured;

use crate::error::SourceProblem;
use crate::http::HttpClient;
use crate::reputation::Reputation;
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
    /// A source implemented outside this crate and added with
    /// [`Engine::add_source`](crate::Engine::add_source); no configuration names it.
    Custom,
}

impl SourceKind {
    /// Every kind a configuration can name, in documentation order.
    pub const ALL: [SourceKind; 3] = [
        SourceKind::Tellows,
        SourceKind::Phoneblock,
        SourceKind::HttpJson,
    ];

    /// The name used in the config and in JSON (`"tellows"`, `"phoneblock"`,
    /// `"http_json"`, `"custom"`).
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Tellows => "tellows",
            SourceKind::Phoneblock => "phoneblock",
            SourceKind::HttpJson => "http_json",
            SourceKind::Custom => "custom",
        }
    }

    /// The kind named `name` in a config, if any (never [`SourceKind::Custom`]).
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
/// timeouts, caching and backoff are the engine's job, not the source's. Nothing
/// the request carried may come back in its result: sending it as a
/// [`Request`](crate::Request), as the built-in adapters do, sees to that.
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

/// Whether a source limited to `prefixes` (E.164 prefixes such as `+49`; none = all)
/// serves `e164`.
pub(crate) fn serves(prefixes: &[String], e164: &str) -> bool {
    prefixes.is_empty() || prefixes.iter().any(|p| e164.starts_with(p.as_str()))
}
