//! The complaint desk on PostgreSQL, for when one machine is outgrown: the same
//! primitives as the SQLite backend, answered set-wise (`unnest` over the batch's
//! keys), so a batch costs a fixed number of round trips however large it is.
//! Commits are durable with PostgreSQL's defaults (`synchronous_commit = on`);
//! concurrent commits share one WAL flush.
//!
//! ```no_run
//! # async fn demo() -> Result<(), numrep_desk::StoreError> {
//! let url = "postgres://desk@127.0.0.1/desk";
//! let store = numrep_desk::Desk::new(numrep_desk_postgres::PgBackend::open(url).await?);
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
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};

pub use ops::PgConn;

use crate::error::store_error;

/// Connections in the pool.
const CONNECTIONS: u32 = 8;

/// How long a request waits for a free connection before the answer is "busy".
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

/// A PostgreSQL database.
#[derive(Debug, Clone)]
pub struct PgBackend {
    pool: PgPool,
}

impl PgBackend {
    /// Connects to `url` (`postgres://…`) and brings the schema up to date.
    pub async fn open(url: &str) -> Result<PgBackend, StoreError> {
        let options =
            PgConnectOptions::from_str(url).map_err(|e| StoreError::Url(e.to_string()))?;
        let pool = PgPoolOptions::new()
            .max_connections(CONNECTIONS)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options)
            .await
            .map_err(store_error)?;
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .map_err(|e| StoreError::Migration(e.to_string()))?;
        Ok(PgBackend { pool })
    }

    /// Closes every connection.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

#[async_trait]
impl Backend for PgBackend {
    type Conn = PgConn;

    /// Commits of concurrent transactions share WAL flushes, so several writers
    /// keep the disk busy instead of waiting on it one flush at a time. They cannot
    /// deadlock: every transaction locks its keys' rows in one global order.
    const WRITERS: usize = 4;

    async fn read(&self) -> Result<PgConn, StoreError> {
        Ok(PgConn::Read(
            self.pool.acquire().await.map_err(store_error)?,
        ))
    }

    async fn write(&self) -> Result<PgConn, StoreError> {
        Ok(PgConn::Write(self.pool.begin().await.map_err(store_error)?))
    }
}
