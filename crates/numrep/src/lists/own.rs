//! The own-number registry: our contracted call centers' outbound caller IDs.

use serde::Serialize;

use super::date::Date;
use super::error::ListError;
use super::index::{PatternIndex, Patterned};
use super::load::entry::{ListEntry, RowFields};
use super::pattern::{Pattern, PatternKind, PatternOptions};

/// One registered number or range of a vendor's campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct OwnNumberEntry {
    /// The number or range pattern.
    pub pattern: Pattern,
    /// The contracted vendor, e.g. `Callcenter Nord GmbH`.
    pub vendor: String,
    /// The campaign the numbers are used for.
    pub campaign: Option<String>,
    /// First day the registration is valid (inclusive); open when absent.
    pub valid_from: Option<Date>,
    /// Last day the registration is valid (inclusive); open when absent.
    pub valid_to: Option<Date>,
    /// Who to contact at vendor management.
    pub contact: Option<String>,
    /// Free text.
    pub note: Option<String>,
    /// The line in the loaded file, when the entry came from a file.
    pub line: Option<u32>,
}

impl OwnNumberEntry {
    /// Where `date` lies relative to this entry's validity window.
    pub fn validity_on(&self, date: Date) -> WindowPosition {
        match (self.valid_from, self.valid_to) {
            (Some(from), _) if date < from => WindowPosition::NotYetValid,
            (_, Some(to)) if date > to => WindowPosition::Expired,
            _ => WindowPosition::Inside,
        }
    }

    fn windows_overlap(&self, other: &Self) -> bool {
        let starts_before_other_ends = match (self.valid_from, other.valid_to) {
            (Some(from), Some(to)) => from <= to,
            _ => true,
        };
        let other_starts_before_this_ends = match (other.valid_from, self.valid_to) {
            (Some(from), Some(to)) => from <= to,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_this_ends
    }
}

impl Patterned for OwnNumberEntry {
    fn pattern(&self) -> &Pattern {
        &self.pattern
    }
}

impl ListEntry for OwnNumberEntry {
    const FIELDS: &'static [&'static str] = &[
        "pattern",
        "vendor",
        "campaign",
        "valid_from",
        "valid_to",
        "contact",
        "note",
    ];
    const REQUIRED: &'static [&'static str] = &["pattern", "vendor"];

    fn from_row(
        row: &dyn RowFields,
        line: Option<u32>,
        options: &PatternOptions,
    ) -> Result<Self, ListError> {
        let pattern = Pattern::parse(&row.required("pattern")?, options)?;
        let valid_from = row
            .optional("valid_from")?
            .as_deref()
            .map(Date::parse)
            .transpose()?;
        let valid_to = row
            .optional("valid_to")?
            .as_deref()
            .map(Date::parse)
            .transpose()?;
        if let (Some(valid_from), Some(valid_to)) = (valid_from, valid_to) {
            if valid_from > valid_to {
                return Err(ListError::DateRangeReversed {
                    valid_from,
                    valid_to,
                });
            }
        }
        Ok(Self {
            pattern,
            vendor: row.required("vendor")?,
            campaign: row.optional("campaign")?,
            valid_from,
            valid_to,
            contact: row.optional("contact")?,
            note: row.optional("note")?,
            line,
        })
    }

    fn line(&self) -> Option<u32> {
        self.line
    }

    /// The same pattern registered twice for overlapping windows is a conflict;
    /// the same number reused in a later, separate window is not.
    fn duplicates(&self, earlier: &Self) -> bool {
        self.pattern == earlier.pattern && self.windows_overlap(earlier)
    }
}

/// Where a date lies relative to a registration's validity window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowPosition {
    /// Inside the window (or the window is open on that side).
    Inside,
    /// Before `valid_from`.
    NotYetValid,
    /// After `valid_to`.
    Expired,
}

/// One registry entry that matched a number, with its validity on the asked date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct OwnNumberMatch<'a> {
    /// The matching entry.
    pub entry: &'a OwnNumberEntry,
    /// Exact number, `#` range or `*` prefix.
    pub match_kind: PatternKind,
    /// Where the asked date lies relative to the validity window.
    pub validity: WindowPosition,
    /// Shorthand for `validity == WindowPosition::Inside`.
    pub in_window: bool,
    /// The file the entry came from.
    pub source: &'a str,
}

/// All registry matches for one number, most specific first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct OwnNumberLookup<'a> {
    /// Every matching entry, most specific first.
    pub matches: Vec<OwnNumberMatch<'a>>,
}

impl<'a> OwnNumberLookup<'a> {
    /// The most specific match inside its window, else the most specific match.
    pub fn best(&self) -> Option<&OwnNumberMatch<'a>> {
        self.matches
            .iter()
            .find(|found| found.in_window)
            .or_else(|| self.matches.first())
    }

    /// Whether any entry matched, inside its window or not.
    pub fn is_registered(&self) -> bool {
        !self.matches.is_empty()
    }
}

