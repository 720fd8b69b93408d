//! The shape of stored rows, shared by both SQL backends: column lists in a fixed
//! order and the tuples `sqlx` reads them into, converted here once.

use crate::alert::Alert;
use crate::category::Category;
use crate::error::StoreError;
use crate::keys::{GroupBy, KeyRef};
use crate::stats::{Aggregate, CustomerDelta, KeySummary, RecentCounts, WindowCount};
use crate::store::{Complaint, ListFilter};
use crate::time::format_window;

/// The complaints column holding a grouping's key.
pub fn key_column(group: GroupBy) -> &'static str {
    match group {
        GroupBy::Number => "e164",
        GroupBy::Range => "range_key",
        GroupBy::Vendor => "vendor",
    }
}

/// `key_stats`' per-category columns in [`Category::ALL`] order (`cat_cold_call`, …).
pub fn category_columns() -> Vec<String> {
    Category::ALL
        .iter()
        .map(|c| format!("cat_{}", c.as_str()))
        .collect()
}

/// Columns of a complaint, in [`ComplaintRow`] order.
pub const COMPLAINT_COLUMNS: &str = "id, e164, range_key, vendor, category, region, \
     claimed_company, customer_hash, note, call_time, received_at";

/// A complaint as read.
pub type ComplaintRow = (
    i64,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    i64,
);

/// A complaint from its row.
pub fn complaint(row: ComplaintRow) -> Result<Complaint, StoreError> {
    let (
        id,
        e164,
        range,
        vendor,
        category,
        region,
        claimed_company,
        customer_hash,
        note,
        call_time,
        received_at,
    ) = row;
    let category = Category::parse(&category).ok_or_else(|| {
        StoreError::Other(format!("complaint {id}: unknown category {category:?}"))
    })?;
    Ok(Complaint {
        id,
        e164,
        range,
        vendor,
        category,
        region,
        claimed_company,
        customer_hash,
        note,
        call_time,
        received_at,
    })
}

/// Columns of an alert, in [`AlertRow`] order.
pub const ALERT_COLUMNS: &str = "id, rule, group_by, key, window_ms, count, customers, \
     first_at, last_at, fired_at, active_until, vendor, p_value, baseline_per_day";

/// An alert as read.
pub type AlertRow = (
    i64,
    String,
    i16,
    String,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    Option<String>,
    Option<f64>,
    Option<f64>,
);

/// An alert from its row.
pub fn alert(row: AlertRow) -> Result<Alert, StoreError> {
    let (
        id,
        rule,
        group_by,
        key,
        window_ms,
        count,
        customers,
        first_at,
        last_at,
        fired_at,
        active_until,
        vendor,
        p_value,
        baseline_per_day,
    ) = row;
    Ok(Alert {
        id,
        rule,
        group_by: group(group_by)?,
        key,
        count: unsigned(count),
        customers: unsigned(customers),
        window: format_window(window_ms),
        window_ms,
        first_at,
        last_at,
        fired_at,
        active_until,
        vendor,
        p_value,
        baseline_per_day,
    })
}

/// Columns of `key_stats`, in [`AggregateRow`] order.
pub fn aggregate_columns() -> String {
    format!(
        "group_by, key, total, customers, first_at, last_at, {}",
        category_columns().join(", ")
    )
}

/// A `key_stats` row as read.
pub type AggregateRow = (
    i16,
    String,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
);

/// A key and its aggregate from its row.
pub fn aggregate(row: AggregateRow) -> Result<(KeyRef, Aggregate), StoreError> {
    let (g, key, total, customers, first_at, last_at, c0, c1, c2, c3, c4, c5, c6, c7) = row;
    let key = KeyRef::new(group(g)?, key);
    if total <= 0 {
        return Ok((key, Aggregate::default()));
    }
    Ok((
        key,
        Aggregate {
            total: unsigned(total),
            customers: unsigned(customers),
            by_category: [c0, c1, c2, c3, c4, c5, c6, c7].map(unsigned),
            first_at: Some(first_at),
            last_at: Some(last_at),
        },
    ))
}

fn group(code: i16) -> Result<GroupBy, StoreError> {
    GroupBy::from_code(code).ok_or_else(|| StoreError::Other(format!("unknown group_by {code}")))
}

