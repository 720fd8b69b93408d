//! Counts per key: the all-time aggregate the store keeps up to date with every
//! write, the recent counts read from the (key, received_at) index, and the
//! changes a write applies.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::category::Category;
use crate::keys::KeyRef;
use crate::time::Millis;

/// A key's all-time counts (within retention), kept by the store as a row per key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aggregate {
    /// Complaints.
    pub total: u64,
    /// Distinct customers (by hashed ref) among them.
    pub customers: u64,
    /// Complaints per category, in [`Category::ALL`] order.
    pub by_category: [u64; 8],
    /// Earliest `received_at`.
    pub first_at: Option<Millis>,
    /// Latest `received_at`.
    pub last_at: Option<Millis>,
}

/// Complaints in the last 24 h, 48 h and 7 days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RecentCounts {
    /// Last 24 hours.
    pub last_24h: u64,
    /// Last 48 hours.
    pub last_48h: u64,
    /// Last 7 days.
    pub last_7d: u64,
}

/// One key's complaints inside one window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WindowCount {
    /// Complaints.
    pub count: u64,
    /// Distinct known customers.
    pub customers: u64,
    /// Earliest `received_at` in the window.
    pub first_at: Option<Millis>,
    /// Latest `received_at` in the window.
    pub last_at: Option<Millis>,
}

/// The counts the API shows for a number, a range or a vendor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KeyStats {
    /// Complaints (within retention).
    pub total: u64,
    /// Last 24 hours.
    pub last_24h: u64,
    /// Last 48 hours.
    pub last_48h: u64,
    /// Last 7 days.
    pub last_7d: u64,
    /// Distinct customers (complaints without `customer_ref` are not counted here).
    pub distinct_customers: u64,
    /// Complaints per category (every category, zero included).
    pub by_category: BTreeMap<&'static str, u64>,
    /// First complaint (epoch ms).
    pub first_at: Option<Millis>,
    /// Latest complaint (epoch ms).
    pub last_at: Option<Millis>,
}

impl KeyStats {
    /// Stats from the aggregate and the recent counts.
    pub fn new(aggregate: &Aggregate, recent: RecentCounts) -> KeyStats {
        KeyStats {
            total: aggregate.total,
            last_24h: recent.last_24h,
            last_48h: recent.last_48h,
            last_7d: recent.last_7d,
            distinct_customers: aggregate.customers,
            by_category: Category::ALL
                .iter()
                .map(|c| (c.as_str(), aggregate.by_category[c.index()]))
                .collect(),
            first_at: aggregate.first_at,
            last_at: aggregate.last_at,
        }
    }
}

/// A change to one key's aggregate (negative when complaints are removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyDelta {
    /// The key.
    pub key: KeyRef,
    /// Change of `total`.
    pub total: i64,
    /// Change of `customers`.
    pub customers: i64,
    /// Change per category.
    pub by_category: [i64; 8],
    /// Earliest `received_at` added (`i64::MAX` when none).
    pub first_at: Millis,
    /// Latest `received_at` added (`i64::MIN` when none).
    pub last_at: Millis,
}

impl KeyDelta {
    /// No change yet.
    pub fn empty(key: KeyRef) -> KeyDelta {
        KeyDelta {
            key,
            total: 0,
            customers: 0,
            by_category: [0; 8],
            first_at: Millis::MAX,
            last_at: Millis::MIN,
        }
    }

    /// Counts one complaint in (`sign` = 1) or out (`sign` = -1).
    pub fn count(&mut self, category: Category, received_at: Millis, sign: i64) {
        self.total += sign;
        self.by_category[category.index()] += sign;
        if sign > 0 {
            self.first_at = self.first_at.min(received_at);
            self.last_at = self.last_at.max(received_at);
        }
    }
}

/// A change to how many complaints one customer has under one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerDelta {
    /// The key.
    pub key: KeyRef,
    /// The hashed customer ref.
    pub customer_hash: String,
    /// Complaints added (negative: removed).
    pub complaints: i64,
}

/// One row of `numrep complaints stats`: a key's complaints since a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeySummary {
    /// The number, range or vendor.
    pub key: String,
    /// Complaints.
    pub count: u64,
    /// Distinct known customers.
    pub customers: u64,
    /// First complaint in the period.
    pub first_at: Millis,
    /// Latest complaint in the period.
    pub last_at: Millis,
}
