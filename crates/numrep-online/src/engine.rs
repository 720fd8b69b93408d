//! The engine: asks all sources in parallel under one deadline, with cache
//! and backoff, and reports each source's outcome. One source failing never
//! fails the lookup.

use crate::backoff::{BackoffPolicy, Breaker};
use crate::cache::Cache;
use crate::error::{ErrorCode, SourceError};
use crate::http::HttpClient;
use crate::number::E164;
use crate::reputation::Reputation;
use crate::sources::{Source, SourceKind};
use crate::time::{elapsed_ms, Instant};
use futures_util::future::{join_all, select, Either};
use serde::{Deserialize, Serialize};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// How a source's part of a lookup ended (the core's type, so the core can weigh it).
pub use numrep::SourceStatus as Status;

/// One source's outcome in a lookup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceReport {
    /// The source's configured name.
    pub name: String,
    /// The source's adapter kind.
    pub kind: SourceKind,
    /// How it ended.
    pub status: Status,
    /// Whether the answer came from the cache (no request was sent).
    pub cached: bool,
    /// Time spent on this source, in milliseconds.
    pub elapsed_ms: u64,
    /// The answer, when `status` is `ok`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reputation: Option<Reputation>,
    /// The reason, when `status` is not `ok`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<SourceError>,
}

/// Engine-wide settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EngineOptions {
    /// Overall deadline for one lookup.
    pub deadline: Duration,
    /// Most cached answers; 0 disables the cache.
    pub cache_entries: usize,
    /// How long a cached answer is reused.
    pub cache_ttl: Duration,
    /// Circuit-breaker settings.
    pub backoff: BackoffPolicy,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            deadline: Duration::from_millis(crate::config::DEFAULT_DEADLINE_MS),
            cache_entries: 10_000,
            cache_ttl: Duration::from_secs(3600),
            backoff: BackoffPolicy::default(),
        }
    }
}

struct Slot {
    source: Box<dyn Source>,
    timeout: Duration,
}

/// Asks configured reputation sources about numbers.
///
/// Native: `lookup` must run inside a tokio runtime (reqwest needs one); the
/// engine itself uses no runtime-specific API. wasm32: runs on the browser's
/// event loop (`wasm-bindgen-futures`).
pub struct Engine {
    client: HttpClient,
    slots: Vec<Slot>,
    options: EngineOptions,
    cache: Mutex<Cache>,
    breakers: Mutex<Vec<Breaker>>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("sources", &self.source_names())
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// An engine without sources; add them with [`Engine::add_source`].
    pub fn new(client: HttpClient, options: EngineOptions) -> Engine {
        Engine {
            client,
            slots: Vec::new(),
            cache: Mutex::new(Cache::new(options.cache_entries, options.cache_ttl)),
            breakers: Mutex::new(Vec::new()),
            options,
        }
    }

    /// Adds a source with its own timeout (reports keep the order of adding).
    pub fn add_source(&mut self, source: Box<dyn Source>, timeout: Duration) {
        self.slots.push(Slot { source, timeout });
        lock(&self.breakers).push(Breaker::default());
    }

    /// The configured sources' names, in report order.
    pub fn source_names(&self) -> Vec<&str> {
        self.slots.iter().map(|s| s.source.name()).collect()
    }

    /// The engine-wide settings.
    pub fn options(&self) -> &EngineOptions {
        &self.options
    }

    /// Asks every source about `e164` (e.g. `"+4930123456"`) in parallel and
    /// returns one report per source, in configuration order, within the
    /// overall deadline. Fails only when `e164` is not a valid E.164 number.
    pub async fn lookup(&self, e164: &str) -> Result<Vec<SourceReport>, SourceError> {
        let number = E164::parse(e164)?.plus();
        let start = Instant::now();
        let tasks = self
            .slots
            .iter()
            .enumerate()
            .map(|(index, slot)| self.ask(index, slot, &number, start));
        Ok(join_all(tasks).await)
    }

    async fn ask(&self, index: usize, slot: &Slot, number: &str, start: Instant) -> SourceReport {
        let source = slot.source.as_ref();
        let report = |status, reputation, error, cached| SourceReport {
            name: source.name().to_string(),
            kind: source.kind(),
            status,
            cached,
            elapsed_ms: elapsed_ms(start),
            reputation,
            error,
        };
        if !source.applies_to(number) {
            let err = SourceError::new(
                ErrorCode::NotApplicable,
                "source does not cover this number",
            );
            return report(Status::Skipped, None, Some(err), false);
        }
        if let Some(hit) = lock(&self.cache).get(index, number) {
            return report(Status::Ok, Some(hit), None, true);
        }
        let paused = lock(&self.breakers)
            .get(index)
            .and_then(|b| b.paused_for(Instant::now()));
        if let Some(left) = paused {
            let err = SourceError::new(
                ErrorCode::Backoff,
                format!(
                    "paused after repeated failures; retry in {} s",
                    left.as_secs().max(1)
                ),
            );
            return report(Status::Skipped, None, Some(err), false);
        }

        let deadline_left = self.options.deadline.saturating_sub(start.elapsed());
        let (limit, by_deadline) = if slot.timeout <= deadline_left {
            (slot.timeout, false)
        } else {
            (deadline_left, true)
        };
        let query = source.query(number, &self.client);
        let outcome = match select(query, futures_timer::Delay::new(limit)).await {
            Either::Left((result, _)) => result,
            Either::Right(((), _)) => Err(SourceError::new(
                ErrorCode::Timeout,
                format!(
                    "no answer within {} ms ({})",
                    limit.as_millis(),
                    if by_deadline {
                        "overall deadline"
                    } else {
                        "source timeout"
                    }
                ),
            )),
        };
        match outcome {
            Ok(reputation) => {
                lock(&self.cache).put(index, number, reputation.clone());
                self.record(index, true);
                report(Status::Ok, Some(reputation), None, false)
            }
            Err(err) => {
                if err.code != ErrorCode::NotApplicable {
                    self.record(index, false);
                }
                let status = if err.code == ErrorCode::Timeout {
                    Status::Timeout
                } else if err.code == ErrorCode::NotApplicable {
                    Status::Skipped
                } else {
                    Status::Error
                };
                report(status, None, Some(err), false)
            }
        }
    }

    fn record(&self, index: usize, success: bool) {
        let mut breakers = lock(&self.breakers);
        if let Some(b) = breakers.get_mut(index) {
            if success {
                b.success();
            } else {
                b.failure(&self.options.backoff, Instant::now());
            }
        }
    }
}

/// Locks a mutex, recovering from poisoning (the data stays consistent: every
/// critical section here is a single non-panicking update).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
