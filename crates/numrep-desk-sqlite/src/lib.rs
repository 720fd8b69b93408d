//! The complaint desk on SQLite: one file, WAL mode, `synchronous = FULL` so a
//! committed write survives a crash or power loss, one writer connection (SQLite
//! allows one writer at a time) and a small pool of readers beside it.
//!
//! ```no_run
//! # async fn demo() -> Result<(), numrep_desk::StoreError> {
//! let backend = numrep_desk_sqlite::SqliteBackend::open("sqlite://numrep-desk.db").await?;
//! let store = numrep_desk::Desk::new(backend);
//! # Ok(()) }
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![warn(unnameable_types)]
#![warn(missing_debug_implementations)]

mod error;
mod ops;

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use numrep_desk::{Backend, StoreError};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

pub use ops::SqliteConn;

use crate::error::store_error;

/// How long a write waits for SQLite's lock before the answer is "busy".
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Reader connections.
const READERS: u32 = 4;

/// A SQLite database file.
#[derive(Debug, Clone)]
pub struct SqliteBackend {
    writer: SqlitePool,
    readers: SqlitePool,
}

impl SqliteBackend {
    /// Opens (creating if missing) the database at `url` (`sqlite://FILE` or
    /// `sqlite:FILE`, query options as sqlx reads them) and brings its schema up
    /// to date.
    pub async fn open(url: &str) -> Result<SqliteBackend, StoreError> {
        SqliteBackend::open_with(url, &[]).await
    }

    /// [`SqliteBackend::open`] with further `PRAGMA`s on every connection, e.g.
    /// `("max_page_count", "262144")` to cap the file at 1 GiB (writes beyond it
    /// fail as "disk full", and nothing of them is stored).
    pub async fn open_with(
        url: &str,
        pragmas: &[(&str, &str)],
    ) -> Result<SqliteBackend, StoreError> {
        if url.contains(":memory:") || url.contains("mode=memory") {
            return Err(StoreError::Url(
                "an in-memory SQLite database would lose every complaint; name a file".into(),
            ));
        }
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|e| StoreError::Url(e.to_string()))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: the WAL is synced at every commit, so an answered write is durable.
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(BUSY_TIMEOUT)
            .foreign_keys(true)
            .pragma("temp_store", "memory")
            .pragma("cache_size", "-32768");
        let options = pragmas.iter().fold(options, |o, (key, value)| {
            o.pragma(key.to_string(), value.to_string())
        });
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(BUSY_TIMEOUT)
            .connect_with(options.clone())
            .await
            .map_err(store_error)?;
        sqlx::migrate!("./migrations")
            .run(&writer)
            .await
            .map_err(|e| StoreError::Migration(e.to_string()))?;
        let readers = SqlitePoolOptions::new()
            .max_connections(READERS)
            .acquire_timeout(BUSY_TIMEOUT)
            .connect_with(options.read_only(true))
            .await
            .map_err(store_error)?;
        Ok(SqliteBackend { writer, readers })
    }

    /// Closes every connection (the WAL is checkpointed by the last one).
    pub async fn close(&self) {
        self.readers.close().await;
        self.writer.close().await;
    }
}

#[async_trait]
impl Backend for SqliteBackend {
    type Conn = SqliteConn;

    const WRITERS: usize = 1;

    async fn read(&self) -> Result<SqliteConn, StoreError> {
        let conn = self.readers.acquire().await.map_err(store_error)?;
        Ok(SqliteConn::Read(conn))
    }

    async fn write(&self) -> Result<SqliteConn, StoreError> {
        // BEGIN IMMEDIATE takes the write lock at once, so a busy database is
        // reported before any work is done, never half-way.
        let tx = self
            .writer
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(store_error)?;
        Ok(SqliteConn::Write(tx))
    }
}
