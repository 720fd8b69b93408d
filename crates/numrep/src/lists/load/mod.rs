//! Loading lists from CSV or JSON text, with every bad row reported.
//!
//! **CSV**: a header row naming the fields (any case, any order); `,`, `;` or tab as
//! delimiter (taken from the header line); lines starting with `#` and blank lines are
//! skipped. One row per line: a value may be quoted (`"Nord, GmbH"`, a quote inside
//! written twice) but cannot span lines, so a stray quote is a problem on its own line
//! and never swallows the rows after it. A row with a value where the header names no
//! column (an unquoted delimiter inside a value shifts the columns) is left out.
//!
//! **JSON**: an array of objects with the same field names (exact case), or
//! `{"entries": [...]}` (other top-level keys are ignored).
//!
//! **Names**: every column and field must be one the list reads. Names starting with
//! `x_` ([`EXTRA_NAME_PREFIX`]: `x_ticket`, `x_added_by`) are the analyst's own and
//! are ignored. Any other name is a mistake, reported with a "did you mean" hint: in a
//! CSV header it refuses the whole file ([`ListError::UnknownColumn`]), because the
//! header applies to every row and a typo such as `valid_until` would silently drop
//! every validity window; in a JSON entry it leaves out that entry
//! ([`ListError::UnknownField`]), because each entry names its own fields.
//!
//! Bad rows never stop a load and are never dropped silently: each one becomes a
//! [`RowProblem`]. Only whole-file problems (size limits, the header, broken JSON
//! syntax) fail the load.

mod collector;
mod csv_line;
mod csv_source;
mod dedup;
pub(crate) mod entry;
mod json_source;
mod names;
mod problem;

use std::path::Path;
use std::sync::Arc;

pub use names::EXTRA_NAME_PREFIX;
pub use problem::RowProblem;

use self::collector::Collector;
use self::entry::ListEntry;
use super::error::ListError;
use super::messages::UnlistedProblemsText;
use super::own::OwnNumberRegistry;
use super::pattern::PatternOptions;
use super::rules::{ListKind, RuleEntry, RuleList};
use crate::lang::Lang;

/// Limits and reading options for loading a list: built with [`LoadOptions::new`] and
/// its setters (every limit has a default that bounds memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// How to read written numbers (default country code for national forms).
    pattern: PatternOptions,
    /// Largest text accepted, in bytes (default 512 MiB).
    max_text_bytes: usize,
    /// Longest CSV record accepted, in bytes (default 4096).
    max_line_bytes: usize,
    /// Longest single field value accepted, in bytes (default 1024).
    max_field_bytes: usize,
    /// Most entries (rows) accepted (default 5,000,000).
    max_entries: usize,
    /// Most row problems kept with details; further ones are only counted (default 1000).
    max_listed_problems: usize,
    /// The language row problems are written in; default English.
    lang: Lang,
}

impl LoadOptions {
    /// The defaults: international forms only, English, 512 MiB of text, records of
    /// 4096 bytes, fields of 1024, 5,000,000 entries, 1000 problems listed.
    #[must_use]
    pub fn new() -> LoadOptions {
        LoadOptions::default()
    }

    /// How written numbers are read (the calling code for national forms).
    #[must_use]
    pub fn patterns(mut self, pattern: PatternOptions) -> LoadOptions {
        self.pattern = pattern;
        self
    }

    /// Largest text accepted, in bytes.
    #[must_use]
    pub fn max_text_bytes(mut self, bytes: usize) -> LoadOptions {
        self.max_text_bytes = bytes;
        self
    }

    /// Longest CSV record accepted, in bytes.
    #[must_use]
    pub fn max_line_bytes(mut self, bytes: usize) -> LoadOptions {
        self.max_line_bytes = bytes;
        self
    }

    /// Longest single field value accepted, in bytes.
    #[must_use]
    pub fn max_field_bytes(mut self, bytes: usize) -> LoadOptions {
        self.max_field_bytes = bytes;
        self
    }

    /// Most entries (rows) accepted.
    #[must_use]
    pub fn max_entries(mut self, entries: usize) -> LoadOptions {
        self.max_entries = entries;
        self
    }

    /// Most row problems kept with details; further ones are only counted.
    #[must_use]
    pub fn max_listed_problems(mut self, problems: usize) -> LoadOptions {
        self.max_listed_problems = problems;
        self
    }

