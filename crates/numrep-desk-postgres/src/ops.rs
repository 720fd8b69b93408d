//! The store primitives in PostgreSQL's SQL: every slice of keys goes to the
//! server as arrays and is answered by one statement (`unnest`, `LATERAL`).

use std::sync::LazyLock;

use async_trait::async_trait;
use numrep_desk::rows::{
    self, aggregate_columns, category_columns, key_column, AggregateRow, AlertRow, ComplaintRow,
    RecentRow, SummaryRow, WindowRow, ALERT_COLUMNS, COMPLAINT_COLUMNS,
};
use numrep_desk::{
    Aggregate, Alert, AlertChange, AlertDraft, Category, Complaint, CustomerDelta, GroupBy,
    IdempotentHit, KeyDelta, KeyRef, KeySummary, ListFilter, Millis, NewComplaint, Ops,
    RecentCounts, Selector, StoreError, WindowCount, DAY, HOUR,
};
use sqlx::pool::PoolConnection;
use sqlx::{PgConnection, Postgres, Transaction};

use crate::error::store_error;

/// A pooled connection or a transaction on one.
#[derive(Debug)]
pub enum PgConn {
    /// Reads outside a transaction.
    Read(PoolConnection<Postgres>),
    /// A write transaction.
    Write(Transaction<'static, Postgres>),
}

impl PgConn {
    fn conn(&mut self) -> &mut PgConnection {
        match self {
            PgConn::Read(c) => c,
            PgConn::Write(t) => t,
        }
    }
}

static UPSERT_STATS: LazyLock<String> = LazyLock::new(|| {
    let cats = category_columns();
    let arrays: Vec<String> = (0..cats.len())
        .map(|i| format!("${}::bigint[]", i + 7))
        .collect();
    let sums: Vec<String> = cats
        .iter()
        .map(|c| format!("{c} = key_stats.{c} + excluded.{c}"))
        .collect();
    format!(
        "INSERT INTO key_stats (group_by, key, total, customers, first_at, last_at, {}) \
         SELECT * FROM unnest($1::smallint[], $2::text[], $3::bigint[], $4::bigint[], \
         $5::bigint[], $6::bigint[], {}) \
         ON CONFLICT (group_by, key) DO UPDATE SET total = key_stats.total + excluded.total, \
         customers = key_stats.customers + excluded.customers, \
         first_at = LEAST(key_stats.first_at, excluded.first_at), \
         last_at = GREATEST(key_stats.last_at, excluded.last_at), {} \
         RETURNING {}",
        cats.join(", "),
        arrays.join(", "),
        sums.join(", "),
        aggregate_columns()
    )
});

static SELECT_STATS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {} FROM key_stats WHERE (group_by, key) IN \
         (SELECT * FROM unnest($1::smallint[], $2::text[]))",
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
            "SELECT k.key, w.n, w.cu, w.lo, w.hi FROM unnest($1::text[]) AS k(key) \
             CROSS JOIN LATERAL (SELECT count(*) AS n, count(DISTINCT customer_hash) AS cu, \
             min(received_at) AS lo, max(received_at) AS hi FROM complaints \
             WHERE {col} = k.key AND received_at >= $2 AND received_at < $3) AS w"
        )
    })
});

static RECENT: LazyLock<[String; 3]> = LazyLock::new(|| {
    per_group(|col| {
        format!(
            "SELECT k.key, w.d1, w.d2, w.d7 FROM unnest($1::text[]) AS k(key) \
             CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE received_at >= $2) AS d1, \
             count(*) FILTER (WHERE received_at >= $3) AS d2, count(*) AS d7 \
             FROM complaints WHERE {col} = k.key AND received_at >= $4) AS w"
        )
    })
});

static BOUNDS: LazyLock<[String; 3]> = LazyLock::new(|| {
    per_group(|col| {
        format!(
            "UPDATE key_stats AS s SET first_at = b.lo, last_at = b.hi FROM \
             (SELECT k.key, (SELECT min(received_at) FROM complaints WHERE {col} = k.key) AS lo, \
             (SELECT max(received_at) FROM complaints WHERE {col} = k.key) AS hi \
             FROM unnest($2::text[]) AS k(key)) AS b \
             WHERE s.group_by = $1 AND s.key = b.key AND b.lo IS NOT NULL"
        )
    })
});

static TOP: LazyLock<[String; 3]> = LazyLock::new(|| {
    per_group(|col| {
        format!(
            "SELECT {col}, count(*), count(DISTINCT customer_hash), min(received_at), max(received_at) \
             FROM complaints WHERE received_at >= $1 AND {col} IS NOT NULL \
             GROUP BY {col} ORDER BY count(*) DESC, {col} LIMIT $2"
        )
    })
});

