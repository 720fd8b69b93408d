//! Engine benchmarks against real loopback servers:
//! - `cache_hit`: a lookup fully served from the cache (two sources);
//! - `added_latency_over_slowest`: engine total minus the slowest source's
//!   fixed server delay (50 ms), with the cache off (goal: < 5 ms);
//! - `raw_client_over_delay`: the same delay through one `Request` on the bare
//!   `HttpClient` (no engine, the body not parsed), as a baseline for what HTTP
//!   itself costs.

#[path = "../tests/support/mod.rs"]
mod support;

use criterion::{criterion_group, criterion_main, Criterion};
use numrep_online::{Redactor, Reputation, ReputationVerdict, Request, SourceStatus};
use std::time::{Duration, Instant};
use support::{
    engine, phoneblock_source, tellows_source, Reply, TestServer, PHONEBLOCK_FRAUD, TELLOWS_SPAM,
};

const DELAY: Duration = Duration::from_millis(50);

fn benches(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().expect("tokio runtime");
    let (fast, slow) = rt.block_on(async {
        let fast = TestServer::start(Reply::json(PHONEBLOCK_FRAUD)).await;
        let slow =
            TestServer::start(Reply::Delay(DELAY, Box::new(Reply::html(TELLOWS_SPAM)))).await;
        (fast, slow)
    });
    let sources = format!(
        "{}{}",
        phoneblock_source("pb", &fast.base(), 2000),
        tellows_source("tellows", &slow.base(), 2000)
    );

    let cached = engine(&format!("deadline_ms = 3000\n{sources}"));
    let primed = rt.block_on(cached.lookup("+4930123456")).expect("valid");
    assert!(
        primed.iter().all(|r| r.status == SourceStatus::Ok),
        "{primed:?}"
    );
    c.bench_function("cache_hit", |b| {
        b.to_async(&rt).iter(|| async {
            let r = cached.lookup("+4930123456").await.expect("valid");
            debug_assert!(r[0].cached && r[1].cached);
            r
        })
    });

    let uncached = engine(&format!(
        "deadline_ms = 3000\n[cache]\nmax_entries = 0\n{sources}"
    ));
    let mut group = c.benchmark_group("latency");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("added_latency_over_slowest", |b| {
        b.iter_custom(|iters| {
            let mut extra = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let r = rt.block_on(uncached.lookup("+4930123456")).expect("valid");
                extra += start.elapsed().saturating_sub(DELAY);
                assert!(r.iter().all(|r| r.status == SourceStatus::Ok));
            }
            extra
        })
    });
    let client = numrep_online::HttpClient::new().expect("client");
    let url = format!("{}/basic/num/004930123456?json=1", slow.base());
    group.bench_function("raw_client_over_delay", |b| {
        b.iter_custom(|iters| {
            let mut extra = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let request = Request::get("+4930123456", &url).expect("request");
                let unparsed =
                    |_: &[u8], _: &Redactor| Ok(Reputation::new(ReputationVerdict::Unknown));
                rt.block_on(request.send(&client, unparsed))
                    .expect("answer");
                extra += start.elapsed().saturating_sub(DELAY);
            }
            extra
        })
    });
    group.finish();
}

criterion_group!(engine_benches, benches);
criterion_main!(engine_benches);