/// A count as read (never negative in a consistent store).
pub fn unsigned(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// A `top_keys` row: key, count, distinct customers, first and last time.
pub type SummaryRow = (String, i64, i64, i64, i64);

/// A key summary from its row.
pub fn summary(row: SummaryRow) -> KeySummary {
    let (key, count, customers, first_at, last_at) = row;
    KeySummary {
        key,
        count: unsigned(count),
        customers: unsigned(customers),
        first_at,
        last_at,
    }
}

/// How each key's distinct customers changed, from the per-customer counts after
/// applying `deltas` (in the same order): a new row (+1) or an emptied one (−1).
pub fn customer_changes(deltas: &[CustomerDelta], after: &[i64]) -> Vec<(KeyRef, i64)> {
    let mut changes: Vec<(KeyRef, i64)> = Vec::new();
    for (d, &n) in deltas.iter().zip(after) {
        let change = if n <= 0 {
            -1
        } else if n == d.complaints {
            1
        } else {
            0
        };
        if change == 0 {
            continue;
        }
        match changes.iter_mut().find(|(k, _)| *k == d.key) {
            Some((_, total)) => *total += change,
            None => changes.push((d.key.clone(), change)),
        }
    }
    changes
}

/// The listing query for `filter`; `param(i)` writes the i-th placeholder (1-based).
/// Values bind in this order: e164, since, before_id (each only when set), limit.
pub fn list_sql(filter: &ListFilter, param: impl Fn(usize) -> String) -> String {
    let mut sql = format!("SELECT {COMPLAINT_COLUMNS} FROM complaints WHERE 1 = 1");
    let mut n = 0;
    let conditions = [
        (filter.e164.is_some(), "e164 ="),
        (filter.since.is_some(), "received_at >="),
        (filter.before_id.is_some(), "id <"),
    ];
    for (set, condition) in conditions {
        if set {
            n += 1;
            sql.push_str(&format!(" AND {condition} {}", param(n)));
        }
    }
    sql.push_str(&format!(" ORDER BY id DESC LIMIT {}", param(n + 1)));
    sql
}

/// A `window_counts` row: key, count, distinct customers, first and last time.
pub type WindowRow = (String, i64, i64, Option<i64>, Option<i64>);

/// A key's window count from its row.
pub fn window_count(row: WindowRow) -> (String, WindowCount) {
    let (key, count, customers, first_at, last_at) = row;
    let counts = WindowCount {
        count: unsigned(count),
        customers: unsigned(customers),
        first_at,
        last_at,
    };
    (key, counts)
}

/// A `recent_counts` row: key, last 24 h, 48 h, 7 days.
pub type RecentRow = (String, i64, i64, i64);

/// A key's recent counts from its row.
pub fn recent_counts(row: RecentRow) -> (String, RecentCounts) {
    let (key, d1, d2, d7) = row;
    let recent = RecentCounts {
        last_24h: unsigned(d1),
        last_48h: unsigned(d2),
        last_7d: unsigned(d7),
    };
    (key, recent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_lists_match_the_tuples() {
        assert_eq!(COMPLAINT_COLUMNS.split(", ").count(), 11);
        assert_eq!(ALERT_COLUMNS.split(", ").count(), 14);
        assert_eq!(aggregate_columns().split(", ").count(), 14);
        assert_eq!(category_columns()[1], "cat_cold_call");
    }

    #[test]
    fn list_query_binds_only_what_is_set() {
        let f = ListFilter {
            e164: Some("+49".into()),
            before_id: Some(9),
            limit: 5,
            ..ListFilter::default()
        };
        let sql = list_sql(&f, |i| format!("${i}"));
        assert!(
            sql.ends_with("AND e164 = $1 AND id < $2 ORDER BY id DESC LIMIT $3"),
            "{sql}"
        );
        let sql = list_sql(&ListFilter::default(), |_| "?".into());
        assert!(
            sql.ends_with("WHERE 1 = 1 ORDER BY id DESC LIMIT ?"),
            "{sql}"
        );
    }

    #[test]
    fn customer_changes_count_new_and_gone_rows() {
        let d = |key: &str, n| CustomerDelta {
            key: KeyRef::new(GroupBy::Number, key),
            customer_hash: "h".into(),
            complaints: n,
        };
        let deltas = [d("a", 2), d("a", 1), d("b", 1), d("c", -1)];
        // a: new row (2 == 2), existing row (3 != 1); b: existing; c: emptied.
        let changes = customer_changes(&deltas, &[2, 3, 4, 0]);
        assert_eq!(
            changes,
            vec![
                (KeyRef::new(GroupBy::Number, "a"), 1),
                (KeyRef::new(GroupBy::Number, "c"), -1)
            ]
        );
    }

    #[test]
    fn bad_rows_are_errors_not_panics() {
        let row: ComplaintRow = (
            1,
            "+1".into(),
            "+xx".into(),
            None,
            "spam".into(),
            None,
            None,
            None,
            None,
            None,
            0,
        );
        assert!(complaint(row).is_err());
        let agg: AggregateRow = (9, "k".into(), 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assert!(aggregate(agg).is_err());
        let empty: AggregateRow = (0, "k".into(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assert_eq!(aggregate(empty).unwrap().1, Aggregate::default());
    }
}
