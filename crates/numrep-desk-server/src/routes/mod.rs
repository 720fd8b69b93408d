//! The routes, their shared state, authentication extractors, and the layers
//! around them (CORS, body limit, metrics).

mod admin;
mod agent;
mod body;
mod ops;

use std::path::Path;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{middleware, Router};
use numrep_desk::{Clock, Intake, Role, Store};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::ServeDir;

use crate::auth::{Denied, Tokens};
use crate::error::ApiError;
use crate::metrics;
use crate::recorder::Recorder;

/// The largest request body accepted.
pub const MAX_BODY: usize = 16 * 1024;

/// What every handler can reach.
pub struct AppState {
    /// The complaint store.
    pub store: Arc<dyn Store>,
    /// The group-commit writer.
    pub recorder: Recorder,
    /// Validation.
    pub intake: Intake,
    /// Bearer tokens.
    pub tokens: Tokens,
    /// Now.
    pub clock: Arc<dyn Clock>,
}

type State = Arc<AppState>;

/// The whole application.
pub fn router(state: State, cors: Option<CorsLayer>, www: Option<&Path>) -> Router {
    let api = Router::new()
        .route(
            "/api/v1/complaints",
            post(agent::post_complaint).get(admin::list),
        )
        .route("/api/v1/complaints/export", get(admin::export))
        .route("/api/v1/complaints/{id}", delete(admin::delete))
        .route("/api/v1/erasure", post(admin::erase))
        .route("/api/v1/numbers/{number}", get(agent::number))
        .route("/api/v1/alerts", get(agent::alerts))
        .route("/healthz", get(ops::health))
        .route("/metrics", get(ops::metrics))
        .method_not_allowed_fallback(ops::method_not_allowed);
    let api = match www {
        Some(dir) => api.fallback_service(ServeDir::new(dir)),
        None => api.fallback(ops::not_found),
    };
    let mut app = api
        .with_state(state)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn(metrics::track));
    if let Some(cors) = cors {
        app = app.layer(cors);
    }
    app
}

/// CORS for the configured console origins only; none configured, no CORS.
pub fn cors(origins: &[String]) -> Result<Option<CorsLayer>, String> {
    if origins.is_empty() {
        return Ok(None);
    }
    let values = origins
        .iter()
        .map(|o| {
            let o = o.trim_end_matches('/');
            if !(o.starts_with("http://") || o.starts_with("https://")) || o.contains('*') {
                return Err(format!(
                    "cors_origins: {o:?} is not an origin like https://console.example.com"
                ));
            }
            HeaderValue::from_str(o)
                .map_err(|_| format!("cors_origins: {o:?} is not a valid origin"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(values))
            .allow_methods([Method::GET, Method::POST, Method::DELETE])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                header::HeaderName::from_static("idempotency-key"),
            ])
            .max_age(std::time::Duration::from_secs(3600)),
    ))
}

/// A request with an agent's (or admin's) token.
pub struct Agent;

/// A request with an admin's token.
pub struct Admin;

/// A refused request; answers 401 (with `WWW-Authenticate`) or 403.
pub struct Refused(Denied);

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        match self.0 {
            Denied::Unauthenticated => {
                let mut r = ApiError::new(
                    StatusCode::UNAUTHORIZED,
                    "unauthorized",
                    "a valid bearer token is needed (Authorization: Bearer …)",
                )
                .into_response();
                r.headers_mut()
                    .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
                r
            }
            Denied::Forbidden => ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                "this route needs an admin token",
            )
            .into_response(),
        }
    }
}

fn authorize(parts: &Parts, state: &State, role: Role) -> Result<(), Refused> {
    state
        .tokens
        .check(&parts.headers, role)
        .map(|_| ())
        .map_err(Refused)
}

impl FromRequestParts<State> for Agent {
    type Rejection = Refused;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<Self, Refused> {
        authorize(parts, state, Role::Agent).map(|()| Agent)
    }
}

impl FromRequestParts<State> for Admin {
    type Rejection = Refused;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<Self, Refused> {
        authorize(parts, state, Role::Admin).map(|()| Admin)
    }
}
