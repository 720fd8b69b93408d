//! Finds repeated entries: the first one is kept, later ones become row problems.

use super::super::error::ListError;
use super::super::index::sorted_by_pattern;
use super::collector::{Collector, RowPosition};
use super::entry::ListEntry;

/// Removes entries that repeat an earlier entry with the same pattern, reporting each.
pub(crate) fn remove_duplicates<E: ListEntry>(
    mut collector: Collector<E>,
) -> (Vec<E>, Collector<E>) {
    // Equal patterns stay in load order, so "earlier" means earlier in the file.
    let entries = sorted_by_pattern(collector.take_entries());
    let mut kept: Vec<E> = Vec::with_capacity(entries.len());
    let mut group_start = 0;
    for entry in entries {
        if kept
            .get(group_start)
            .is_none_or(|first| first.pattern() != entry.pattern())
        {
            group_start = kept.len();
        }
        let earlier = kept[group_start..]
            .iter()
            .find(|earlier| entry.duplicates(earlier));
        match earlier {
            Some(earlier) => {
                let error = ListError::Duplicate {
                    pattern: entry.pattern().to_string(),
                    first_line: earlier.line(),
                };
                collector.reject(
                    RowPosition {
                        line: entry.line(),
                        index: None,
                    },
                    error,
                );
            }
            None => kept.push(entry),
        }
    }
    (kept, collector)
}
