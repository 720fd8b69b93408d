//! The shape of stored rows, shared by both SQL backends: column lists in a fixed
//! order and the tuples `sqlx` reads them into, converted here once.

use crate::alert::Alert;
use crate::category::Category;
use crate::error::StoreError;
use crate::keys::{GroupBy, KeyRef};
use crate::stats::Aggregate;
use crate::store::Complaint;
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
