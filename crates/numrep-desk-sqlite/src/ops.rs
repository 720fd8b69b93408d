//! The store primitives in SQLite's SQL. Every slice of keys or rows goes to
//! SQLite as one JSON array and is answered by one statement (`json_each`), so a
//! batch costs a fixed number of statements however large it is: each statement
//! is a round trip to sqlx's connection thread, and those dominate otherwise.

use std::collections::HashMap;
use std::sync::LazyLock;

use async_trait::async_trait;
use numrep_desk::rows::{
    self, aggregate_columns, category_columns, key_column, AggregateRow, AlertRow, ComplaintRow,
    RecentRow, SummaryRow, WindowRow, ALERT_COLUMNS, COMPLAINT_COLUMNS,
};
use numrep_desk::{
    Aggregate, Alert, AlertChange, AlertDraft, Complaint, CustomerDelta, GroupBy, IdempotentHit,
    KeyDelta, KeyRef, KeySummary, ListFilter, Millis, NewComplaint, Ops, RecentCounts, Selector,
    StoreError, WindowCount, DAY, HOUR,
};
use sqlx::pool::PoolConnection;
use sqlx::{Sqlite, SqliteConnection, Transaction};

use crate::error::store_error;

/// A reader connection or the writer's transaction.
#[derive(Debug)]
pub enum SqliteConn {
    /// Reads outside a transaction.
    Read(PoolConnection<Sqlite>),
    /// The write transaction (`BEGIN IMMEDIATE`).
    Write(Transaction<'static, Sqlite>),
}

impl SqliteConn {
    fn conn(&mut self) -> &mut SqliteConnection {
        match self {
            SqliteConn::Read(c) => c,
            SqliteConn::Write(t) => t,
        }
    }
}

static UPSERT_STATS: LazyLock<String> = LazyLock::new(|| {
    let cats = category_columns();
    let picks: Vec<String> = (0..cats.len())
        .map(|i| format!("value ->> {}", i + 6))
        .collect();
    let sums: Vec<String> = cats
        .iter()
        .map(|c| format!("{c} = {c} + excluded.{c}"))
        .collect();
    format!(
        "INSERT INTO key_stats (group_by, key, total, customers, first_at, last_at, {}) \
         SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, {} \
         FROM json_each(?) WHERE true \
         ON CONFLICT (group_by, key) DO UPDATE SET total = total + excluded.total, \
         customers = customers + excluded.customers, \
         first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at), {} \
         RETURNING {}",
        cats.join(", "),
        picks.join(", "),
        sums.join(", "),
        aggregate_columns()
    )
});

static SELECT_STATS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {} FROM key_stats WHERE (group_by, key) IN \
         (SELECT value ->> 0, value ->> 1 FROM json_each(?))",
        aggregate_columns()
    )
});

/// One SQL text per grouping, built once.
fn per_group(make: impl Fn(&str) -> String) -> [String; 3] {
    GroupBy::ALL.map(|g| make(key_column(g)))
}

static WINDOW: LazyLock<[String; 3]> = LazyLock::new(|| {
    per_group(|col| {
        format!(
            "SELECT {col}, count(*), count(DISTINCT customer_hash), min(received_at), max(received_at) \
             FROM complaints WHERE {col} IN (SELECT value FROM json_each(?)) \
             AND received_at >= ? AND received_at < ? GROUP BY {col}"
        )
    })
});

static RECENT: LazyLock<[String; 3]> = LazyLock::new(|| {
    per_group(|col| {
        format!(
            "SELECT {col}, count(*) FILTER (WHERE received_at >= ?), \
             count(*) FILTER (WHERE received_at >= ?), count(*) \
             FROM complaints WHERE {col} IN (SELECT value FROM json_each(?)) AND received_at >= ? \
             GROUP BY {col}"
        )
    })
});

static BOUNDS: LazyLock<[String; 3]> = LazyLock::new(|| {
    per_group(|col| {
        format!(
            "UPDATE key_stats SET \
             first_at = (SELECT min(received_at) FROM complaints WHERE {col} = key_stats.key), \
             last_at = (SELECT max(received_at) FROM complaints WHERE {col} = key_stats.key) \
             WHERE group_by = ? AND key IN (SELECT value FROM json_each(?))"
        )
    })
});

static TOP: LazyLock<[String; 3]> = LazyLock::new(|| {
    per_group(|col| {
        format!(
            "SELECT {col}, count(*), count(DISTINCT customer_hash), min(received_at), max(received_at) \
             FROM complaints WHERE received_at >= ? AND {col} IS NOT NULL \
             GROUP BY {col} ORDER BY count(*) DESC, {col} LIMIT ?"
        )
    })
});

