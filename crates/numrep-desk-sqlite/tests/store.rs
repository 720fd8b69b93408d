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

/// Another process holding the write lock: the write waits, then fails as
/// "busy" (an HTTP 503), and nothing of it is stored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_database_is_busy_not_a_silent_drop() {
    use numrep_desk::testing::{complaint, T0};
    use numrep_desk::StoreError;
    use sqlx::{Connection, Executor};

    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("desk.db").display());
    let store = Desk::new(SqliteBackend::open(&url).await.unwrap());
    let mut other = sqlx::SqliteConnection::connect(&url).await.unwrap();
    other.execute("BEGIN EXCLUSIVE").await.unwrap();
    let err = store
        .record(&[complaint("+49301234567", T0, None)], &[])
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Busy(_)), "{err:?}");
    other.execute("ROLLBACK").await.unwrap();
    assert_eq!(store.count().await.unwrap(), 0);
    store
        .record(&[complaint("+49301234567", T0, None)], &[])
        .await
        .unwrap();
    assert_eq!(store.count().await.unwrap(), 1);
}

/// A full disk (here: the file at its page limit) fails the whole batch as
/// "full" (an HTTP 507): nothing of it is stored, earlier data stays intact.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_fails_the_batch_and_keeps_what_was_there() {
    use numrep_desk::testing::{complaint, T0};
    use numrep_desk::StoreError;

    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("desk.db").display());
    let store = Desk::new(
        SqliteBackend::open_with(&url, &[("max_page_count", "60")])
            .await
            .unwrap(),
    );
    store
        .record(&[complaint("+49301234567", T0, Some("a"))], &[])
        .await
        .unwrap();
    let big: Vec<_> = (0..3000)
        .map(|i| complaint(&format!("+4930{:07}", i), T0 + i, Some("b")))
        .collect();
    let err = store.record(&big, &[]).await.unwrap_err();
    assert!(matches!(err, StoreError::Full(_)), "{err:?}");
    assert_eq!(store.count().await.unwrap(), 1);
}
