//! Recording a batch of complaints: idempotency, the aggregates of every key, the
//! alert rules, and the answer for each complaint. Runs inside one transaction of
//! any backend; the cost per batch is a fixed handful of primitive calls, each
//! answered from an index, never a scan.

use std::collections::{BTreeMap, HashMap};

use crate::alert::{Alert, AlertChange, AlertDraft};
use crate::backend::Ops;
use crate::error::StoreError;
use crate::keys::{GroupBy, KeyRef};
use crate::rules::{Observation, Rule};
use crate::stats::{Aggregate, CustomerDelta, KeyDelta, KeyStats, WindowCount};
use crate::store::NewComplaint;
use crate::time::Millis;

/// What happened to one complaint of a batch.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Stored now, or stored before under the same idempotency key.
    Recorded(Recorded),
    /// The idempotency key was used before for a different complaint.
    KeyReused,
}

/// A stored complaint and its number's counts after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    /// The complaint's id.
    pub id: i64,
    /// The number.
    pub e164: String,
    /// The number's counts once the batch is stored.
    pub stats: KeyStats,
    /// Alerts this batch raised for the complaint's number, range or vendor.
    pub alerts: Vec<Alert>,
    /// True when an earlier post with the same idempotency key stored it.
    pub replayed: bool,
}

/// How one complaint of the batch is handled.
enum Plan {
    /// Inserted now, at this position among the inserted.
    Fresh(usize),
    /// Stored by an earlier request.
    Replay(i64),
    /// Same key as an earlier complaint of this batch (its position among the inserted).
    ReplayPending(usize),
    /// Key reused for other content.
    Reused,
}

/// Records `batch` through `ops` (one transaction) and evaluates `rules`.
pub async fn record<O: Ops>(
    ops: &mut O,
    batch: &[NewComplaint],
    rules: &[Rule],
) -> Result<Vec<Outcome>, StoreError> {
    let Some(now) = batch.iter().map(|c| c.received_at).max() else {
        return Ok(Vec::new());
    };
    let (plans, fresh) = plan(ops, batch).await?;
    let ids = if fresh.is_empty() {
        Vec::new()
    } else {
        ops.insert_complaints(&fresh).await?
    };
    let mut aggregates = count_in(ops, &fresh).await?;
    let fired = evaluate(ops, rules, &fresh, now).await?;

    // The numbers' stats for the answers (replayed numbers may not be in this batch).
    let mut numbers: Vec<String> = batch.iter().map(|c| c.keys.number.clone()).collect();
    numbers.sort();
    numbers.dedup();
    let missing: Vec<KeyRef> = numbers
        .iter()
        .map(|n| KeyRef::new(GroupBy::Number, n))
        .filter(|k| !aggregates.contains_key(k))
        .collect();
    if !missing.is_empty() {
        aggregates.extend(ops.aggregates(&missing).await?);
    }
    let recent: HashMap<String, _> = ops
        .recent_counts(GroupBy::Number, &numbers, now)
        .await?
        .into_iter()
        .collect();

    let outcomes = batch
        .iter()
        .zip(plans)
        .map(|(complaint, plan)| {
            let (id, replayed) = match plan {
                Plan::Fresh(i) => (ids[i], false),
                Plan::Replay(id) => (id, true),
                Plan::ReplayPending(i) => (ids[i], true),
                Plan::Reused => return Outcome::KeyReused,
            };
            let number = &complaint.keys.number;
            let aggregate = aggregates
                .get(&KeyRef::new(GroupBy::Number, number))
                .cloned()
                .unwrap_or_default();
            let stats = KeyStats::new(&aggregate, recent.get(number).copied().unwrap_or_default());
            let alerts = if replayed {
                Vec::new()
            } else {
                let keys = complaint.keys.refs();
                fired
                    .iter()
                    .filter(|a| keys.contains(&a.key_ref()))
                    .cloned()
                    .collect()
            };
            Outcome::Recorded(Recorded {
                id,
                e164: number.clone(),
                stats,
                alerts,
                replayed,
            })
        })
        .collect();
    Ok(outcomes)
}

