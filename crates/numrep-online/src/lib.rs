//! # numrep-online
//!
//! Asks online phone-number reputation services (tellows, PhoneBlock, and any
//! JSON-over-HTTP service) about a number, in parallel under one deadline,
//! with a bounded TTL cache and a per-source circuit breaker. The same code
//! builds for native targets and `wasm32-unknown-unknown`.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use numrep_online::{Config, Engine};
//! let config = Config::from_toml(&std::fs::read_to_string("numrep.toml")?)?;
//! let engine = Engine::from_config(&config)?;
//! for report in engine.lookup("+4930123456").await? {
//!     println!("{}: {:?} {:?}", report.name, report.status, report.reputation.map(|r| r.verdict));
//! }
//! # Ok(()) }
//! ```
//!
//! Numbers go in as E.164 strings; results are plain serde structs
//! ([`SourceReport`], [`Reputation`]). The configuration keys are documented
//! in [`config`]; each adapter's request, authentication and verdict rules in
//! its module under [`sources`].
//!
//! One failing source never fails the lookup: each report has its own status
//! (`ok`, `not_found`, `timeout`, `error`, `config_error`, `skipped`), and a
//! source whose credential variable is not set reports `config_error` while the
//! others are asked. Problems are [`SourceProblem`]s: a stable code plus the
//! values a sentence needs, in German or English ([`SourceProblem::message`]).
//!
//! Safety rules: https only (plain http only to loopback hosts); redirects are
//! never followed; bodies are capped ([`DEFAULT_MAX_BODY`]); credentials
//! come only from environment variables and never show in `Debug` output or
//! error messages; this crate logs nothing. Nothing a request carried (number,
//! key, query) comes back in a report, even from a service that echoes the
//! request; error texts hold no URL, query or full number
//! ([`mask`] for callers that log). A `Retry-After` is honoured.
//! Nothing is sent anywhere unless a source is configured.
//!
//! A service without an adapter is a [`Source`] of your own, added with
//! [`Engine::add_source`]: it sends a [`Request`] (the same safety rules and
//! redaction as the built-in adapters) and parses the body with the request's
//! [`Redactor`].

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![warn(unnameable_types)]
#![warn(missing_debug_implementations)]

mod backoff;
mod build;
mod cache;
pub mod config;
mod engine;
mod error;
mod evidence;
mod http;
mod number;
mod redact;
mod reputation;
mod request;
mod retry_after;
mod secret;
pub mod sources;
mod time;
mod url_policy;

pub use backoff::BackoffPolicy;
pub use config::Config;
pub use engine::{Engine, EngineOptions, SourceReport, SourceStatus};
pub use error::{
    BadAnswer, ConfigError, NetworkStage, PauseReason, ProblemText, SourceProblem, TimeLimit,
};
pub use http::{HttpClient, DEFAULT_MAX_BODY};
pub use number::mask;
pub use redact::{Redactor, EXCERPT_CHARS};
pub use reputation::{Reputation, ReputationVerdict};
pub use request::Request;
/// The URL type of [`Tellows::new`](sources::tellows::Tellows::new) and the other
/// adapters' constructors (the `url` crate's, as `reqwest` re-exports it).
pub use reqwest::Url;
pub use secret::Secret;
pub use sources::{Answer, BoxFuture, Source, SourceKind};

/// Not part of the API (no semver promise): the entry points of the fuzz targets and
/// the benchmarks, which test the parsers and the redaction from outside the crate.
#[doc(hidden)]
pub mod internals {
    pub use crate::reputation::{MAX_LIST_ENTRIES, MAX_TEXT_CHARS};
    pub use crate::retry_after::seconds_to_wait;
}

/// The README's examples, compiled as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
