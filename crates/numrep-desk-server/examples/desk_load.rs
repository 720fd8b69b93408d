//! Load generator for the complaint desk, on loopback only (BENCHMARKS.md).
//!
//! ```sh
//! # complaint posts: 64 connections for 20 s against a running `numrep serve`
//! cargo run --release -p numrep-desk-server --example desk_load -- post http://127.0.0.1:8080 64 20
//! # … at a fixed rate of 2,000/s spread over 64 connections (open loop: latency is
//! # counted from each request's scheduled time, so a stall is not hidden)
//! cargo run --release -p numrep-desk-server --example desk_load -- post http://127.0.0.1:8080 64 20 2000
//! # number lookups with stats (numbers from the seeded pool)
//! cargo run --release -p numrep-desk-server --example desk_load -- lookup http://127.0.0.1:8080 16 20
//! # write 1,000,000 complaints straight into a database (no server), for the lookup run
//! cargo run --release -p numrep-desk-server --example desk_load -- seed sqlite:///tmp/desk.db 1000000
//! ```
//!
//! Numbers come from a fixed pool of 200,000 German mobile numbers
//! (+49 151 2xxxxxxx), so seeded complaints average 5 per number and 500 per range.

use std::sync::Arc;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use numrep_desk::{Category, Keys, NewComplaint, DAY};
use numrep_desk_server::open_store;
use tokio::sync::Mutex;

const POOL: u64 = 200_000;

/// A small deterministic generator (xorshift), so runs are repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn number(i: u64) -> String {
    format!("+491512{:07}", i % POOL * 37 % 10_000_000)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    match args.first().map(String::as_str) {
        Some("seed") => runtime.block_on(seed(&args[1], args[2].parse().unwrap())),
        Some(mode @ ("post" | "lookup")) => {
            let base = &args[1];
            assert!(
                base.starts_with("http://127.0.0.1:") || base.starts_with("http://localhost:"),
                "loopback only"
            );
            let connections: usize = args[2].parse().unwrap();
            let seconds: u64 = args[3].parse().unwrap();
            let rate: Option<f64> = args.get(4).map(|r| r.parse().unwrap());
            runtime.block_on(load(mode == "post", base, connections, seconds, rate));
        }
        _ => eprintln!(
            "usage: desk_load seed DB_URL COUNT | post|lookup URL CONNECTIONS SECONDS [RATE]"
        ),
    }
}

async fn seed(url: &str, count: u64) {
    let store = open_store(url).await.expect("open");
    let now = numrep_desk::Clock::now(&numrep_desk::SystemClock);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let start = Instant::now();
    let mut done = 0;
    while done < count {
        let batch: Vec<NewComplaint> = (0..1000.min(count - done))
            .map(|_| {
                let n = rng.next();
                NewComplaint {
                    keys: Keys::new(&number(n), None),
                    category: Category::ALL[(n % 8) as usize],
                    region: None,
                    claimed_company: None,
                    customer_hash: Some(format!("{:032x}", rng.next() % 500_000)),
                    note: None,
                    call_time: None,
                    received_at: now - (rng.next() % (180 * DAY as u64)) as i64,
                    idempotency_key: None,
                }
            })
            .collect();
        store.record(&batch, &[]).await.expect("record");
        done += batch.len() as u64;
        if done % 100_000 == 0 {
            eprintln!("seeded {done} in {:.0} s", start.elapsed().as_secs_f64());
        }
    }
    println!(
        "seeded {count} complaints in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

async fn load(post: bool, base: &str, connections: usize, seconds: u64, rate: Option<f64>) {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(connections)
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let latencies = Arc::new(Mutex::new(Histogram::<u64>::new(3).unwrap()));
    let errors = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let until = Instant::now() + Duration::from_secs(seconds);
    let start = Instant::now();
    let tasks: Vec<_> = (0..connections)
        .map(|c| {
            let (http, base, latencies, errors) = (
                http.clone(),
                base.to_string(),
                latencies.clone(),
                errors.clone(),
            );
            tokio::spawn(async move {
                let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ ((c as u64 + 1) * 0x9e37_79b9));
                let mut local = Histogram::<u64>::new(3).unwrap();
                // With a rate, each connection sends on a fixed schedule.
                let every = rate.map(|r| Duration::from_secs_f64(connections as f64 / r));
                let mut due = start
                    + every.map_or(Duration::ZERO, |e| e.mul_f64(c as f64 / connections as f64));
                while Instant::now() < until {
                    let n = rng.next();
                    if every.is_some() {
                        tokio::time::sleep_until(tokio::time::Instant::from_std(due)).await;
                    }
                    let sent = if every.is_some() { due } else { Instant::now() };
                    due += every.unwrap_or(Duration::ZERO);
                    let request = if post {
                        http.post(format!("{base}/api/v1/complaints"))
                            .json(&serde_json::json!({
                                "number": number(n),
                                "category": Category::ALL[(n % 8) as usize],
                                "customer_ref": format!("K-{}", rng.next() % 500_000),
                            }))
                    } else {
                        http.get(format!(
                            "{base}/api/v1/numbers/{}",
                            number(n).replace('+', "%2B")
                        ))
                    };
                    let ok = match request.send().await {
                        Ok(r) => {
                            let status = r.status().as_u16();
                            r.bytes().await.is_ok() && (status == 200 || status == 201)
                        }
                        Err(_) => false,
                    };
                    if ok {
                        local.record(sent.elapsed().as_micros() as u64).unwrap();
                    } else {
                        errors.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    }
                }
                latencies.lock().await.add(local).unwrap();
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    let elapsed = start.elapsed().as_secs_f64();
    let h = latencies.lock().await;
    println!(
        "{}{} {} requests in {:.1} s = {:.0}/s over {} connections; errors {}; latency ms p50 {:.2} p90 {:.2} p99 {:.2} p99.9 {:.2} max {:.2}",
        if post { "POST /api/v1/complaints:" } else { "GET /api/v1/numbers/{n}:" },
        rate.map_or(String::new(), |r| format!(" offered {r:.0}/s,")),
        h.len(),
        elapsed,
        h.len() as f64 / elapsed,
        connections,
        errors.load(std::sync::atomic::Ordering::Relaxed),
        h.value_at_quantile(0.5) as f64 / 1000.0,
        h.value_at_quantile(0.9) as f64 / 1000.0,
        h.value_at_quantile(0.99) as f64 / 1000.0,
        h.value_at_quantile(0.999) as f64 / 1000.0,
        h.max() as f64 / 1000.0,
    );
}
