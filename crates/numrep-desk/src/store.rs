//! The store as the server and the CLI use it: one object-safe trait, implemented
//! once for every [`Backend`] by [`Desk`].

use async_trait::async_trait;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::alert::Alert;
use crate::backend::{Backend, Ops, Selector};
use crate::category::Category;
use crate::error::StoreError;
use crate::keys::{GroupBy, Keys};
use crate::record::{self, Outcome};
use crate::remove;
use crate::rules::Rule;
use crate::stats::KeySummary;
use crate::time::Millis;
use crate::view::{self, NumberView};

/// A validated complaint, ready to store (see [`crate::Intake`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewComplaint {
    /// The number, its range and its vendor.
    pub keys: Keys,
    /// What the call was.
    pub category: Category,
    /// The region the number was read for.
    pub region: Option<String>,
    /// Who the caller claimed to be.
    pub claimed_company: Option<String>,
    /// The customer ref as HMAC ([`crate::CustomerHasher`]), never the ref itself.
    pub customer_hash: Option<String>,
    /// The agent's note.
    pub note: Option<String>,
    /// When the call was made (epoch ms), if known.
    pub call_time: Option<Millis>,
    /// When the complaint was made (epoch ms).
    pub received_at: Millis,
    /// The client's `Idempotency-Key`.
    pub idempotency_key: Option<String>,
}

impl NewComplaint {
    /// A hash of what the complaint says (not when it arrived, nor what the desk
    /// derived from it, such as the vendor): a retry with the same idempotency key
    /// must carry the same content.
    pub fn request_hash(&self) -> String {
        let mut h = Sha256::new();
        let fields: [&str; 7] = [
            &self.keys.number,
            self.category.as_str(),
            self.region.as_deref().unwrap_or("\u{0}"),
            self.claimed_company.as_deref().unwrap_or("\u{0}"),
            self.customer_hash.as_deref().unwrap_or("\u{0}"),
            self.note.as_deref().unwrap_or("\u{0}"),
            &self.call_time.map(|t| t.to_string()).unwrap_or_default(),
        ];
        for field in fields {
            h.update((field.len() as u64).to_le_bytes());
            h.update(field.as_bytes());
        }
        h.finalize()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// A stored complaint (admin listing and export).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Complaint {
    /// Id.
    pub id: i64,
    /// The number (E.164).
    pub e164: String,
    /// Its range.
    pub range: String,
    /// Its vendor, if registered.
    pub vendor: Option<String>,
    /// What the call was.
    pub category: Category,
    /// Region the number was read for.
    pub region: Option<String>,
    /// Who the caller claimed to be.
    pub claimed_company: Option<String>,
    /// The customer's keyed hash.
    pub customer_hash: Option<String>,
    /// The note.
    pub note: Option<String>,
    /// When the call was made.
    pub call_time: Option<Millis>,
    /// When the complaint was made.
    pub received_at: Millis,
}

/// Which complaints `list` returns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Only this number (E.164).
    pub e164: Option<String>,
    /// Only complaints received at or after this time.
    pub since: Option<Millis>,
    /// Only ids below this one (paging: the last id of the previous page).
    pub before_id: Option<i64>,
    /// At most this many (1 to 1000).
    pub limit: u32,
}