/// The own-number registry, indexed for lookups.
#[derive(Debug, Clone, Default)]
pub struct OwnNumberRegistry {
    source: String,
    index: PatternIndex<OwnNumberEntry>,
}

impl OwnNumberRegistry {
    /// Builds a registry from entries; `source` names where they came from.
    pub fn new(source: impl Into<String>, entries: Vec<OwnNumberEntry>) -> Self {
        Self {
            source: source.into(),
            index: PatternIndex::new(entries),
        }
    }

    /// Every entry matching `e164_digits` (digits only, no `+`), with its validity on `date`.
    pub fn lookup(&self, e164_digits: &str, date: Date) -> Result<OwnNumberLookup<'_>, ListError> {
        let matches = self
            .index
            .matching(e164_digits)?
            .into_iter()
            .map(|entry| self.describe(entry, date))
            .collect();
        Ok(OwnNumberLookup { matches })
    }

    fn describe<'a>(&'a self, entry: &'a OwnNumberEntry, date: Date) -> OwnNumberMatch<'a> {
        let validity = entry.validity_on(date);
        OwnNumberMatch {
            entry,
            match_kind: entry.pattern.kind(),
            validity,
            in_window: validity == WindowPosition::Inside,
            source: &self.source,
        }
    }

    /// The name of the source the entries came from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether the registry is empty.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// All entries, sorted by pattern.
    pub fn entries(&self) -> &[OwnNumberEntry] {
        self.index.entries()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).expect("valid date")
    }

    fn entry(pattern: &str, from: Option<&str>, to: Option<&str>) -> OwnNumberEntry {
        OwnNumberEntry {
            pattern: pattern.parse().expect("valid pattern"),
            vendor: "Callcenter Nord GmbH".into(),
            campaign: Some("Winteraktion 2026".into()),
            valid_from: from.map(date),
            valid_to: to.map(date),
            contact: None,
            note: None,
            line: None,
        }
    }

    #[test]
    fn reports_window_state_per_date() {
        let registry = OwnNumberRegistry::new(
            "test",
            vec![entry(
                "+4940555501##",
                Some("2026-10-01"),
                Some("2026-12-31"),
            )],
        );
        let inside = registry
            .lookup("494055550142", date("2026-11-15"))
            .expect("valid");
        let best = inside.best().expect("registered");
        assert_eq!(best.validity, WindowPosition::Inside);
        assert_eq!(best.match_kind, PatternKind::Range);
        assert_eq!(best.entry.vendor, "Callcenter Nord GmbH");

        let late = registry
            .lookup("494055550142", date("2027-01-01"))
            .expect("valid");
        let best = late.best().expect("registered");
        assert_eq!(best.validity, WindowPosition::Expired);
        assert!(!best.in_window);

        let early = registry
            .lookup("494055550142", date("2026-09-30"))
            .expect("valid");
        assert_eq!(
            early.best().map(|m| m.validity),
            Some(WindowPosition::NotYetValid)
        );

        let other = registry
            .lookup("494055550242", date("2026-11-15"))
            .expect("valid");
        assert!(!other.is_registered());
    }

    #[test]
    fn best_prefers_an_entry_inside_its_window() {
        let registry = OwnNumberRegistry::new(
            "test",
            vec![
                entry("+494055550142", None, Some("2025-12-31")),
                entry("+4940555501##", Some("2026-01-01"), None),
            ],
        );
        let found = registry
            .lookup("494055550142", date("2026-02-01"))
            .expect("valid");
        assert_eq!(found.matches.len(), 2);
        assert_eq!(found.matches[0].match_kind, PatternKind::Exact);
        assert_eq!(found.best().map(|m| m.match_kind), Some(PatternKind::Range));
    }

    #[test]
    fn overlapping_windows_count_as_duplicates() {
        let first = entry("+4940555501##", Some("2026-01-01"), Some("2026-06-30"));
        let later_separate = entry("+4940555501##", Some("2026-07-01"), None);
        let overlapping = entry("+4940555501##", Some("2026-06-30"), None);
        assert!(!later_separate.duplicates(&first));
        assert!(overlapping.duplicates(&first));
    }

    #[test]
    fn serializes_snake_case_fields() {
        let registry = OwnNumberRegistry::new("own.csv", vec![entry("+494055550142", None, None)]);
        let found = registry
            .lookup("494055550142", date("2026-02-01"))
            .expect("valid");
        let json = serde_json::to_value(found.best()).expect("serializable");
        assert_eq!(json["entry"]["pattern"], "+494055550142");
        assert_eq!(json["entry"]["valid_from"], serde_json::Value::Null);
        assert_eq!(json["match_kind"], "exact");
        assert_eq!(json["validity"], "inside");
        assert_eq!(json["source"], "own.csv");
    }
}
