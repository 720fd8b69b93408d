//! The complaint desk's HTTP server: axum on tokio over any [`numrep_desk::Store`].
//!
//! API (JSON, versioned under `/api/v1`; see the crate README):
//!
//! | route | role |
//! |---|---|
//! | `POST /api/v1/complaints` | agent |
//! | `GET /api/v1/numbers/{number}` | agent |
//! | `GET /api/v1/alerts` | agent |
//! | `GET /api/v1/complaints` (paged), `DELETE /api/v1/complaints/{id}` | admin |
//! | `POST /api/v1/erasure`, `GET /api/v1/complaints/export` (CSV) | admin |
//! | `GET /healthz`, `GET /metrics` | none |
//!
//! Writes go through one group-commit writer ([`recorder`]): complaints that
//! arrive while a transaction commits share the next one, so every `201` is
//! answered after its commit and many commits share one disk flush.

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![warn(unnameable_types)]
#![warn(missing_debug_implementations)]

mod auth;
mod error;
pub mod logging;
mod metrics;
pub mod recorder;
mod retention;
mod routes;
mod server;
mod store;
mod webhook;

pub use auth::{Caller, Denied, TokenError, Tokens};
pub use error::ApiError;
pub use server::{shutdown_signal, DeskServer, ServerError, Settings};
pub use store::{open_store, DEFAULT_DATABASE_URL};
pub use webhook::Webhook;
