//! What `GET /api/v1/numbers/{number}` adds to the lookup report.

use serde::Serialize;

use crate::alert::Alert;
use crate::backend::Ops;
use crate::error::StoreError;
use crate::keys::{GroupBy, KeyRef, Keys};
use crate::stats::{KeyStats, RecentCounts};
use crate::time::Millis;

/// Alerts shown with one number at most.
const MAX_ALERTS: u32 = 100;

/// A range's or vendor's stats with the key they are for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScopedStats {
    /// The range (`+4940555501xx`) or vendor name.
    pub key: String,
    /// Its counts.
    #[serde(flatten)]
    pub stats: KeyStats,
}

/// A number's complaint counts, its range's and vendor's, and their active alerts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberView {
    /// The number's counts.
    pub complaints: KeyStats,
    /// Its range's counts.
    pub range_complaints: ScopedStats,
    /// Its vendor's counts, when it is one of our registered numbers.
    pub vendor_complaints: Option<ScopedStats>,
    /// Active alerts for the number, the range or the vendor, newest first.
    pub alerts: Vec<Alert>,
}

/// Reads the view of one number: a few indexed reads.
pub async fn number_view<O: Ops>(
    ops: &mut O,
    keys: &Keys,
    now: Millis,
) -> Result<NumberView, StoreError> {
    let refs = keys.refs();
    let aggregates = ops.aggregates(&refs).await?;
    let mut stats = Vec::with_capacity(refs.len());
    for key in &refs {
        let recent: RecentCounts = ops
            .recent_counts(key.group_by, std::slice::from_ref(&key.key), now)
            .await?
            .into_iter()
            .next()
            .map(|(_, r)| r)
            .unwrap_or_default();
        let aggregate = aggregates
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, a)| a.clone())
            .unwrap_or_default();
        stats.push(KeyStats::new(&aggregate, recent));
    }
    let alerts = ops.active_alerts(Some(&refs), now, MAX_ALERTS).await?;
    let scoped = |key: &KeyRef, stats: KeyStats| ScopedStats {
        key: key.key.clone(),
        stats,
    };
    let mut stats = stats.into_iter();
    let number = stats.next().unwrap_or_default();
    let range = scoped(&refs[1], stats.next().unwrap_or_default());
    let vendor = stats.next().map(|s| scoped(&refs[2], s));
    debug_assert!(refs.iter().all(|k| k.group_by != GroupBy::Vendor) || vendor.is_some());
    Ok(NumberView {
        complaints: number,
        range_complaints: range,
        vendor_complaints: vendor,
        alerts,
    })
}
