//! Prometheus metrics through the `metrics` facade and its Prometheus exporter:
//! complaints recorded and stored, alerts fired, batch sizes, request latencies
//! per route (the route pattern, never the number in the path).

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// Complaints stored by this process.
pub const RECORDED: &str = "numrep_desk_complaints_recorded_total";
/// Complaints in the database (set when scraped).
pub const STORED: &str = "numrep_desk_complaints_stored";
/// Alerts raised, by grouping.
pub const ALERTS: &str = "numrep_desk_alerts_fired_total";
/// Complaints per write transaction.
pub const BATCH: &str = "numrep_desk_write_batch_size";
/// Failed write transactions, by kind.
pub const STORE_ERRORS: &str = "numrep_desk_store_errors_total";
/// HTTP request latency.
pub const LATENCY: &str = "numrep_desk_http_request_duration_seconds";

/// The process-wide recorder (installed on first use; one per process, so
/// several servers in one test process share it).
pub fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let latency = [
            0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
        ];
        let batch = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0];
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(LATENCY.into()), &latency)
            .and_then(|b| b.set_buckets_for_metric(Matcher::Full(BATCH.into()), &batch))
            .expect("non-empty buckets")
            .build_recorder();
        let handle = recorder.handle();
        // Another recorder may be installed already (an embedding program's);
        // then this handle renders only what it recorded, which is nothing.
        let _ = metrics::set_global_recorder(recorder);
        let upkeep = handle.clone();
        std::thread::Builder::new()
            .name("metrics-upkeep".into())
            .spawn(move || loop {
                std::thread::sleep(Duration::from_secs(5));
                upkeep.run_upkeep();
            })
            .expect("spawn the metrics upkeep thread");
        handle
    })
}

/// Middleware: records each request's latency under its route pattern.
pub async fn track(request: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |p| p.as_str().to_string());
    let method = request.method().to_string();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::histogram!(LATENCY, "method" => method, "route" => route, "status" => status)
        .record(start.elapsed().as_secs_f64());
    response
}
