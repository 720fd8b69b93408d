//! The shared store suite (`numrep_desk::testing`) against a fresh SQLite file per test.

use numrep_desk::{Desk, Store};
use numrep_desk_sqlite::SqliteBackend;

async fn fresh() -> Option<Box<dyn Store>> {
    // The directory lives as long as the test process; each test gets its own.
    let dir = Box::leak(Box::new(tempfile::tempdir().expect("temp dir")));
    let url = format!("sqlite://{}", dir.path().join("desk.db").display());
    Some(Box::new(Desk::new(
        SqliteBackend::open(&url).await.expect("open"),
    )))
}

numrep_desk::store_suite!(fresh);
