//! Finds repeated entries: the first one is kept, later ones become row problems.

use super::super::error::ListError;
use super::super::pattern::Pattern;
use super::collector::{Collector, RowPosition};
use super::entry::ListEntry;

/// Removes entries that repeat an earlier entry with the same pattern, reporting each.
pub(crate) fn remove_duplicates<E: ListEntry>(
    mut collector: Collector<E>,
) -> (Vec<E>, Collector<E>) {
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

/// Sorts by pattern, equal patterns in load order (so "earlier" means earlier in the
/// file). Sorts small (pattern, position) keys and moves each entry once, which is
/// much faster for a million entries than sorting the entries themselves.
fn sorted_by_pattern<E: ListEntry>(entries: Vec<E>) -> Vec<E> {
    let mut order: Vec<(Pattern, usize)> = entries
        .iter()
        .enumerate()
        .map(|(position, entry)| (*entry.pattern(), position))
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<E>> = entries.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|(_, position)| slots.get_mut(position).and_then(Option::take))
        .collect()
}
