//! The store primitives in SQLite's SQL. SQLite runs in-process, so a batch is a
//! loop of prepared statements (cached per connection), each one an index lookup.

use std::sync::LazyLock;

use async_trait::async_trait;
use numrep_desk::rows::{
    self, aggregate_columns, category_columns, key_column, AggregateRow, AlertRow, ComplaintRow,
    SummaryRow, ALERT_COLUMNS, COMPLAINT_COLUMNS,
};
use numrep_desk::{
    newest_first, Aggregate, Alert, AlertChange, AlertDraft, Complaint, CustomerDelta, GroupBy,
    IdempotentHit, KeyDelta, KeyRef, KeySummary, ListFilter, Millis, NewComplaint, Ops,
    RecentCounts, Selector, StoreError, WindowCount, DAY, HOUR,
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
    let placeholders = vec!["?"; cats.len()].join(", ");
    let sums: Vec<String> = cats
        .iter()
        .map(|c| format!("{c} = {c} + excluded.{c}"))
        .collect();
    format!(
        "INSERT INTO key_stats (group_by, key, total, customers, first_at, last_at, {}) \
         VALUES (?, ?, ?, ?, ?, ?, {placeholders}) \
         ON CONFLICT (group_by, key) DO UPDATE SET total = total + excluded.total, \
         customers = customers + excluded.customers, \
         first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at), {} \
         RETURNING {}",
        cats.join(", "),
        sums.join(", "),
        aggregate_columns()
    )
});

static SELECT_STATS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {} FROM key_stats WHERE group_by = ? AND key = ?",
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
            "SELECT count(*), count(DISTINCT customer_hash), min(received_at), max(received_at) \
             FROM complaints WHERE {col} = ? AND received_at >= ? AND received_at < ?"
        )
    })
});

static RECENT: LazyLock<[String; 3]> = LazyLock::new(|| {
    per_group(|col| {
        format!(
            "SELECT count(*) FILTER (WHERE received_at >= ?), \
             count(*) FILTER (WHERE received_at >= ?), count(*) \
             FROM complaints WHERE {col} = ? AND received_at >= ?"
        )
    })
});

