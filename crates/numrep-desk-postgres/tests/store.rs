//! The shared store suite (`numrep_desk::testing`) against a real PostgreSQL, one
//! fresh schema per test. The server comes from `NUMREP_TEST_PG_URL` (`make test`
//! starts a throwaway cluster: scripts/with-postgres.sh). Without it the tests
//! are skipped with a note, unless `NUMREP_TEST_PG_REQUIRED=1`, when they fail.

use std::sync::atomic::{AtomicU32, Ordering};

use numrep_desk::{Desk, Store};
use numrep_desk_postgres::PgBackend;
use sqlx::Connection;

/// The test server's URL; panics when required but missing.
pub fn server_url() -> Option<String> {
    match std::env::var("NUMREP_TEST_PG_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var("NUMREP_TEST_PG_REQUIRED").is_ok_and(|v| v == "1") => {
            panic!("NUMREP_TEST_PG_REQUIRED=1 but NUMREP_TEST_PG_URL is not set: no PostgreSQL to test against")
        }
        _ => None,
    }
}

async fn fresh() -> Option<Box<dyn Store>> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let url = server_url()?;
    let schema = format!(
        "suite_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    );
    let mut admin = sqlx::PgConnection::connect(&url).await.expect("connect");
    for sql in [
        format!("DROP SCHEMA IF EXISTS {schema} CASCADE"),
        format!("CREATE SCHEMA {schema}"),
    ] {
        sqlx::query(&sql).execute(&mut admin).await.expect(&sql);
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    let scoped = format!("{url}{separator}options=-c%20search_path%3D{schema}");
    Some(Box::new(Desk::new(
        PgBackend::open(&scoped).await.expect("open"),
    )))
}

numrep_desk::store_suite!(fresh);
