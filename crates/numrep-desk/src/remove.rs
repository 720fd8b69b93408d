//! Taking complaints out (admin delete, erasure, retention): every count they
//! were part of goes down with them, in the same transaction.

use std::collections::BTreeMap;

use crate::backend::{Ops, Selector};
use crate::error::StoreError;
use crate::keys::{KeyRef, Keys};
use crate::record::apply;
use crate::stats::KeyDelta;

/// Deletes the selected complaints and uncounts them; returns how many.
pub async fn remove<O: Ops>(ops: &mut O, selector: &Selector) -> Result<u64, StoreError> {
    let rows = ops.take_complaints(selector).await?;
    if rows.is_empty() {
        return Ok(0);
    }
    let mut deltas: BTreeMap<KeyRef, KeyDelta> = BTreeMap::new();
    let mut customers: BTreeMap<(KeyRef, &str), i64> = BTreeMap::new();
    for row in &rows {
        let keys = Keys {
            number: row.e164.clone(),
            range: row.range.clone(),
            vendor: row.vendor.clone(),
        };
        for key in keys.refs() {
            if let Some(hash) = row.customer_hash.as_deref() {
                *customers.entry((key.clone(), hash)).or_default() -= 1;
            }
            deltas
                .entry(key.clone())
                .or_insert_with(|| KeyDelta::empty(key))
                .count(row.category, row.received_at, -1);
        }
    }
    let keys: Vec<KeyRef> = deltas.keys().cloned().collect();
    apply(ops, deltas, customers).await?;
    ops.refresh_bounds(&keys).await?;
    Ok(rows.len() as u64)
}
