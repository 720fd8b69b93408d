//! What a database backend provides: connections, and a handful of batch-shaped
//! primitives. The decisions (what to count, which alert to raise) are made once in
//! this crate ([`crate::record`], [`crate::remove`], [`crate::view`]), so both
//! backends behave the same by construction; they differ only in SQL.

use async_trait::async_trait;

use crate::alert::{Alert, AlertChange, AlertDraft};
use crate::error::StoreError;
use crate::keys::{GroupBy, KeyRef};
use crate::stats::{Aggregate, CustomerDelta, KeyDelta, KeySummary, RecentCounts, WindowCount};
use crate::store::{Complaint, ListFilter, NewComplaint};
use crate::time::Millis;

/// A database: hands out connections for reading and transactions for writing.
#[async_trait]
pub trait Backend: Send + Sync + 'static {
    /// A connection or transaction with the primitives.
    type Conn: Ops + Send;

    /// Write transactions that may run at once (SQLite: one writer at a time).
    const WRITERS: usize;

    /// A connection for reads (no transaction; sees committed data).
    async fn read(&self) -> Result<Self::Conn, StoreError>;

    /// A write transaction; [`Ops::commit`] makes it durable, dropping it rolls back.
    async fn write(&self) -> Result<Self::Conn, StoreError>;
}

/// A stored idempotency key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotentHit {
    /// The key as the client sent it.
    pub key: String,
    /// The complaint it created.
    pub complaint_id: i64,
    /// The hash of that request's content ([`NewComplaint::request_hash`]).
    pub request_hash: String,
}

/// Which complaints to take out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    /// One complaint.
    Id(i64),
    /// Every complaint of one (hashed) customer.
    Customer(String),
    /// Up to `limit` complaints received before `cutoff` (retention).
    OlderThan {
        /// Epoch ms.
        cutoff: Millis,
        /// Batch size.
        limit: u32,
    },
}

/// The primitives, on one connection or inside one transaction. Slices of keys
/// are handled in one go where the database allows (PostgreSQL: `unnest`).
#[async_trait]
pub trait Ops: Send {
    /// Makes the transaction's writes durable.
    async fn commit(self) -> Result<(), StoreError>
    where
        Self: Sized;

    /// The stored idempotency keys among `keys`.
    async fn find_idempotent(&mut self, keys: &[String]) -> Result<Vec<IdempotentHit>, StoreError>;

    /// Inserts complaints (and their idempotency keys); returns their ids in order.
    async fn insert_complaints(&mut self, rows: &[&NewComplaint]) -> Result<Vec<i64>, StoreError>;

    /// Adds to the per-customer counts under each key; rows reaching zero are
    /// deleted. Returns how each key's number of distinct customers changed
    /// (+1 per new customer, −1 per customer gone), only for keys that changed.
    async fn add_customers(
        &mut self,
        deltas: &[CustomerDelta],
    ) -> Result<Vec<(KeyRef, i64)>, StoreError>;

    /// Adds to the keys' aggregates (creating rows; deleting rows whose total
    /// reaches zero) and returns the aggregates after the change.
    async fn apply_deltas(
        &mut self,
        deltas: &[KeyDelta],
    ) -> Result<Vec<(KeyRef, Aggregate)>, StoreError>;

    /// Recomputes first/last complaint times of the keys from the complaints.
    async fn refresh_bounds(&mut self, keys: &[KeyRef]) -> Result<(), StoreError>;

    /// The aggregates of `keys` (missing keys are left out).
    async fn aggregates(&mut self, keys: &[KeyRef])
        -> Result<Vec<(KeyRef, Aggregate)>, StoreError>;

    /// Per key of `group`: complaints with `from <= received_at` (and `< to`).
    async fn window_counts(
        &mut self,
        group: GroupBy,
        keys: &[String],
        from: Millis,
        to: Option<Millis>,
    ) -> Result<Vec<(String, WindowCount)>, StoreError>;

    /// Per key of `group`: complaints in the last 24 h, 48 h and 7 days before `now`.
    async fn recent_counts(
        &mut self,
        group: GroupBy,
        keys: &[String],
        now: Millis,
    ) -> Result<Vec<(String, RecentCounts)>, StoreError>;

    /// Alerts active at `now` (for `keys`, or all), newest first.
    async fn active_alerts(
        &mut self,
        keys: Option<&[KeyRef]>,
        now: Millis,
        limit: u32,
    ) -> Result<Vec<Alert>, StoreError>;

    /// Stores a new alert; returns its id.
    async fn insert_alert(&mut self, draft: &AlertDraft) -> Result<i64, StoreError>;

    /// Updates an active alert.
    async fn update_alert(&mut self, change: &AlertChange) -> Result<(), StoreError>;

    /// Deletes the selected complaints (their idempotency keys with them) and
    /// returns them.
    async fn take_complaints(&mut self, selector: &Selector) -> Result<Vec<Complaint>, StoreError>;

    /// Deletes alerts inactive since before `cutoff`; returns how many.
    async fn purge_alerts(&mut self, cutoff: Millis) -> Result<u64, StoreError>;

    /// Complaints, newest first.
    async fn list(&mut self, filter: &ListFilter) -> Result<Vec<Complaint>, StoreError>;

    /// The keys of `group` with the most complaints since `since`.
    async fn top_keys(
        &mut self,
        group: GroupBy,
        since: Millis,
        limit: u32,
    ) -> Result<Vec<KeySummary>, StoreError>;

    /// Complaints stored.
    async fn count(&mut self) -> Result<u64, StoreError>;
}
