//! SQLite's result codes sorted into what the caller should do.

use numrep_desk::StoreError;

/// SQLITE_BUSY, SQLITE_LOCKED, SQLITE_FULL, SQLITE_CONSTRAINT (primary result codes).
const BUSY: i64 = 5;
const LOCKED: i64 = 6;
const FULL: i64 = 13;
const CONSTRAINT: i64 = 19;

/// Maps a sqlx error; the text never contains bound values (numbers, refs).
pub(crate) fn store_error(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(db) => {
            let code = db
                .code()
                .and_then(|c| c.parse::<i64>().ok())
                .map_or(0, |c| c & 0xff);
            let text = db.message().to_string();
            match code {
                BUSY | LOCKED => StoreError::Busy(text),
                FULL => StoreError::Full(text),
                CONSTRAINT => StoreError::Conflict(text),
                _ => StoreError::Other(text),
            }
        }
        sqlx::Error::PoolTimedOut => StoreError::Busy("no free database connection".into()),
        sqlx::Error::Io(io) if io.raw_os_error() == Some(28) => StoreError::Full(io.to_string()),
        sqlx::Error::Io(_) | sqlx::Error::PoolClosed | sqlx::Error::WorkerCrashed => {
            StoreError::Unavailable(e.to_string())
        }
        _ => StoreError::Other(e.to_string()),
    }
}