/// Sorts the batch into complaints to insert and retries of stored ones.
async fn plan<'a, O: Ops>(
    ops: &mut O,
    batch: &'a [NewComplaint],
) -> Result<(Vec<Plan>, Vec<&'a NewComplaint>), StoreError> {
    let mut keys: Vec<String> = batch
        .iter()
        .filter_map(|c| c.idempotency_key.clone())
        .collect();
    keys.sort();
    keys.dedup();
    let known: HashMap<String, (i64, String)> = if keys.is_empty() {
        HashMap::new()
    } else {
        ops.find_idempotent(&keys)
            .await?
            .into_iter()
            .map(|hit| (hit.key, (hit.complaint_id, hit.request_hash)))
            .collect()
    };
    let mut pending: HashMap<&str, (usize, String)> = HashMap::new();
    let mut fresh = Vec::new();
    let mut plans = Vec::with_capacity(batch.len());
    for complaint in batch {
        let Some(key) = complaint.idempotency_key.as_deref() else {
            plans.push(Plan::Fresh(fresh.len()));
            fresh.push(complaint);
            continue;
        };
        let hash = complaint.request_hash();
        let plan = if let Some((id, stored)) = known.get(key) {
            if *stored == hash {
                Plan::Replay(*id)
            } else {
                Plan::Reused
            }
        } else if let Some((i, stored)) = pending.get(key) {
            if *stored == hash {
                Plan::ReplayPending(*i)
            } else {
                Plan::Reused
            }
        } else {
            pending.insert(key, (fresh.len(), hash));
            fresh.push(complaint);
            Plan::Fresh(fresh.len() - 1)
        };
        plans.push(plan);
    }
    Ok((plans, fresh))
}

/// Adds the inserted complaints to their keys' aggregates; returns them after.
async fn count_in<O: Ops>(
    ops: &mut O,
    fresh: &[&NewComplaint],
) -> Result<HashMap<KeyRef, Aggregate>, StoreError> {
    if fresh.is_empty() {
        return Ok(HashMap::new());
    }
    let mut deltas: BTreeMap<KeyRef, KeyDelta> = BTreeMap::new();
    let mut customers: BTreeMap<(KeyRef, &str), i64> = BTreeMap::new();
    for complaint in fresh {
        for key in complaint.keys.refs() {
            if let Some(hash) = complaint.customer_hash.as_deref() {
                *customers.entry((key.clone(), hash)).or_default() += 1;
            }
            deltas
                .entry(key.clone())
                .or_insert_with(|| KeyDelta::empty(key))
                .count(complaint.category, complaint.received_at, 1);
        }
    }
    apply(ops, deltas, customers).await
}

/// Applies per-key and per-customer changes (both signs): customers first, so
/// the distinct counts they change go into the keys' deltas.
pub(crate) async fn apply<O: Ops>(
    ops: &mut O,
    mut deltas: BTreeMap<KeyRef, KeyDelta>,
    customers: BTreeMap<(KeyRef, &str), i64>,
) -> Result<HashMap<KeyRef, Aggregate>, StoreError> {
    let customer_deltas: Vec<CustomerDelta> = customers
        .into_iter()
        .map(|((key, hash), complaints)| CustomerDelta {
            key,
            customer_hash: hash.to_string(),
            complaints,
        })
        .collect();
    if !customer_deltas.is_empty() {
        for (key, change) in ops.add_customers(&customer_deltas).await? {
            if let Some(delta) = deltas.get_mut(&key) {
                delta.customers += change;
            }
        }
    }
    let deltas: Vec<KeyDelta> = deltas.into_values().collect();
    Ok(ops.apply_deltas(&deltas).await?.into_iter().collect())
}

