//! What agents do: record a complaint, look a number up with its counts, read
//! the active alerts.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use numrep_desk::{day_of, Intake, Outcome};
use serde::Deserialize;
use serde_json::{json, Value};

use super::body::{json_body, limit};
use super::{Agent, State as AppState};
use crate::error::ApiError;

/// `POST /api/v1/complaints`.
pub async fn post_complaint(
    _: Agent,
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = json_body(&headers, body)?;
    let input = Intake::parse_json(&body)?;
    let key = match headers.get("idempotency-key") {
        Some(v) => Some(v.to_str().map_err(|_| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_idempotency_key",
                "Idempotency-Key must be visible ASCII",
            )
        })?),
        None => None,
    };
    let complaint = state.intake.validate(input, state.clock.now(), key)?;
    let recorded = match state.recorder.record(complaint).await? {
        Outcome::Recorded(r) => r,
        Outcome::KeyReused => {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                "this Idempotency-Key was used for a different complaint",
            ))
        }
    };
    let body = json!({
        "id": recorded.id,
        "e164": recorded.e164,
        "stats": recorded.stats,
        "alerts": recorded.alerts,
        "replayed": recorded.replayed,
    });
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if recorded.replayed {
        response.headers_mut().insert(
            HeaderName::from_static("idempotent-replayed"),
            HeaderValue::from_static("true"),
        );
    }
    Ok(response)
}

/// Query of `GET /api/v1/numbers/{number}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberQuery {
    region: Option<String>,
}

/// `GET /api/v1/numbers/{number}`: the lookup report plus the counts.
pub async fn number(
    _: Agent,
    State(state): State<AppState>,
    Path(number): Path<String>,
    query: Result<Query<NumberQuery>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(query) = query.map_err(|e| ApiError::bad_query(e.body_text()))?;
    let now = state.clock.now();
    let keys = state.intake.keys(&number, query.region.as_deref(), now)?;
    // With another region the number was read for it; the report reads the E.164 form.
    let shown = if query.region.is_some() {
        &keys.number
    } else {
        &number
    };
    let report = state.intake.checker().check(shown, day_of(now));
    let view = state.store.number_view(&keys, now).await?;
    let mut value = serde_json::to_value(&report).unwrap_or_else(|_| json!({}));
    if let (Value::Object(out), Ok(Value::Object(extra))) =
        (&mut value, serde_json::to_value(&view))
    {
        out.extend(extra);
    }
    Ok(Json(value))
}

/// Query of `GET /api/v1/alerts`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertsQuery {
    limit: Option<u32>,
}

/// `GET /api/v1/alerts`: active alerts, newest first.
pub async fn alerts(
    _: Agent,
    State(state): State<AppState>,
    query: Result<Query<AlertsQuery>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(query) = query.map_err(|e| ApiError::bad_query(e.body_text()))?;
    let max = limit(query.limit, 100, 1000)?;
    let alerts = state.store.alerts(state.clock.now(), max).await?;
    Ok(Json(json!({ "alerts": alerts })))
}
