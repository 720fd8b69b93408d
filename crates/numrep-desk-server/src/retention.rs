//! Retention: complaints older than `retention_days` are deleted at start and
//! then every hour.

use std::sync::Arc;
use std::time::Duration;

use numrep_desk::{Clock, Store, DAY};

/// How often the purge runs.
const EVERY: Duration = Duration::from_secs(3600);

/// Purges once now and then every hour, until the runtime stops.
pub fn spawn(store: Arc<dyn Store>, clock: Arc<dyn Clock>, retention_days: u32) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        loop {
            tick.tick().await;
            let cutoff = clock.now() - i64::from(retention_days) * DAY;
            match store.purge(cutoff).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(
                    deleted = n,
                    retention_days,
                    "retention: old complaints deleted"
                ),
                Err(e) => tracing::error!(error = %e, "retention: purge failed; will retry"),
            }
        }
    });
}
