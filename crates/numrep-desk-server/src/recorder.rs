//! The group-commit writer: a task takes every complaint waiting in the queue
//! (up to [`MAX_BATCH`]), stores them in one transaction, and only then answers
//! each (one such task for SQLite, several for PostgreSQL). While a commit flushes to disk, new complaints gather for the next one,
//! so throughput grows with load while each answer still follows its commit.
//! A full queue is an immediate "busy" answer, never unbounded memory.

use std::sync::Arc;

use numrep_desk::{NewComplaint, Outcome, Rule, Store, StoreError};
use tokio::sync::{mpsc, oneshot, Mutex};

use crate::logging::mask;
use crate::metrics;
use crate::webhook::Webhook;

/// Most complaints per transaction.
pub const MAX_BATCH: usize = 256;

/// Complaints waiting at most (beyond: 503).
pub const QUEUE: usize = 8192;

type Reply = oneshot::Sender<Result<Outcome, StoreError>>;

/// Hands complaints to the writer task.
#[derive(Debug, Clone)]
pub struct Recorder {
    queue: mpsc::Sender<(NewComplaint, Reply)>,
}

impl Recorder {
    /// Starts the writer tasks on the current runtime: as many as the store
    /// takes at once ([`Store::writers`]), each taking whatever is waiting.
    pub fn spawn(store: Arc<dyn Store>, rules: Arc<[Rule]>, webhook: Option<Webhook>) -> Recorder {
        let (queue, jobs) = mpsc::channel(QUEUE);
        let jobs = Arc::new(Mutex::new(jobs));
        for _ in 0..store.writers().max(1) {
            tokio::spawn(write_loop(
                store.clone(),
                rules.clone(),
                webhook.clone(),
                jobs.clone(),
            ));
        }
        Recorder { queue }
    }

    /// Stores one complaint; returns once it is committed (or failed).
    pub async fn record(&self, complaint: NewComplaint) -> Result<Outcome, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.queue
            .try_send((complaint, reply))
            .map_err(|e| match e {
                mpsc::error::TrySendError::Full(_) => StoreError::Busy("write queue full".into()),
                mpsc::error::TrySendError::Closed(_) => {
                    StoreError::Unavailable("writer stopped".into())
                }
            })?;
        answer
            .await
            .map_err(|_| StoreError::Unavailable("writer stopped".into()))?
    }
}

async fn write_loop(
    store: Arc<dyn Store>,
    rules: Arc<[Rule]>,
    webhook: Option<Webhook>,
    jobs: Arc<Mutex<mpsc::Receiver<(NewComplaint, Reply)>>>,
) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    loop {
        // Holding the lock only while taking: the next writer takes while this one commits.
        if jobs.lock().await.recv_many(&mut batch, MAX_BATCH).await == 0 {
            return;
        }
        let (complaints, replies): (Vec<NewComplaint>, Vec<Reply>) = batch.drain(..).unzip();
        let mut result = store.record(&complaints, &rules).await;
        if matches!(result, Err(StoreError::Conflict(_))) {
            // Another process wrote the same idempotency key meanwhile: once more
            // sees it and answers the retry as a replay.
            result = store.record(&complaints, &rules).await;
        }
        ::metrics::histogram!(metrics::BATCH).record(complaints.len() as f64);
        match result {
            Ok(outcomes) => {
                let mut fired = Vec::new();
                for (outcome, complaint) in outcomes.iter().zip(&complaints) {
                    if let Outcome::Recorded(r) = outcome {
                        if !r.replayed {
                            ::metrics::counter!(metrics::RECORDED).increment(1);
                            tracing::debug!(id = r.id, number = %mask(&complaint.keys.number), "complaint stored");
                        }
                        for alert in &r.alerts {
                            if !fired.iter().any(|a: &numrep_desk::Alert| a.id == alert.id) {
                                fired.push(alert.clone());
                            }
                        }
                    }
                }
                for alert in &fired {
                    ::metrics::counter!(metrics::ALERTS, "group_by" => alert.group_by.as_str())
                        .increment(1);
                    tracing::warn!(
                        alert = alert.id, rule = %alert.rule, key = %mask(&alert.key),
                        count = alert.count, customers = alert.customers, "alert fired"
                    );
                }
                if let (Some(hook), false) = (&webhook, fired.is_empty()) {
                    hook.send(fired);
                }
                for (reply, outcome) in replies.into_iter().zip(outcomes) {
                    let _ = reply.send(Ok(outcome));
                }
            }
            Err(e) => {
                let kind = match e {
                    StoreError::Busy(_) => "busy",
                    StoreError::Full(_) => "full",
                    StoreError::Conflict(_) => "conflict",
                    StoreError::Unavailable(_) => "unavailable",
                    _ => "other",
                };
                ::metrics::counter!(metrics::STORE_ERRORS, "kind" => kind).increment(1);
                for reply in replies {
                    let _ = reply.send(Err(e.clone()));
                }
            }
        }
    }
}