fn sql_for(texts: &'static [String; 3], group: GroupBy) -> &'static str {
    &texts[group as usize]
}

/// Groupings and keys as the two arrays the statements take.
fn key_arrays(keys: &[KeyRef]) -> (Vec<i16>, Vec<String>) {
    keys.iter()
        .map(|k| (k.group_by.code(), k.key.clone()))
        .unzip()
}

#[async_trait]
impl Ops for PgConn {
    async fn commit(self) -> Result<(), StoreError> {
        match self {
            PgConn::Write(tx) => tx.commit().await.map_err(store_error),
            PgConn::Read(_) => Ok(()),
        }
    }

    async fn find_idempotent(&mut self, keys: &[String]) -> Result<Vec<IdempotentHit>, StoreError> {
        let rows: Vec<(String, i64, String)> = sqlx::query_as(
            "SELECT key, complaint_id, request_hash FROM idempotency_keys WHERE key = ANY($1)",
        )
        .bind(keys)
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
        // Ids first, so each complaint knows its own whatever order rows are written in.
        let mut ids: Vec<i64> = sqlx::query_scalar(
            "SELECT nextval(pg_get_serial_sequence('complaints', 'id')) FROM generate_series(1, $1)",
        )
        .bind(rows.len() as i64)
        .fetch_all(self.conn())
        .await
        .map_err(store_error)?;
        ids.sort_unstable();
        let text = |f: fn(&NewComplaint) -> Option<&String>| -> Vec<Option<String>> {
            rows.iter().map(|c| f(c).cloned()).collect()
        };
        sqlx::query(
            "INSERT INTO complaints (id, e164, range_key, vendor, category, region, claimed_company, \
             customer_hash, note, call_time, received_at) SELECT * FROM unnest($1::bigint[], \
             $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], \
             $9::text[], $10::bigint[], $11::bigint[])",
        )
        .bind(&ids)
        .bind(rows.iter().map(|c| c.keys.number.clone()).collect::<Vec<_>>())
        .bind(rows.iter().map(|c| c.keys.range.clone()).collect::<Vec<_>>())
        .bind(text(|c| c.keys.vendor.as_ref()))
        .bind(rows.iter().map(|c| c.category.as_str()).collect::<Vec<_>>())
        .bind(text(|c| c.region.as_ref()))
        .bind(text(|c| c.claimed_company.as_ref()))
        .bind(text(|c| c.customer_hash.as_ref()))
        .bind(text(|c| c.note.as_ref()))
        .bind(rows.iter().map(|c| c.call_time).collect::<Vec<_>>())
        .bind(rows.iter().map(|c| c.received_at).collect::<Vec<_>>())
        .execute(self.conn())
        .await
        .map_err(store_error)?;
        let keyed: Vec<(String, i64, String)> = rows
            .iter()
            .zip(&ids)
            .filter_map(|(c, id)| Some((c.idempotency_key.clone()?, *id, c.request_hash())))
            .collect();
        if !keyed.is_empty() {
            let (keys, (complaint_ids, hashes)): (Vec<_>, (Vec<_>, Vec<_>)) =
                keyed.into_iter().map(|(k, i, h)| (k, (i, h))).unzip();
            sqlx::query(
                "INSERT INTO idempotency_keys (key, complaint_id, request_hash) \
                 SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])",
            )
            .bind(keys)
            .bind(complaint_ids)
            .bind(hashes)
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
        let groups: Vec<i16> = deltas.iter().map(|d| d.key.group_by.code()).collect();
        let keys: Vec<String> = deltas.iter().map(|d| d.key.key.clone()).collect();
        let hashes: Vec<String> = deltas.iter().map(|d| d.customer_hash.clone()).collect();
        let counts: Vec<i64> = deltas.iter().map(|d| d.complaints).collect();
        let after: Vec<i64> = sqlx::query_scalar(
            "WITH d AS (SELECT * FROM unnest($1::smallint[], $2::text[], $3::text[], $4::bigint[]) \
             WITH ORDINALITY AS d(group_by, key, customer_hash, complaints, ord)), \
             up AS (INSERT INTO key_customers (group_by, key, customer_hash, complaints) \
             SELECT group_by, key, customer_hash, complaints FROM d ORDER BY ord \
             ON CONFLICT (group_by, key, customer_hash) \
             DO UPDATE SET complaints = key_customers.complaints + excluded.complaints \
             RETURNING group_by, key, customer_hash, complaints) \
             SELECT up.complaints FROM d JOIN up USING (group_by, key, customer_hash) ORDER BY d.ord",
        )
        .bind(&groups)
        .bind(&keys)
        .bind(&hashes)
        .bind(&counts)
        .fetch_all(self.conn())
        .await
        .map_err(store_error)?;
        if after.iter().any(|&n| n <= 0) {
            sqlx::query(
                "DELETE FROM key_customers AS c USING unnest($1::smallint[], $2::text[], $3::text[]) \
                 AS d(group_by, key, customer_hash) WHERE c.group_by = d.group_by AND c.key = d.key \
                 AND c.customer_hash = d.customer_hash AND c.complaints <= 0",
            )
            .bind(&groups)
            .bind(&keys)
            .bind(&hashes)
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
        let keys: Vec<KeyRef> = deltas.iter().map(|d| d.key.clone()).collect();
        let (groups, names) = key_arrays(&keys);
        let mut q = sqlx::query_as::<_, AggregateRow>(&UPSERT_STATS)
            .bind(&groups)
            .bind(&names)
            .bind(deltas.iter().map(|d| d.total).collect::<Vec<_>>())
            .bind(deltas.iter().map(|d| d.customers).collect::<Vec<_>>())
            .bind(deltas.iter().map(|d| d.first_at).collect::<Vec<_>>())
            .bind(deltas.iter().map(|d| d.last_at).collect::<Vec<_>>());
        for c in Category::ALL {
            q = q.bind(
                deltas
                    .iter()
                    .map(|d| d.by_category[c.index()])
                    .collect::<Vec<_>>(),
            );
        }
        let rows = q.fetch_all(self.conn()).await.map_err(store_error)?;
        let out = rows
            .into_iter()
            .map(rows::aggregate)
            .collect::<Result<Vec<_>, _>>()?;
        if out.iter().any(|(_, a)| a.total == 0) {
            sqlx::query(
                "DELETE FROM key_stats WHERE total <= 0 AND (group_by, key) IN \
                 (SELECT * FROM unnest($1::smallint[], $2::text[]))",
            )
            .bind(&groups)
            .bind(&names)
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
                .bind(names)
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
        let (groups, names) = key_arrays(keys);
        let rows: Vec<AggregateRow> = sqlx::query_as(&SELECT_STATS)
            .bind(groups)
            .bind(names)
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
            .bind(keys)
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
            .bind(keys)
            .bind(now - 24 * HOUR)
            .bind(now - 48 * HOUR)
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
                    "SELECT {ALERT_COLUMNS} FROM alerts WHERE active_until >= $1 \
                     ORDER BY fired_at DESC, id DESC LIMIT $2"
                ))
                .bind(now)
                .bind(i64::from(max))
                .fetch_all(self.conn())
                .await
            }
            Some(keys) => {
                let (groups, names) = key_arrays(keys);
                sqlx::query_as(&format!(
                    "SELECT {ALERT_COLUMNS} FROM alerts WHERE (group_by, key) IN \
                     (SELECT * FROM unnest($1::smallint[], $2::text[])) AND active_until >= $3 \
                     ORDER BY fired_at DESC, id DESC LIMIT $4"
                ))
                .bind(groups)
                .bind(names)
                .bind(now)
                .bind(i64::from(max))
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
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
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
            "UPDATE alerts SET count = $1, customers = $2, last_at = $3, active_until = $4, \
             p_value = coalesce($5, p_value) WHERE id = $6",
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
                    "DELETE FROM complaints WHERE id = $1 RETURNING {COMPLAINT_COLUMNS}"
                ))
                .bind(id)
                .fetch_all(self.conn())
                .await
            }
            Selector::Customer(hash) => {
                sqlx::query_as(&format!(
                    "DELETE FROM complaints WHERE customer_hash = $1 RETURNING {COMPLAINT_COLUMNS}"
                ))
                .bind(hash)
                .fetch_all(self.conn())
                .await
            }
            Selector::OlderThan { cutoff, limit } => {
                sqlx::query_as(&format!(
                    "DELETE FROM complaints WHERE id IN (SELECT id FROM complaints \
                     WHERE received_at < $1 ORDER BY received_at LIMIT $2 FOR UPDATE) \
                     RETURNING {COMPLAINT_COLUMNS}"
                ))
                .bind(cutoff)
                .bind(i64::from(*limit))
                .fetch_all(self.conn())
                .await
            }
        }
        .map_err(store_error)?;
        rows.into_iter().map(rows::complaint).collect()
    }

    async fn purge_alerts(&mut self, cutoff: Millis) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM alerts WHERE active_until < $1")
            .bind(cutoff)
            .execute(self.conn())
            .await
            .map_err(store_error)?;
        Ok(done.rows_affected())
    }

    async fn list(&mut self, filter: &ListFilter) -> Result<Vec<Complaint>, StoreError> {
        let sql = rows::list_sql(filter, |i| format!("${i}"));
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
            .bind(i64::from(filter.limit))
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
            .bind(i64::from(max))
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
