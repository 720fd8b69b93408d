//! The backend is chosen by the database URL's scheme (as in atuin's sync server).

use std::sync::Arc;

use numrep_desk::{Desk, Store, StoreError};
use numrep_desk_postgres::PgBackend;
use numrep_desk_sqlite::SqliteBackend;

/// The database `numrep serve` uses without `--db`: a file in the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://numrep-desk.db";

/// Opens the store at `url`: `sqlite://FILE` (or `sqlite:FILE`) or
/// `postgres://…` (`postgresql://…`); creates the schema or brings it up to date.
pub async fn open_store(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    let scheme = url.split(':').next().unwrap_or_default();
    match scheme {
        "sqlite" => Ok(Arc::new(Desk::new(SqliteBackend::open(url).await?))),
        "postgres" | "postgresql" => Ok(Arc::new(Desk::new(PgBackend::open(url).await?))),
        _ => Err(StoreError::Url(
            "the database URL must start with sqlite:// (a file) or postgres://".into(),
        )),
    }
}