fn sql_for(texts: &'static [String; 3], group: GroupBy) -> &'static str {
    &texts[group as usize]
}

/// Values as one JSON array, the parameter `json_each(?)` reads.
fn json<T: serde::Serialize>(values: &T) -> String {
    serde_json::to_string(values).expect("plain values serialize")
}

/// `[[group_by, key], …]` for row-value `IN`.
fn key_pairs(keys: &[KeyRef]) -> String {
    json(
        &keys
            .iter()
            .map(|k| (k.group_by.code(), &k.key))
            .collect::<Vec<_>>(),
    )
}

/// The largest limit SQLite takes as a bound value.
fn limit(n: u32) -> i64 {
    i64::from(n)
}

#[async_trait]
impl Ops for SqliteConn {
    async fn commit(self) -> Result<(), StoreError> {
        match self {
            SqliteConn::Write(tx) => tx.commit().await.map_err(store_error),
            SqliteConn::Read(_) => Ok(()),
        }
    }

    async fn find_idempotent(&mut self, keys: &[String]) -> Result<Vec<IdempotentHit>, StoreError> {
        let rows: Vec<(String, i64, String)> = sqlx::query_as(
            "SELECT key, complaint_id, request_hash FROM idempotency_keys \
             WHERE key IN (SELECT value FROM json_each(?))",
        )
        .bind(json(&keys))
        .fetch_all(self.conn())
        .await
        .map_err(store_error)?;
        Ok(rows
            .into_iter()
            .map(|(key, complaint_id, request_hash)| IdempotentHit {
                key,
                complaint_id,
                request_hash,
            })
            .collect())
    }

    async fn insert_complaints(&mut self, rows: &[&NewComplaint]) -> Result<Vec<i64>, StoreError> {
        // The writer holds the write lock (BEGIN IMMEDIATE): the next ids are ours.
        // AUTOINCREMENT's sequence keeps ids of deleted complaints from coming back.
        let last: i64 = sqlx::query_scalar(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'complaints'), 0), \
             coalesce((SELECT max(id) FROM complaints), 0))",
        )
        .fetch_one(self.conn())
        .await
        .map_err(store_error)?;
        let ids: Vec<i64> = (1..=rows.len() as i64).map(|i| last + i).collect();
        let values: Vec<_> = rows
            .iter()
            .zip(&ids)
            .map(|(c, id)| {
                serde_json::json!([
                    id,
                    c.keys.number,
                    c.keys.range,
                    c.keys.vendor,
                    c.category.as_str(),
                    c.region,
                    c.claimed_company,
                    c.customer_hash,
                    c.note,
                    c.call_time,
                    c.received_at
                ])
            })
            .collect();
        sqlx::query(
            "INSERT INTO complaints (id, e164, range_key, vendor, category, region, claimed_company, \
             customer_hash, note, call_time, received_at) SELECT value ->> 0, value ->> 1, \
             value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, \
             value ->> 8, value ->> 9, value ->> 10 FROM json_each(?)",
        )
        .bind(json(&values))
        .execute(self.conn())
        .await
        .map_err(store_error)?;
        let keyed: Vec<(&String, i64, String)> = rows
            .iter()
            .zip(&ids)
            .filter_map(|(c, id)| Some((c.idempotency_key.as_ref()?, *id, c.request_hash())))
            .collect();
        if !keyed.is_empty() {
            sqlx::query(
                "INSERT INTO idempotency_keys (key, complaint_id, request_hash) \
                 SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)",
            )
            .bind(json(&keyed))
            .execute(self.conn())
            .await
            .map_err(store_error)?;
        }
        Ok(ids)
    }

    async fn add_customers(
        &mut self,
        deltas: &[CustomerDelta],
    ) -> Result<Vec<(KeyRef, i64)>, StoreError> {
        let values = json(
            &deltas
                .iter()
                .map(|d| {
                    (
                        d.key.group_by.code(),
                        &d.key.key,
                        &d.customer_hash,
                        d.complaints,
                    )
                })
                .collect::<Vec<_>>(),
        );
        let rows: Vec<(i16, String, String, i64)> = sqlx::query_as(
            "INSERT INTO key_customers (group_by, key, customer_hash, complaints) \
             SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?) WHERE true \
             ON CONFLICT (group_by, key, customer_hash) \
             DO UPDATE SET complaints = complaints + excluded.complaints \
             RETURNING group_by, key, customer_hash, complaints",
        )
        .bind(&values)
        .fetch_all(self.conn())
        .await
        .map_err(store_error)?;
        let after: HashMap<(i16, String, String), i64> = rows
            .into_iter()
            .map(|(g, k, h, n)| ((g, k, h), n))
            .collect();
        let after: Vec<i64> = deltas
            .iter()
            .map(|d| {
                let slot = (
                    d.key.group_by.code(),
                    d.key.key.clone(),
                    d.customer_hash.clone(),
                );
                after.get(&slot).copied().unwrap_or(0)
            })
            .collect();
        if after.iter().any(|&n| n <= 0) {
            sqlx::query(
                "DELETE FROM key_customers WHERE complaints <= 0 AND (group_by, key, customer_hash) \
                 IN (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?))",
            )
            .bind(&values)
            .execute(self.conn())
            .await
            .map_err(store_error)?;
        }
        Ok(rows::customer_changes(deltas, &after))
    }

    async fn apply_deltas(
        &mut self,
        deltas: &[KeyDelta],
    ) -> Result<Vec<(KeyRef, Aggregate)>, StoreError> {
        let values: Vec<serde_json::Value> = deltas
            .iter()
            .map(|d| {
                let mut row = serde_json::json!([
                    d.key.group_by.code(),
                    d.key.key,
                    d.total,
                    d.customers,
                    d.first_at,
                    d.last_at
                ]);
                if let Some(row) = row.as_array_mut() {
                    row.extend(d.by_category.iter().map(|n| serde_json::json!(n)));
                }
                row
            })
            .collect();
        let rows: Vec<AggregateRow> = sqlx::query_as(&UPSERT_STATS)
            .bind(json(&values))
            .fetch_all(self.conn())
            .await
            .map_err(store_error)?;
        let out = rows
            .into_iter()
            .map(rows::aggregate)
            .collect::<Result<Vec<_>, _>>()?;
        if out.iter().any(|(_, a)| a.total == 0) {
            let keys: Vec<KeyRef> = deltas.iter().map(|d| d.key.clone()).collect();
            sqlx::query(
                "DELETE FROM key_stats WHERE total <= 0 AND (group_by, key) IN \
                 (SELECT value ->> 0, value ->> 1 FROM json_each(?))",
            )
            .bind(key_pairs(&keys))
            .execute(self.conn())
            .await
            .map_err(store_error)?;
        }
        Ok(out)
    }

    async fn refresh_bounds(&mut self, keys: &[KeyRef]) -> Result<(), StoreError> {
        for group in GroupBy::ALL {
            let names: Vec<&str> = keys
                .iter()
                .filter(|k| k.group_by == group)
                .map(|k| k.key.as_str())
                .collect();
            if names.is_empty() {
                continue;
            }
            sqlx::query(sql_for(&BOUNDS, group))
                .bind(group.code())
                .bind(json(&names))
                .execute(self.conn())
                .await
                .map_err(store_error)?;
        }
        Ok(())
    }

    async fn aggregates(
        &mut self,
        keys: &[KeyRef],
    ) -> Result<Vec<(KeyRef, Aggregate)>, StoreError> {
        let rows: Vec<AggregateRow> = sqlx::query_as(&SELECT_STATS)
            .bind(key_pairs(keys))
            .fetch_all(self.conn())
            .await
            .map_err(store_error)?;
        rows.into_iter().map(rows::aggregate).collect()
    }

    async fn window_counts(
        &mut self,
        group: GroupBy,
        keys: &[String],
        from: Millis,
        to: Option<Millis>,
    ) -> Result<Vec<(String, WindowCount)>, StoreError> {
        let rows: Vec<WindowRow> = sqlx::query_as(sql_for(&WINDOW, group))
            .bind(json(&keys))
            .bind(from)
            .bind(to.unwrap_or(Millis::MAX))
            .fetch_all(self.conn())
            .await
            .map_err(store_error)?;
        Ok(rows.into_iter().map(rows::window_count).collect())
    }

    async fn recent_counts(
        &mut self,
        group: GroupBy,
        keys: &[String],
        now: Millis,
    ) -> Result<Vec<(String, RecentCounts)>, StoreError> {
        let rows: Vec<RecentRow> = sqlx::query_as(sql_for(&RECENT, group))
            .bind(now - 24 * HOUR)
            .bind(now - 48 * HOUR)
            .bind(json(&keys))
            .bind(now - 7 * DAY)
            .fetch_all(self.conn())
            .await
            .map_err(store_error)?;
        Ok(rows.into_iter().map(rows::recent_counts).collect())
    }

    async fn active_alerts(
        &mut self,
        keys: Option<&[KeyRef]>,
        now: Millis,
        max: u32,
    ) -> Result<Vec<Alert>, StoreError> {
        let rows: Vec<AlertRow> = match keys {
            None => {
                sqlx::query_as(&format!(
                    "SELECT {ALERT_COLUMNS} FROM alerts WHERE active_until >= ? \
                     ORDER BY fired_at DESC, id DESC LIMIT ?"
                ))
                .bind(now)
                .bind(limit(max))
                .fetch_all(self.conn())
                .await
            }
            Some(keys) => {
                sqlx::query_as(&format!(
                    "SELECT {ALERT_COLUMNS} FROM alerts WHERE (group_by, key) IN \
                     (SELECT value ->> 0, value ->> 1 FROM json_each(?)) AND active_until >= ? \
                     ORDER BY fired_at DESC, id DESC LIMIT ?"
                ))
                .bind(key_pairs(keys))
                .bind(now)
                .bind(limit(max))
                .fetch_all(self.conn())
                .await
            }
        }
        .map_err(store_error)?;
        rows.into_iter().map(rows::alert).collect()
    }

    async fn insert_alert(&mut self, d: &AlertDraft) -> Result<i64, StoreError> {
        sqlx::query_scalar(
            "INSERT INTO alerts (rule, group_by, key, window_ms, count, customers, first_at, last_at, \
             fired_at, active_until, vendor, p_value, baseline_per_day) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(&d.rule)
        .bind(d.key.group_by.code())
        .bind(&d.key.key)
        .bind(d.window_ms)
        .bind(d.count as i64)
        .bind(d.customers as i64)
        .bind(d.first_at)
        .bind(d.last_at)
        .bind(d.fired_at)
        .bind(d.last_at.saturating_add(d.window_ms))
        .bind(&d.vendor)
        .bind(d.p_value)
        .bind(d.baseline_per_day)
        .fetch_one(self.conn())
        .await
        .map_err(store_error)
    }

    async fn update_alert(&mut self, c: &AlertChange) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE alerts SET count = ?, customers = ?, last_at = ?, active_until = ?, \
             p_value = coalesce(?, p_value) WHERE id = ?",
        )
        .bind(c.count as i64)
        .bind(c.customers as i64)
        .bind(c.last_at)
        .bind(c.active_until)
        .bind(c.p_value)
        .bind(c.id)
        .execute(self.conn())
        .await
        .map_err(store_error)?;
        Ok(())
    }

    async fn take_complaints(&mut self, selector: &Selector) -> Result<Vec<Complaint>, StoreError> {
        let rows: Vec<ComplaintRow> = match selector {
            Selector::Id(id) => {
                sqlx::query_as(&format!(
                    "DELETE FROM complaints WHERE id = ? RETURNING {COMPLAINT_COLUMNS}"
                ))
                .bind(id)
                .fetch_all(self.conn())
                .await
            }
            Selector::Customer(hash) => {
                sqlx::query_as(&format!(
                    "DELETE FROM complaints WHERE customer_hash = ? RETURNING {COMPLAINT_COLUMNS}"
                ))
                .bind(hash)
                .fetch_all(self.conn())
                .await
            }
            Selector::OlderThan { cutoff, limit: n } => {
                sqlx::query_as(&format!(
                    "DELETE FROM complaints WHERE id IN (SELECT id FROM complaints \
                     WHERE received_at < ? ORDER BY received_at LIMIT ?) RETURNING {COMPLAINT_COLUMNS}"
                ))
                .bind(cutoff)
                .bind(limit(*n))
                .fetch_all(self.conn())
                .await
            }
        }
        .map_err(store_error)?;
        rows.into_iter().map(rows::complaint).collect()
    }

    async fn purge_alerts(&mut self, cutoff: Millis) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM alerts WHERE active_until < ?")
            .bind(cutoff)
            .execute(self.conn())
            .await
            .map_err(store_error)?;
        Ok(done.rows_affected())
    }

    async fn list(&mut self, filter: &ListFilter) -> Result<Vec<Complaint>, StoreError> {
        let sql = rows::list_sql(filter, |_| "?".to_string());
        // Unset filters have no placeholder: bind only what is set.
        let mut q = sqlx::query_as::<_, ComplaintRow>(&sql);
        if let Some(e164) = &filter.e164 {
            q = q.bind(e164);
        }
        if let Some(since) = filter.since {
            q = q.bind(since);
        }
        if let Some(before) = filter.before_id {
            q = q.bind(before);
        }
        let rows = q
            .bind(limit(filter.limit))
            .fetch_all(self.conn())
            .await
            .map_err(store_error)?;
        rows.into_iter().map(rows::complaint).collect()
    }

    async fn top_keys(
        &mut self,
        group: GroupBy,
        since: Millis,
        max: u32,
    ) -> Result<Vec<KeySummary>, StoreError> {
        let rows: Vec<SummaryRow> = sqlx::query_as(sql_for(&TOP, group))
            .bind(since)
            .bind(limit(max))
            .fetch_all(self.conn())
            .await
            .map_err(store_error)?;
        Ok(rows.into_iter().map(rows::summary).collect())
    }

    async fn count(&mut self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM complaints")
            .fetch_one(self.conn())
            .await
            .map_err(store_error)?;
        Ok(rows::unsigned(n))
    }
}
