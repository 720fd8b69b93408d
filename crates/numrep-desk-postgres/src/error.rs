//! PostgreSQL's SQLSTATEs sorted into what the caller should do.

use numrep_desk::StoreError;

/// Maps a sqlx error; the text never contains bound values (numbers, refs).
pub(crate) fn store_error(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(db) => {
            let state = db.code().map(|c| c.into_owned()).unwrap_or_default();
            let text = db.message().to_string();
            match state.as_str() {
                // disk_full, out_of_memory's neighbour insufficient_resources
                "53100" => StoreError::Full(text),
                // too_many_connections, lock_not_available, query_canceled (timeouts)
                "53300" | "55P03" | "57014" => StoreError::Busy(text),
                // unique_violation, serialization_failure, deadlock_detected
                "23505" | "40001" | "40P01" => StoreError::Conflict(text),
                s if s.starts_with("08") || s.starts_with("57P") => StoreError::Unavailable(text),
                _ => StoreError::Other(text),
            }
        }
        sqlx::Error::PoolTimedOut => StoreError::Busy("no free database connection".into()),
        sqlx::Error::Io(_) | sqlx::Error::PoolClosed | sqlx::Error::Tls(_) => {
            StoreError::Unavailable(e.to_string())
        }
        _ => StoreError::Other(e.to_string()),
    }
}