/// Runs the rules for every key the batch touched; returns the alerts raised.
async fn evaluate<O: Ops>(
    ops: &mut O,
    rules: &[Rule],
    fresh: &[&NewComplaint],
    now: Millis,
) -> Result<Vec<Alert>, StoreError> {
    // Every touched key with the vendor of its latest complaint.
    let mut touched: BTreeMap<KeyRef, Option<String>> = BTreeMap::new();
    for complaint in fresh {
        for key in complaint.keys.refs() {
            touched.insert(key, complaint.keys.vendor.clone());
        }
    }
    if touched.is_empty() || rules.is_empty() {
        return Ok(Vec::new());
    }
    let keys: Vec<KeyRef> = touched.keys().cloned().collect();
    // One alert per key and window: the newest active one, whichever rule raised it.
    let mut active: HashMap<(KeyRef, Millis), i64> = HashMap::new();
    for alert in ops.active_alerts(Some(&keys), now, u32::MAX).await? {
        active
            .entry((alert.key_ref(), alert.window_ms))
            .or_insert(alert.id);
    }
    let mut counts = Counts::default();
    let mut fired = Vec::new();
    for rule in rules {
        let group_keys: Vec<String> = keys
            .iter()
            .filter(|k| k.group_by == rule.group_by)
            .map(|k| k.key.clone())
            .collect();
        if group_keys.is_empty() {
            continue;
        }
        let window = counts
            .window(ops, rule.group_by, &group_keys, now - rule.window, None)
            .await?
            .clone();
        let baseline = match rule.baseline() {
            Some(length) => {
                let to = now - rule.window;
                Some(
                    counts
                        .window(ops, rule.group_by, &group_keys, to - length, Some(to))
                        .await?
                        .clone(),
                )
            }
            None => None,
        };
        for key in group_keys {
            let seen = Observation {
                window: window.get(&key).copied().unwrap_or_default(),
                baseline: baseline
                    .as_ref()
                    .and_then(|b| b.get(&key))
                    .map_or(0, |w| w.count),
            };
            let Some(firing) = rule.check(&seen) else {
                continue;
            };
            let key = KeyRef::new(rule.group_by, key);
            let last_at = seen.window.last_at.unwrap_or(now);
            if let Some(&id) = active.get(&(key.clone(), rule.window)) {
                ops.update_alert(&AlertChange {
                    id,
                    count: seen.window.count,
                    customers: seen.window.customers,
                    last_at,
                    active_until: last_at.saturating_add(rule.window),
                    p_value: firing.p_value,
                })
                .await?;
                continue;
            }
            let vendor = match rule.group_by {
                GroupBy::Vendor => Some(key.key.clone()),
                _ => touched.get(&key).cloned().flatten(),
            };
            let draft = AlertDraft {
                rule: rule.name.clone(),
                window_ms: rule.window,
                count: seen.window.count,
                customers: seen.window.customers,
                first_at: seen.window.first_at.unwrap_or(now),
                last_at,
                fired_at: now,
                vendor,
                p_value: firing.p_value,
                baseline_per_day: firing.baseline_per_day,
                key,
            };
            let id = ops.insert_alert(&draft).await?;
            active.insert((draft.key.clone(), rule.window), id);
            fired.push(Alert::from_draft(id, &draft));
        }
    }
    Ok(fired)
}

/// Window counts fetched once per (grouping, period) however many rules share it.
#[derive(Default)]
struct Counts(HashMap<(GroupBy, Millis, Option<Millis>), HashMap<String, WindowCount>>);

impl Counts {
    async fn window<O: Ops>(
        &mut self,
        ops: &mut O,
        group: GroupBy,
        keys: &[String],
        from: Millis,
        to: Option<Millis>,
    ) -> Result<&HashMap<String, WindowCount>, StoreError> {
        let slot = (group, from, to);
        if let std::collections::hash_map::Entry::Vacant(e) = self.0.entry(slot) {
            let counts = ops.window_counts(group, keys, from, to).await?;
            e.insert(counts.into_iter().collect());
        }
        Ok(&self.0[&slot])
    }
}