/// The complaint store.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Records a batch of complaints in one transaction and evaluates `rules` for
    /// every key the batch touched; one outcome per complaint, in order.
    async fn record(
        &self,
        batch: &[NewComplaint],
        rules: &[Rule],
    ) -> Result<Vec<Outcome>, StoreError>;

    /// The counts of a number, its range and vendor, and their active alerts.
    async fn number_view(&self, keys: &Keys, now: Millis) -> Result<NumberView, StoreError>;

    /// Active alerts, newest first.
    async fn alerts(&self, now: Millis, limit: u32) -> Result<Vec<Alert>, StoreError>;

    /// Complaints, newest first.
    async fn list(&self, filter: &ListFilter) -> Result<Vec<Complaint>, StoreError>;

    /// Deletes one complaint; false when there was none with that id.
    async fn delete(&self, id: i64) -> Result<bool, StoreError>;

    /// Deletes every complaint of one customer (by hash); returns how many.
    async fn erase_customer(&self, customer_hash: &str) -> Result<u64, StoreError>;

    /// Deletes complaints received before `cutoff`, and alerts inactive since
    /// then; returns how many complaints.
    async fn purge(&self, cutoff: Millis) -> Result<u64, StoreError>;

    /// The keys with the most complaints since `since`.
    async fn top_keys(
        &self,
        group: GroupBy,
        since: Millis,
        limit: u32,
    ) -> Result<Vec<KeySummary>, StoreError>;

    /// Complaints stored.
    async fn count(&self) -> Result<u64, StoreError>;

    /// How many [`Store::record`] calls may usefully run at once.
    fn writers(&self) -> usize {
        1
    }
}

/// Complaints removed per transaction by [`Store::purge`].
const PURGE_BATCH: u32 = 1000;

/// The store over one backend.
#[derive(Debug)]
pub struct Desk<B> {
    backend: B,
}

impl<B: Backend> Desk<B> {
    /// A store over `backend`.
    pub fn new(backend: B) -> Desk<B> {
        Desk { backend }
    }

    /// The backend.
    pub fn backend(&self) -> &B {
        &self.backend
    }

    async fn remove(&self, selector: &Selector) -> Result<u64, StoreError> {
        let mut tx = self.backend.write().await?;
        let removed = remove::remove(&mut tx, selector).await?;
        tx.commit().await?;
        Ok(removed)
    }
}

#[async_trait]
impl<B: Backend> Store for Desk<B> {
    async fn record(
        &self,
        batch: &[NewComplaint],
        rules: &[Rule],
    ) -> Result<Vec<Outcome>, StoreError> {
        let mut tx = self.backend.write().await?;
        let outcomes = record::record(&mut tx, batch, rules).await?;
        tx.commit().await?;
        Ok(outcomes)
    }

    async fn number_view(&self, keys: &Keys, now: Millis) -> Result<NumberView, StoreError> {
        let mut conn = self.backend.read().await?;
        view::number_view(&mut conn, keys, now).await
    }

    async fn alerts(&self, now: Millis, limit: u32) -> Result<Vec<Alert>, StoreError> {
        self.backend
            .read()
            .await?
            .active_alerts(None, now, limit)
            .await
    }

    async fn list(&self, filter: &ListFilter) -> Result<Vec<Complaint>, StoreError> {
        self.backend.read().await?.list(filter).await
    }

    async fn delete(&self, id: i64) -> Result<bool, StoreError> {
        Ok(self.remove(&Selector::Id(id)).await? > 0)
    }

    async fn erase_customer(&self, customer_hash: &str) -> Result<u64, StoreError> {
        self.remove(&Selector::Customer(customer_hash.to_string()))
            .await
    }

    async fn purge(&self, cutoff: Millis) -> Result<u64, StoreError> {
        let mut removed = 0;
        loop {
            let selector = Selector::OlderThan {
                cutoff,
                limit: PURGE_BATCH,
            };
            let n = self.remove(&selector).await?;
            removed += n;
            if n < u64::from(PURGE_BATCH) {
                break;
            }
        }
        let mut tx = self.backend.write().await?;
        tx.purge_alerts(cutoff).await?;
        tx.commit().await?;
        Ok(removed)
    }

    async fn top_keys(
        &self,
        group: GroupBy,
        since: Millis,
        limit: u32,
    ) -> Result<Vec<KeySummary>, StoreError> {
        self.backend
            .read()
            .await?
            .top_keys(group, since, limit)
            .await
    }

    async fn count(&self) -> Result<u64, StoreError> {
        self.backend.read().await?.count().await
    }

    fn writers(&self) -> usize {
        B::WRITERS
    }
}
