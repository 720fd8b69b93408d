//! The engine: asks all sources in parallel under one deadline, with cache
//! and backoff, and reports each source's outcome. One source failing — or
//! not being usable at all, like one whose credential is not set — never fails
//! the lookup.

use crate::backoff::{BackoffPolicy, Breaker};
use crate::cache::Cache;
use crate::error::{SourceProblem, TimeLimit};
use crate::http::HttpClient;
use crate::number::E164;
use crate::reputation::Reputation;
use crate::sources::{Answer, Source, SourceKind};
use crate::time::{elapsed_ms, Instant};
use futures_util::future::{join_all, select, Either};
use serde::{Deserialize, Serialize};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// How a source's part of a lookup ended (the core's type, so the core can weigh it).
pub use numrep::SourceStatus;

/// One source's outcome in a lookup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SourceReport {
    /// The source's configured name.
    pub name: String,
    /// The source's adapter kind.
    pub kind: SourceKind,
    /// How it ended.
    pub status: SourceStatus,
    /// Whether the answer came from the cache (no request was sent).
    pub cached: bool,
    /// Time spent on this source, in milliseconds.
    pub elapsed_ms: u64,
    /// The answer, when `status` is `ok`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reputation: Option<Reputation>,
    /// The reason, when `status` is neither `ok` nor `not_found`. In JSON:
    /// `{"code", "message" (English), …values}`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "problem_json"
    )]
    pub error: Option<SourceProblem>,
}

/// Writes a problem with its English message.
fn problem_json<S: serde::Serializer>(
    problem: &Option<SourceProblem>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    problem
        .as_ref()
        .map(|p| p.json(numrep::Lang::En))
        .serialize(serializer)
}

/// Engine-wide settings: built with [`EngineOptions::new`] and its setters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EngineOptions {
    deadline: Duration,
    cache_entries: usize,
    cache_ttl: Duration,
    backoff: BackoffPolicy,
}

impl EngineOptions {
    /// The defaults: the configuration's default deadline, 10,000 answers cached for
    /// an hour, the default backoff.
    #[must_use]
    pub fn new() -> EngineOptions {
        EngineOptions::default()
    }

    /// Overall deadline for one lookup.
    #[must_use]
    pub fn deadline(mut self, deadline: Duration) -> EngineOptions {
        self.deadline = deadline;
        self
    }

    /// Most cached answers (0 disables the cache) and how long one is reused.
    #[must_use]
    pub fn cache(mut self, entries: usize, ttl: Duration) -> EngineOptions {
        self.cache_entries = entries;
        self.cache_ttl = ttl;
        self
    }

    /// Circuit-breaker settings.
    #[must_use]
    pub fn backoff(mut self, backoff: BackoffPolicy) -> EngineOptions {
        self.backoff = backoff;
        self
    }

    /// The overall deadline for one lookup.
    pub fn lookup_deadline(&self) -> Duration {
        self.deadline
    }

    /// Most cached answers (0: no cache).
    pub fn cache_entries(&self) -> usize {
        self.cache_entries
    }

    /// How long a cached answer is reused.
    pub fn cache_ttl(&self) -> Duration {
        self.cache_ttl
    }

    /// The circuit-breaker settings.
    pub fn backoff_policy(&self) -> BackoffPolicy {
        self.backoff
    }
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
    pub async fn lookup(&self, e164: &str) -> Result<Vec<SourceReport>, SourceProblem> {
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
        let outcome = self.outcome(index, slot, number, start).await;
        let (status, reputation, error, cached) = match outcome {
            Outcome::Answer(Answer::Found(rep), cached) => {
                (SourceStatus::Ok, Some(rep), None, cached)
            }
            Outcome::Answer(Answer::NotFound, cached) => {
                (SourceStatus::NotFound, None, None, cached)
            }
            Outcome::Problem(problem) => (problem.status(), None, Some(problem), false),
        };
        SourceReport {
            name: source.name().to_string(),
            kind: source.kind(),
            status,
            cached,
            elapsed_ms: elapsed_ms(start),
            reputation,
            error,
        }
    }

    /// Cache, breaker, then the source itself under its time limit.
    async fn outcome(&self, index: usize, slot: &Slot, number: &str, start: Instant) -> Outcome {
        let source = slot.source.as_ref();
        if !source.applies_to(number) {
            return Outcome::Problem(SourceProblem::NotApplicable);
        }
        if let Some(hit) = lock(&self.cache).get(index, number) {
            return Outcome::Answer(hit, true);
        }
        let paused = lock(&self.breakers)
            .get(index)
            .and_then(|b| b.paused_for(Instant::now()));
        if let Some((left, reason)) = paused {
            return Outcome::Problem(SourceProblem::Backoff {
                retry_in_s: u64::try_from(left.as_millis().div_ceil(1000)).unwrap_or(u64::MAX),
                reason,
            });
        }

        let deadline_left = self.options.deadline.saturating_sub(start.elapsed());
        let (limit, which) = if slot.timeout <= deadline_left {
            (slot.timeout, TimeLimit::Source)
        } else {
            (deadline_left, TimeLimit::Deadline)
        };
        let query = source.query(number, &self.client);
        let result = match select(query, futures_timer::Delay::new(limit)).await {
            Either::Left((result, _)) => result,
            Either::Right(((), _)) => Err(SourceProblem::Timeout {
                timeout_ms: u64::try_from(limit.as_millis()).unwrap_or(u64::MAX),
                limit: which,
            }),
        };
        match result {
            Ok(answer) => {
                lock(&self.cache).put(index, number, answer.clone());
                self.record(index, None);
                Outcome::Answer(answer, false)
            }
            Err(problem) => {
                self.record(index, Some(&problem));
                Outcome::Problem(problem)
            }
        }
    }

    /// Feeds the breaker: a success closes it; a failure of the service (an
    /// error or a timeout, not a skip or a config error) counts, and a
    /// `Retry-After` it sent holds the source.
    fn record(&self, index: usize, problem: Option<&SourceProblem>) {
        let mut breakers = lock(&self.breakers);
        let Some(breaker) = breakers.get_mut(index) else {
            return;
        };
        match problem {
            None => breaker.success(),
            Some(p) if matches!(p.status(), SourceStatus::Error | SourceStatus::Timeout) => {
                let retry_after = p.retry_after_s().map(Duration::from_secs);
                breaker.failure(&self.options.backoff, Instant::now(), retry_after);
            }
            Some(_) => {}
        }
    }
}

/// How asking one source ended, before it becomes a report.
enum Outcome {
    /// An answer, and whether it came from the cache.
    Answer(Answer, bool),
    /// No answer.
    Problem(SourceProblem),
}

/// Locks a mutex, recovering from poisoning (the data stays consistent: every
/// critical section here is a single non-panicking update).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
