//! What can go wrong in a store, sorted by what the caller should do about it.

/// A storage failure. Nothing was written when a write returns one of these.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database is locked or busy beyond the wait: try again later (HTTP 503).
    #[error("the database is busy; try again: {0}")]
    Busy(String),
    /// No space left for the database (HTTP 507).
    #[error("the database's disk is full: {0}")]
    Full(String),
    /// A concurrent write conflicted (a unique key); the same write may be retried.
    #[error("a concurrent write conflicted; try again: {0}")]
    Conflict(String),
    /// The database cannot be reached (HTTP 503).
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// The database URL names no backend this build has, or is malformed.
    #[error("bad database URL: {0}")]
    Url(String),
    /// The schema could not be brought up to date.
    #[error("database migration failed: {0}")]
    Migration(String),
    /// Anything else (HTTP 500).
    #[error("database error: {0}")]
    Other(String),
}

impl StoreError {
    /// True when the same request may succeed later unchanged.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            StoreError::Busy(_) | StoreError::Conflict(_) | StoreError::Unavailable(_)
        )
    }
}
