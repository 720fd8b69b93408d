//! Nested prefix rows → disjoint key intervals (the flattening behind `PrefixTable`).
//!
//! Each row is a layer that sets some fields; a deeper prefix overrides what it sets and
//! inherits the rest. A depth-first walk emits, in key order, the interval where each
//! node's own record applies; identical neighbours are merged.

use std::collections::HashMap;

use crate::plan::{key_for, CallerIdRule, Category, RangeRecord, RangeStatus, KEY_DIGITS, NONE};

/// The fields one data row sets (None = inherit from the enclosing prefix).
#[derive(Debug, Clone, Default)]
pub struct Layer {
    pub category: Option<Category>,
    pub status: Option<RangeStatus>,
    pub caller_id: Option<CallerIdRule>,
    pub min_len: Option<u8>,
    pub max_len: Option<u8>,
    pub group_len: Option<u8>,
    pub range: Option<u16>,
    pub place: Option<u16>,
    pub operator: Option<u16>,
    pub tariff: Option<u16>,
}

impl Layer {
    /// `self` over `base`.
    fn over(&self, base: &Layer) -> Layer {
        Layer {
            category: self.category.or(base.category),
            status: self.status.or(base.status),
            caller_id: self.caller_id.or(base.caller_id),
            min_len: self.min_len.or(base.min_len),
            max_len: self.max_len.or(base.max_len),
            group_len: self.group_len.or(base.group_len),
            range: self.range.or(base.range),
            place: self.place.or(base.place),
            operator: self.operator.or(base.operator),
            tariff: self.tariff.or(base.tariff),
        }
    }

    fn record(&self, prefix_len: u8) -> RangeRecord {
        RangeRecord {
            category: self.category.unwrap_or(Category::Unknown),
            status: self.status.unwrap_or(RangeStatus::Reserve),
            caller_id: self.caller_id.unwrap_or(CallerIdRule::Implausible),
            min_len: self.min_len.unwrap_or(1),
            max_len: self.max_len.unwrap_or(17),
            group_len: self.group_len.unwrap_or(0),
            prefix_len,
            range: self.range.unwrap_or(NONE),
            operator: self.operator.unwrap_or(NONE),
            tariff: self.tariff.unwrap_or(NONE),
        }
    }
}

/// One flattened key interval: where it starts, its record and its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub start: u32,
    pub record: u16,
    pub place: u16,
}

#[derive(Default)]
struct Node {
    layer: Option<Layer>,
    children: [Option<Box<Node>>; 10],
}

/// A trie of layers keyed by digit prefixes.
#[derive(Default)]
pub struct PrefixTree {
    root: Node,
}

impl PrefixTree {
    /// Adds a layer at `prefix` (ASCII digits, at most `KEY_DIGITS`); layers added later at
    /// the same prefix override earlier ones field by field.
    pub fn insert(&mut self, prefix: &str, layer: Layer) {
        debug_assert!(prefix.len() <= KEY_DIGITS);
        let mut node = &mut self.root;
        for b in prefix.bytes() {
            node = node.children[usize::from(b - b'0')].get_or_insert_with(Box::default);
        }
        node.layer = Some(match node.layer.take() {
            Some(old) => layer.over(&old),
            None => layer,
        });
    }

    /// The layer stored at exactly `prefix`, if any.
    pub fn layer_at(&self, prefix: &str) -> Option<&Layer> {
        let mut node = &self.root;
        for b in prefix.bytes() {
            node = node.children[usize::from(b - b'0')].as_deref()?;
        }
        node.layer.as_ref()
    }

    /// The effective layer for `prefix`: all enclosing layers merged.
    pub fn effective(&self, prefix: &str) -> Layer {
        let mut node = &self.root;
        let mut acc = node.layer.clone().unwrap_or_default();
        for b in prefix.bytes() {
            match node.children[usize::from(b - b'0')].as_deref() {
                Some(child) => node = child,
                None => break,
            }
            if let Some(layer) = &node.layer {
                acc = layer.over(&acc);
            }
        }
        acc
    }

    /// Flattens into (interval start, record index, place index) triples plus the new
    /// records appended to `records` (deduplicated through `seen`). The place is kept out
    /// of the record so that all area codes share a few records.
    pub fn flatten(
        &self,
        records: &mut Vec<RangeRecord>,
        seen: &mut HashMap<RangeRecord, u16>,
    ) -> Vec<Interval> {
        let mut out = Vec::new();
        let mut intern = |r: RangeRecord| {
            *seen.entry(r).or_insert_with(|| {
                records.push(r);
                u16::try_from(records.len() - 1).expect("fewer than 65,535 records")
            })
        };
        walk(
            &self.root,
            &mut Vec::new(),
            &Layer::default(),
            0,
            &mut intern,
            &mut out,
        );
        // Later emissions at the same start win; then merge equal neighbours.
        let mut merged: Vec<Interval> = Vec::with_capacity(out.len());
        for interval in out {
            if interval.start >= span(0) {
                continue;
            }
            match merged.last_mut() {
                Some(last) if last.start == interval.start => *last = interval,
                _ => merged.push(interval),
            }
        }
        merged.dedup_by(|next, prev| (next.record, next.place) == (prev.record, prev.place));
        merged
    }
}

/// Number of keys under a node at `depth`.
fn span(depth: usize) -> u32 {
    11u32.pow((KEY_DIGITS - depth) as u32)
}

fn walk(
    node: &Node,
    digits: &mut Vec<u8>,
    inherited: &Layer,
    inherited_len: u8,
    intern: &mut impl FnMut(RangeRecord) -> u16,
    out: &mut Vec<Interval>,
) {
    let (effective, prefix_len) = match &node.layer {
        Some(layer) => (layer.over(inherited), digits.len() as u8),
        None => (inherited.clone(), inherited_len),
    };
    let own = Interval {
        start: key_for(digits),
        record: intern(effective.record(prefix_len)),
        place: effective.place.unwrap_or(NONE),
    };
    out.push(own);
    for (d, child) in node.children.iter().enumerate() {
        let Some(child) = child else { continue };
        digits.push(b'0' + d as u8);
        walk(child, digits, &effective, prefix_len, intern, out);
        let child_end = key_for(digits) + span(digits.len()) - 1;
        digits.pop();
        out.push(Interval {
            start: child_end + 1,
            ..own
        });
    }
}
