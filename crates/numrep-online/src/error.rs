//! Error types: one per job (parsing a service answer, asking a source,
//! reading the configuration). Messages never hold secrets or full numbers.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a service's response body could not be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The body holds no JSON object at all.
    #[error("no JSON object in the response")]
    NoJson,
    /// The body holds something that looks like JSON but does not parse.
    #[error("malformed JSON: {0}")]
    Malformed(String),
    /// The JSON parsed but lacks what the adapter needs.
    #[error("unexpected JSON shape: {0}")]
    Shape(String),
}

/// A machine-readable reason for a source's failure, stable across versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// No answer within the source's timeout or the overall deadline.
    Timeout,
    /// The body was longer than the cap.
    BodyTooLarge,
    /// The service answered with a redirect (never followed).
    Redirect,
    /// The service answered with a non-success HTTP status.
    HttpStatus,
    /// The service refused the credentials (HTTP 401/403).
    Auth,
    /// The service asked us to slow down (HTTP 429).
    RateLimited,
    /// Connecting, sending, or receiving failed.
    Network,
    /// The body could not be understood.
    Parse,
    /// The URL is not allowed (plain http to a non-loopback host, …).
    InsecureUrl,
    /// The number cannot be asked at this source (skipped).
    NotApplicable,
    /// The source failed repeatedly and is paused (skipped).
    Backoff,
    /// The number given is not an E.164 string.
    InvalidNumber,
}

impl ErrorCode {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Timeout => "timeout",
            ErrorCode::BodyTooLarge => "body_too_large",
            ErrorCode::Redirect => "redirect",
            ErrorCode::HttpStatus => "http_status",
            ErrorCode::Auth => "auth",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::Network => "network",
            ErrorCode::Parse => "parse",
            ErrorCode::InsecureUrl => "insecure_url",
            ErrorCode::NotApplicable => "not_applicable",
            ErrorCode::Backoff => "backoff",
            ErrorCode::InvalidNumber => "invalid_number",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why asking one source failed: a code plus a message for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{code}: {message}")]
pub struct SourceError {
    /// What kind of failure this is.
    pub code: ErrorCode,
    /// A short description (no secrets, no full numbers).
    pub message: String,
}

impl SourceError {
    /// A new error with the given code and message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        SourceError {
            code,
            message: message.into(),
        }
    }
}

impl From<ParseError> for SourceError {
    fn from(err: ParseError) -> Self {
        SourceError::new(ErrorCode::Parse, err.to_string())
    }
}

/// Why a configuration could not be turned into an engine.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The TOML text does not parse or does not match the schema.
    #[error("config syntax: {0}")]
    Syntax(String),
    /// A source has a `kind` this crate does not know.
    #[error(
        "source `{source_name}`: unknown kind `{kind}` (expected tellows, phoneblock or http_json)"
    )]
    UnknownKind {
        /// The source's name.
        source_name: String,
        /// The kind given.
        kind: String,
    },
    /// An environment variable named in the config is not set (or empty).
    #[error("source `{source_name}`: environment variable `{var}` is not set")]
    MissingEnv {
        /// The source's name.
        source_name: String,
        /// The variable's name.
        var: String,
    },
    /// A source's URL is malformed or not allowed.
    #[error("source `{source_name}`: bad url: {reason}")]
    BadUrl {
        /// The source's name.
        source_name: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Any other invalid or missing setting.
    #[error("source `{source_name}`: {reason}")]
    Invalid {
        /// The source's name (or `"(global)"` for top-level settings).
        source_name: String,
        /// What is wrong.
        reason: String,
    },
    /// The HTTP client could not be built.
    #[error("http client: {0}")]
    Client(String),
}
