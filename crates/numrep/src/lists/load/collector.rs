//! Gathers entries and row problems while a source is read, enforcing the limits.

use std::sync::Arc;

use super::super::error::ListError;
use super::entry::ListEntry;
use super::problem::RowProblem;
use super::LoadOptions;
use crate::order;

/// Where a row starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct RowPosition {
    /// 1-based line, when known.
    pub line: Option<u32>,
    /// 0-based JSON array index.
    pub index: Option<u32>,
}

/// Entries and problems of one load, with the limits that apply to it.
pub(crate) struct Collector<E> {
    file: Arc<str>,
    pub(crate) options: LoadOptions,
    entries: Vec<E>,
    problems: Vec<RowProblem>,
    unlisted_problems: usize,
    rows_seen: usize,
}

impl<E: ListEntry> Collector<E> {
    pub(crate) fn new(file: Arc<str>, options: &LoadOptions) -> Self {
        Self {
            file,
            options: *options,
            entries: Vec::new(),
            problems: Vec::new(),
            unlisted_problems: 0,
            rows_seen: 0,
        }
    }

    /// The file name for messages.
    pub(crate) fn file(&self) -> &str {
        &self.file
    }

    /// Counts one more row (good or bad); fails once `max_entries` is passed.
    pub(crate) fn count_row(&mut self) -> Result<(), ListError> {
        self.rows_seen += 1;
        if self.rows_seen > self.options.max_entries {
            return Err(ListError::TooManyEntries {
                file: self.file.to_string(),
                max: self.options.max_entries,
            });
        }
        Ok(())
    }

    /// Keeps a good entry.
    pub(crate) fn accept(&mut self, entry: E) {
        self.entries.push(entry);
    }

    /// Records a left-out row.
    pub(crate) fn reject(&mut self, position: RowPosition, error: ListError) {
        if self.problems.len() < self.options.max_listed_problems {
            self.problems.push(RowProblem {
                file: Arc::clone(&self.file),
                line: position.line,
                index: position.index,
                error,
                lang: self.options.lang,
            });
        } else {
            self.unlisted_problems += 1;
        }
    }

    /// Keeps the entry or records the problem.
    pub(crate) fn take(&mut self, position: RowPosition, result: Result<E, ListError>) {
        match result {
            Ok(entry) => self.accept(entry),
            Err(error) => self.reject(position, error),
        }
    }

    /// Hands out the entries, leaving the collector for further problems.
    pub(crate) fn take_entries(&mut self) -> Vec<E> {
        std::mem::take(&mut self.entries)
    }

    /// The problems, sorted by position, and the count of unlisted ones.
    pub(crate) fn finish_problems(&mut self) -> (Vec<RowProblem>, usize) {
        let problems = sorted_by_position(std::mem::take(&mut self.problems));
        (problems, self.unlisted_problems)
    }
}

/// Problems by line, then by index, equal ones in the order found: two stable sorts,
/// the minor key first (each key is an `Option<u32>`; both would not fit one `u64`).
fn sorted_by_position(problems: Vec<RowProblem>) -> Vec<RowProblem> {
    let key = |at: Option<u32>| at.map_or(0, |n| u64::from(n) + 1);
    let by_index = order::sorted_by(problems, |problem| key(problem.index));
    order::sorted_by(by_index, |problem| key(problem.line))
}
