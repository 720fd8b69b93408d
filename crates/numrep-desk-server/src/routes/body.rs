//! Request bodies and query values: JSON only, at most 16 KiB, and times
//! written as windows (`48h`) or timestamps.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::{header, HeaderMap, StatusCode};
use numrep_desk::{parse_timestamp, parse_window, Millis};

use super::MAX_BODY;
use crate::error::ApiError;

/// The body of a JSON request, or the error answer for it.
pub fn json_body(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Bytes, ApiError> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                format!("the body is larger than {MAX_BODY} bytes; nothing was stored"),
            )
        } else {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "unreadable_body",
                rejection.body_text(),
            )
        }
    })?;
    if !is_json {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the body as Content-Type: application/json",
        ));
    }
    Ok(body)
}

/// A `since` value: a window back from `now` (`48h`, `7d`) or a timestamp.
pub fn since(text: &str, now: Millis) -> Result<Millis, ApiError> {
    if let Ok(window) = parse_window(text) {
        return Ok(now - window);
    }
    parse_timestamp(text).map_err(|_| {
        ApiError::bad_query(
            "since must be a window like 48h or 7d, epoch milliseconds or an RFC 3339 time",
        )
    })
}

/// A `limit` value within `1..=max` (default `default`).
pub fn limit(value: Option<u32>, default: u32, max: u32) -> Result<u32, ApiError> {
    match value {
        None => Ok(default),
        Some(n) if (1..=max).contains(&n) => Ok(n),
        Some(_) => Err(ApiError::bad_query(format!(
            "limit must lie between 1 and {max}"
        ))),
    }
}
