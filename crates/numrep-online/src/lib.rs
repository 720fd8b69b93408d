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
//! Safety rules: https only (plain http only to loopback hosts); redirects are
//! never followed; bodies are capped ([`http::DEFAULT_MAX_BODY`]); credentials
//! come only from environment variables and never show in `Debug` output or
//! error messages; this crate logs nothing, and its error messages hold
//! neither URLs nor full numbers ([`number::mask`] for callers that log).
//! Nothing is sent anywhere unless a source is configured.

#![warn(missing_docs)]

pub mod backoff;
mod build;
pub mod cache;
pub mod config;
pub mod engine;
pub mod error;
mod evidence;
pub mod http;
pub mod number;
pub mod reputation;
pub mod secret;
pub mod sources;
pub mod time;
pub mod url_policy;

pub use config::Config;
pub use engine::{Engine, EngineOptions, SourceReport, Status};
pub use error::{ConfigError, ErrorCode, ParseError, SourceError};
pub use http::HttpClient;
pub use reputation::{Reputation, Verdict};
pub use sources::{BoxFuture, Source, SourceKind};
