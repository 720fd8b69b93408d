//! Alerts: one per key and window at a time. An alert stays active until a whole
//! window has passed without a complaint that keeps a rule true; complaints
//! meanwhile update it instead of raising a new one (no flapping), and a second
//! rule over the same key and window (threshold and surprise) updates it too.

use serde::Serialize;

use crate::keys::{GroupBy, KeyRef};
use crate::time::{format_window, Millis};

/// A stored alert, as `GET /api/v1/alerts` shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    /// Stable id.
    pub id: i64,
    /// The rule's name.
    pub rule: String,
    /// What was counted.
    pub group_by: GroupBy,
    /// The number, range or vendor.
    pub key: String,
    /// Complaints in the window (at the latest update).
    pub count: u64,
    /// Distinct known customers among them.
    pub customers: u64,
    /// The rule's window (`48h`).
    pub window: String,
    /// The window in milliseconds.
    #[serde(skip)]
    pub window_ms: Millis,
    /// First complaint of the burst in the window (epoch ms).
    pub first_at: Millis,
    /// Latest complaint of the burst (epoch ms).
    pub last_at: Millis,
    /// When the alert was raised (epoch ms).
    pub fired_at: Millis,
    /// Active until then unless further complaints keep the rule true.
    pub active_until: Millis,
    /// The vendor the number belongs to (vendor alerts: the key itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    /// Surprise rules: P(X ≥ count) under the baseline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_value: Option<f64>,
    /// Surprise rules: the baseline's complaints per day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_per_day: Option<f64>,
}

impl Alert {
    /// The alert as stored from a draft under `id`.
    pub fn from_draft(id: i64, draft: &AlertDraft) -> Alert {
        Alert {
            id,
            rule: draft.rule.clone(),
            group_by: draft.key.group_by,
            key: draft.key.key.clone(),
            count: draft.count,
            customers: draft.customers,
            window: format_window(draft.window_ms),
            window_ms: draft.window_ms,
            first_at: draft.first_at,
            last_at: draft.last_at,
            fired_at: draft.fired_at,
            active_until: draft.last_at.saturating_add(draft.window_ms),
            vendor: draft.vendor.clone(),
            p_value: draft.p_value,
            baseline_per_day: draft.baseline_per_day,
        }
    }

    /// The key the alert is about.
    pub fn key_ref(&self) -> KeyRef {
        KeyRef::new(self.group_by, &self.key)
    }
}

/// A new alert to store.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertDraft {
    /// The rule's name.
    pub rule: String,
    /// The key.
    pub key: KeyRef,
    /// The rule's window.
    pub window_ms: Millis,
    /// Complaints in the window.
    pub count: u64,
    /// Distinct known customers.
    pub customers: u64,
    /// First complaint in the window.
    pub first_at: Millis,
    /// Latest complaint.
    pub last_at: Millis,
    /// Now.
    pub fired_at: Millis,
    /// The vendor.
    pub vendor: Option<String>,
    /// Surprise rules: the probability.
    pub p_value: Option<f64>,
    /// Surprise rules: the baseline rate.
    pub baseline_per_day: Option<f64>,
}

/// New counts for an active alert whose rule still holds.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertChange {
    /// The alert.
    pub id: i64,
    /// Complaints in the window now.
    pub count: u64,
    /// Distinct known customers now.
    pub customers: u64,
    /// Latest complaint.
    pub last_at: Millis,
    /// Latest complaint plus the window.
    pub active_until: Millis,
    /// Surprise rules: the probability now.
    pub p_value: Option<f64>,
}

/// Orders alerts newest first (by firing time, then id) and keeps at most `max`.
pub fn newest_first(alerts: &mut Vec<Alert>, max: u32) {
    alerts.sort_by_key(|a| std::cmp::Reverse((a.fired_at, a.id)));
    alerts.truncate(usize::try_from(max).unwrap_or(usize::MAX));
}