static BOUNDS: LazyLock<[String; 3]> = LazyLock::new(|| {
    per_group(|col| {
        format!(
            "UPDATE key_stats SET \
             first_at = (SELECT min(received_at) FROM complaints WHERE {col} = ?2), \
             last_at = (SELECT max(received_at) FROM complaints WHERE {col} = ?2) \
             WHERE group_by = ?1 AND key = ?2"
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
        let mut hits = Vec::new();
        for key in keys {
            let row: Option<(i64, String)> = sqlx::query_as(
                "SELECT complaint_id, request_hash FROM idempotency_keys WHERE key = ?",
            )
            .bind(key)
            .fetch_optional(self.conn())
            .await
            .map_err(store_error)?;
            if let Some((complaint_id, request_hash)) = row {
                hits.push(IdempotentHit {
                    key: key.clone(),
                    complaint_id,
                    request_hash,
                });
            }
        }
        Ok(hits)
    }

    async fn insert_complaints(&mut self, rows: &[&NewComplaint]) -> Result<Vec<i64>, StoreError> {
        let mut ids = Vec::with_capacity(rows.len());
        for c in rows {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO complaints (e164, range_key, vendor, category, region, claimed_company, \
                 customer_hash, note, call_time, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
                 RETURNING id",
            )
            .bind(&c.keys.number)
            .bind(&c.keys.range)
            .bind(&c.keys.vendor)
            .bind(c.category.as_str())
            .bind(&c.region)
            .bind(&c.claimed_company)
            .bind(&c.customer_hash)
            .bind(&c.note)
            .bind(c.call_time)
            .bind(c.received_at)
            .fetch_one(self.conn())
            .await
            .map_err(store_error)?;
            if let Some(key) = &c.idempotency_key {
                sqlx::query(
                    "INSERT INTO idempotency_keys (key, complaint_id, request_hash) VALUES (?, ?, ?)",
                )
                .bind(key)
                .bind(id)
                .bind(c.request_hash())
                .execute(self.conn())
                .await
                .map_err(store_error)?;
            }
            ids.push(id);
        }
        Ok(ids)
    }

    async fn add_customers(
        &mut self,
        deltas: &[CustomerDelta],
    ) -> Result<Vec<(KeyRef, i64)>, StoreError> {
        let mut after = Vec::with_capacity(deltas.len());
        for d in deltas {
            let g = d.key.group_by.code();
            let n: i64 = sqlx::query_scalar(
                "INSERT INTO key_customers (group_by, key, customer_hash, complaints) \
                 VALUES (?, ?, ?, ?) ON CONFLICT (group_by, key, customer_hash) \
                 DO UPDATE SET complaints = complaints + excluded.complaints RETURNING complaints",
            )
            .bind(g)
            .bind(&d.key.key)
            .bind(&d.customer_hash)
            .bind(d.complaints)
            .fetch_one(self.conn())
            .await
            .map_err(store_error)?;
            if n <= 0 {
                sqlx::query(
                    "DELETE FROM key_customers WHERE group_by = ? AND key = ? AND customer_hash = ?",
                )
                .bind(g)
                .bind(&d.key.key)
                .bind(&d.customer_hash)
                .execute(self.conn())
                .await
                .map_err(store_error)?;
            }
            after.push(n);
        }
        Ok(rows::customer_changes(deltas, &after))
    }

    async fn apply_deltas(
        &mut self,
        deltas: &[KeyDelta],
    ) -> Result<Vec<(KeyRef, Aggregate)>, StoreError> {
        let mut out = Vec::with_capacity(deltas.len());
        for d in deltas {
            let mut q = sqlx::query_as::<_, AggregateRow>(&UPSERT_STATS)
                .bind(d.key.group_by.code())
                .bind(&d.key.key)
                .bind(d.total)
                .bind(d.customers)
                .bind(d.first_at)
                .bind(d.last_at);
            for n in d.by_category {
                q = q.bind(n);
            }
            let row = q.fetch_one(self.conn()).await.map_err(store_error)?;
            let (key, aggregate) = rows::aggregate(row)?;
            if aggregate.total == 0 {
                sqlx::query("DELETE FROM key_stats WHERE group_by = ? AND key = ?")
                    .bind(key.group_by.code())
                    .bind(&key.key)
                    .execute(self.conn())
                    .await
                    .map_err(store_error)?;
            }
            out.push((key, aggregate));
        }
        Ok(out)
    }

    async fn refresh_bounds(&mut self, keys: &[KeyRef]) -> Result<(), StoreError> {
        for key in keys {
            sqlx::query(sql_for(&BOUNDS, key.group_by))
                .bind(key.group_by.code())
                .bind(&key.key)
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
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            let row: Option<AggregateRow> = sqlx::query_as(&SELECT_STATS)
                .bind(key.group_by.code())
                .bind(&key.key)
                .fetch_optional(self.conn())
                .await
                .map_err(store_error)?;
            if let Some(row) = row {
                out.push(rows::aggregate(row)?);
            }
        }
        Ok(out)
    }

    async fn window_counts(
        &mut self,
        group: GroupBy,
        keys: &[String],
        from: Millis,
        to: Option<Millis>,
    ) -> Result<Vec<(String, WindowCount)>, StoreError> {
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            let (count, customers, first_at, last_at): (i64, i64, Option<i64>, Option<i64>) =
                sqlx::query_as(sql_for(&WINDOW, group))
                    .bind(key)
                    .bind(from)
                    .bind(to.unwrap_or(Millis::MAX))
                    .fetch_one(self.conn())
                    .await
                    .map_err(store_error)?;
            out.push((
                key.clone(),
                WindowCount {
                    count: rows::unsigned(count),
                    customers: rows::unsigned(customers),
                    first_at,
                    last_at,
                },
            ));
        }
        Ok(out)
    }

    async fn recent_counts(
        &mut self,
        group: GroupBy,
        keys: &[String],
        now: Millis,
    ) -> Result<Vec<(String, RecentCounts)>, StoreError> {
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            let (d1, d2, d7): (i64, i64, i64) = sqlx::query_as(sql_for(&RECENT, group))
                .bind(now - 24 * HOUR)
                .bind(now - 48 * HOUR)
                .bind(key)
                .bind(now - 7 * DAY)
                .fetch_one(self.conn())
                .await
                .map_err(store_error)?;
            out.push((
                key.clone(),
                RecentCounts {
                    last_24h: rows::unsigned(d1),
                    last_48h: rows::unsigned(d2),
                    last_7d: rows::unsigned(d7),
                },
            ));
        }
        Ok(out)
    }

    async fn active_alerts(
        &mut self,
        keys: Option<&[KeyRef]>,
        now: Millis,
        max: u32,
    ) -> Result<Vec<Alert>, StoreError> {
        let mut found: Vec<AlertRow> = Vec::new();
        match keys {
            None => {
                found = sqlx::query_as(&format!(
                    "SELECT {ALERT_COLUMNS} FROM alerts WHERE active_until >= ? \
                     ORDER BY fired_at DESC, id DESC LIMIT ?"
                ))
                .bind(now)
                .bind(limit(max))
                .fetch_all(self.conn())
                .await
                .map_err(store_error)?;
            }
            Some(keys) => {
                for key in keys {
                    let rows: Vec<AlertRow> = sqlx::query_as(&format!(
                        "SELECT {ALERT_COLUMNS} FROM alerts \
                         WHERE group_by = ? AND key = ? AND active_until >= ?"
                    ))
                    .bind(key.group_by.code())
                    .bind(&key.key)
                    .bind(now)
                    .fetch_all(self.conn())
                    .await
                    .map_err(store_error)?;
                    found.extend(rows);
                }
            }
        }
        let mut alerts = found
            .into_iter()
            .map(rows::alert)
            .collect::<Result<Vec<_>, _>>()?;
        newest_first(&mut alerts, max);
        Ok(alerts)
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
