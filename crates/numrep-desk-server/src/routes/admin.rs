//! What admins do: page through complaints, delete one, erase a customer,
//! export everything as CSV.

use axum::body::{Body, Bytes};
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use numrep_desk::{Complaint, ListFilter};
use serde::Deserialize;
use serde_json::{json, Value};

use super::body::{json_body, limit, since};
use super::{Admin, State as AppState};
use crate::error::ApiError;

/// Query of `GET /api/v1/complaints`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    number: Option<String>,
    since: Option<String>,
    before: Option<i64>,
    limit: Option<u32>,
}

/// `GET /api/v1/complaints?number=&since=&before=&limit=`: newest first; the
/// answer's `next_before` fetches the next page.
pub async fn list(
    _: Admin,
    State(state): State<AppState>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(q) = query.map_err(|e| ApiError::bad_query(e.body_text()))?;
    let now = state.clock.now();
    let e164 = match &q.number {
        Some(n) => Some(state.intake.keys(n, None, now)?.number),
        None => None,
    };
    let filter = ListFilter {
        e164,
        since: q.since.as_deref().map(|s| since(s, now)).transpose()?,
        before_id: q.before,
        limit: limit(q.limit, 100, 1000)?,
    };
    let complaints = state.store.list(&filter).await?;
    let next = (complaints.len() == filter.limit as usize)
        .then(|| complaints.last().map(|c| c.id))
        .flatten();
    Ok(Json(
        json!({ "complaints": complaints, "next_before": next }),
    ))
}

/// `DELETE /api/v1/complaints/{id}`.
pub async fn delete(
    _: Admin,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id: i64 = id.parse().map_err(|_| ApiError::not_found("complaint"))?;
    if state.store.delete(id).await? {
        tracing::info!(id, "complaint deleted by an admin");
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found("complaint"))
    }
}

/// Body of `POST /api/v1/erasure`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Erasure {
    customer_ref: String,
}

/// `POST /api/v1/erasure` `{customer_ref}`: deletes every complaint of that
/// customer (right to erasure).
pub async fn erase(
    _: Admin,
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Value>, ApiError> {
    let body = json_body(&headers, body)?;
    let erasure: Erasure = serde_json::from_slice(&body).map_err(|e| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
            e.to_string(),
        )
    })?;
    if erasure.customer_ref.trim().is_empty() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
            "customer_ref is empty",
        ));
    }
    let hash = state.intake.hasher().hash(&erasure.customer_ref);
    let deleted = state.store.erase_customer(&hash).await?;
    tracing::info!(deleted, "customer erased by an admin");
    Ok(Json(json!({ "deleted": deleted })))
}

/// Query of the export.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportQuery {
    since: Option<String>,
}

/// Rows per page of the export.
const EXPORT_PAGE: u32 = 1000;

/// The export's columns.
const EXPORT_HEADER: [&str; 11] = [
    "id",
    "e164",
    "range",
    "vendor",
    "category",
    "region",
    "claimed_company",
    "customer_hash",
    "note",
    "call_time",
    "received_at",
];

/// `GET /api/v1/complaints/export?since=`: every complaint as CSV, newest first,
/// streamed page by page.
pub async fn export(
    _: Admin,
    State(state): State<AppState>,
    query: Result<Query<ExportQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(q) = query.map_err(|e| ApiError::bad_query(e.body_text()))?;
    let now = state.clock.now();
    let from = q.since.as_deref().map(|s| since(s, now)).transpose()?;
    let header_row = csv_rows(&[], true);
    let pages = futures_util::stream::unfold(Some(None), move |cursor: Option<Option<i64>>| {
        let state = state.clone();
        async move {
            let before_id = cursor?;
            let filter = ListFilter {
                e164: None,
                since: from,
                before_id,
                limit: EXPORT_PAGE,
            };
            match state.store.list(&filter).await {
                Ok(page) => {
                    let next =
                        (page.len() == EXPORT_PAGE as usize).then(|| page.last().map(|c| c.id));
                    Some((
                        Ok::<_, std::io::Error>(Bytes::from(csv_rows(&page, false))),
                        next,
                    ))
                }
                Err(e) => {
                    tracing::error!(error = %e, "export stopped");
                    Some((Err(std::io::Error::other("export failed")), None))
                }
            }
        }
    });
    let body = futures_util::stream::iter([Ok(Bytes::from(header_row))]).chain_pages(pages);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"complaints.csv\"",
            ),
        ],
        Body::from_stream(body),
    )
        .into_response())
}

/// Chains the header chunk before the pages.
trait ChainPages: futures_util::Stream + Sized {
    fn chain_pages<S: futures_util::Stream<Item = Self::Item>>(
        self,
        pages: S,
    ) -> futures_util::stream::Chain<Self, S> {
        futures_util::StreamExt::chain(self, pages)
    }
}

impl<T: futures_util::Stream> ChainPages for T {}

/// CSV text for `page` (or only the header).
fn csv_rows(page: &[Complaint], header: bool) -> Vec<u8> {
    let mut out = csv::Writer::from_writer(Vec::new());
    if header {
        let _ = out.write_record(EXPORT_HEADER);
    }
    for c in page {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let _ = out.write_record([
            c.id.to_string(),
            c.e164.clone(),
            c.range.clone(),
            opt(&c.vendor),
            c.category.as_str().to_string(),
            opt(&c.region),
            opt(&c.claimed_company),
            opt(&c.customer_hash),
            opt(&c.note),
            c.call_time.map(|t| t.to_string()).unwrap_or_default(),
            c.received_at.to_string(),
        ]);
    }
    out.into_inner().unwrap_or_default()
}