    /// The language row problems are written in ([`RowProblem`]'s `Display` and JSON
    /// `message`).
    #[must_use]
    pub fn lang(mut self, lang: Lang) -> LoadOptions {
        self.lang = lang;
        self
    }

    /// How written numbers are read.
    pub fn pattern_options(&self) -> &PatternOptions {
        &self.pattern
    }

    /// The language of row problems.
    pub fn language(&self) -> Lang {
        self.lang
    }

    /// Largest text accepted, in bytes (for reading a file no larger).
    pub fn text_limit(&self) -> usize {
        self.max_text_bytes
    }
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            pattern: PatternOptions::default(),
            max_text_bytes: 512 * 1024 * 1024,
            max_line_bytes: 4096,
            max_field_bytes: 1024,
            max_entries: 5_000_000,
            max_listed_problems: 1000,
            lang: Lang::En,
        }
    }
}

/// The text format of a list file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ListFormat {
    /// Comma-, semicolon- or tab-separated values with a header row.
    Csv,
    /// A JSON array of objects, or `{"entries": [...]}`.
    Json,
}

impl ListFormat {
    /// The format named by a file name's extension (`.csv`, `.tsv`, `.json`).
    pub fn from_file_name(file_name: &str) -> Result<Self, ListError> {
        let extension = Path::new(file_name)
            .extension()
            .and_then(|extension| extension.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("csv" | "tsv" | "txt") => Ok(Self::Csv),
            Some("json") => Ok(Self::Json),
            _ => Err(ListError::UnknownFormat {
                file: file_name.to_string(),
            }),
        }
    }
}

/// A loaded list and the rows that could not be used.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Loaded<L> {
    /// The list built from every good row.
    pub list: L,
    /// Rows that were left out, with the reason (at most `max_listed_problems`).
    pub problems: Vec<RowProblem>,
    /// Further problem rows beyond `max_listed_problems`, counted but not listed.
    pub unlisted_problems: usize,
}

impl<L> Loaded<L> {
    /// Total number of rows that were left out.
    pub fn problem_count(&self) -> usize {
        self.problems.len() + self.unlisted_problems
    }

    /// `… and 12 more rows skipped` in `lang`, when rows were counted but not listed.
    pub fn unlisted_note(&self, lang: Lang) -> Option<UnlistedProblemsText> {
        (self.unlisted_problems > 0).then_some(UnlistedProblemsText {
            count: self.unlisted_problems,
            lang,
        })
    }
}

/// Loads an own-number registry from `text`; `file_name` is used in messages.
pub fn load_own_numbers(
    text: &str,
    file_name: &str,
    format: ListFormat,
    options: &LoadOptions,
) -> Result<Loaded<OwnNumberRegistry>, ListError> {
    let (entries, problems, unlisted_problems) = load_entries(text, file_name, format, options)?;
    Ok(Loaded {
        list: OwnNumberRegistry::new(file_name, entries),
        problems,
        unlisted_problems,
    })
}

/// Loads a block or allow list from `text`; `file_name` is used in messages.
pub fn load_rules(
    text: &str,
    file_name: &str,
    kind: ListKind,
    format: ListFormat,
    options: &LoadOptions,
) -> Result<Loaded<RuleList>, ListError> {
    let (entries, problems, unlisted_problems) =
        load_entries::<RuleEntry>(text, file_name, format, options)?;
    Ok(Loaded {
        list: RuleList::new(kind, file_name, entries),
        problems,
        unlisted_problems,
    })
}

/// Reads, checks and de-duplicates entries; returns them with the row problems.
fn load_entries<E: ListEntry>(
    text: &str,
    file_name: &str,
    format: ListFormat,
    options: &LoadOptions,
) -> Result<(Vec<E>, Vec<RowProblem>, usize), ListError> {
    if text.len() > options.max_text_bytes {
        return Err(ListError::TextTooLarge {
            file: file_name.to_string(),
            len: text.len(),
            max: options.max_text_bytes,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut collector = Collector::new(Arc::from(file_name), options);
    match format {
        ListFormat::Csv => csv_source::read::<E>(text, &mut collector)?,
        ListFormat::Json => json_source::read::<E>(text, &mut collector)?,
    }
    let (entries, mut collector) = dedup::remove_duplicates(collector);
    let (problems, unlisted) = collector.finish_problems();
    Ok((entries, problems, unlisted))
}

#[cfg(test)]
mod tests;
