//! Block and allow lists, and their combined verdict (allow overrules block).

use serde::Serialize;

use super::error::ListError;
use super::index::{validate_lookup_digits, PatternIndex, Patterned};
use super::load::entry::{ListEntry, RowFields};
use super::pattern::{Pattern, PatternKind, PatternOptions};
use crate::order;

/// One block or allow rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RuleEntry {
    /// The number or range pattern.
    pub pattern: Pattern,
    /// Free text such as `fraud`, `advertising`, `ping_call` or a PhoneBlock rating name.
    pub category: Option<String>,
    /// Free text, e.g. why an allow entry exists.
    pub note: Option<String>,
    /// The line in the loaded file, when the entry came from a file.
    pub line: Option<u32>,
}

impl Patterned for RuleEntry {
    fn pattern(&self) -> &Pattern {
        &self.pattern
    }
}

impl ListEntry for RuleEntry {
    const FIELDS: &'static [&'static str] = &["pattern", "category", "note"];
    const REQUIRED: &'static [&'static str] = &["pattern"];

    fn from_row(
        row: &dyn RowFields,
        line: Option<u32>,
        options: &PatternOptions,
    ) -> Result<Self, ListError> {
        Ok(Self {
            pattern: Pattern::parse(&row.required("pattern")?, options)?,
            category: row.optional("category")?,
            note: row.optional("note")?,
            line,
        })
    }

    fn line(&self) -> Option<u32> {
        self.line
    }

    fn duplicates(&self, earlier: &Self) -> bool {
        self.pattern == earlier.pattern
    }
}

/// Whether a list blocks or allows the numbers it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    /// Entries are numbers to block.
    Block,
    /// Entries are numbers to let through, overruling block entries.
    Allow,
}

/// One loaded block or allow list.
#[derive(Debug, Clone)]
pub struct RuleList {
    kind: ListKind,
    source: String,
    index: PatternIndex<RuleEntry>,
}

impl RuleList {
    /// Builds a list of `kind` from entries; `source` names where they came from.
    pub fn new(kind: ListKind, source: impl Into<String>, entries: Vec<RuleEntry>) -> Self {
        Self {
            kind,
            source: source.into(),
            index: PatternIndex::new(entries),
        }
    }

    /// Block or allow.
    pub fn kind(&self) -> ListKind {
        self.kind
    }

    /// The name of the source the entries came from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// All entries, sorted by pattern.
    pub fn entries(&self) -> &[RuleEntry] {
        self.index.entries()
    }

    /// Every entry matching `e164_digits` (digits only, no `+`), most specific first.
    pub fn matching(&self, e164_digits: &str) -> Result<Vec<RuleMatch<'_>>, ListError> {
        Ok(self
            .index
            .matching(e164_digits)?
            .into_iter()
            .map(|entry| RuleMatch {
                list: self.kind,
                match_kind: entry.pattern.kind(),
                source: &self.source,
                entry,
            })
            .collect())
    }
}

/// One rule that matched a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RuleMatch<'a> {
    /// Which kind of list the rule is in.
    pub list: ListKind,
    /// Exact number, `#` range or `*` prefix.
    pub match_kind: PatternKind,
    /// The file the rule came from.
    pub source: &'a str,
    /// The rule.
    pub entry: &'a RuleEntry,
}

/// The outcome of evaluating block and allow lists together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// An allow entry matched (block entries, if any, are overruled).
    Allowed,
    /// Only block entries matched.
    Blocked,
    /// Nothing matched.
    NotListed,
}

/// The combined verdict with the deciding rule and every other matching rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RuleVerdict<'a> {
    /// Allowed, blocked, or not listed.
    pub decision: Decision,
    /// The most specific rule of the winning kind.
    pub deciding: Option<RuleMatch<'a>>,
    /// Block rules that an allow rule overruled, most specific first.
    pub overruled: Vec<RuleMatch<'a>>,
    /// Further rules of the winning kind, most specific first.
    pub also_matched: Vec<RuleMatch<'a>>,
}

/// Any number of block and allow lists evaluated together.
///
/// An allow entry always wins over block entries, however specific they are: that is
/// how call blockers treat their allow lists, and it is the quick way out of a false
/// positive caused by a broad range rule. The overruled block rules are still reported.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    lists: Vec<RuleList>,
}

impl RuleSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a list (block or allow, as the list says).
    pub fn add(&mut self, list: RuleList) {
        self.lists.push(list);
    }

    /// The lists in the order they were added.
    pub fn lists(&self) -> &[RuleList] {
        &self.lists
    }

    /// Evaluates all lists for `e164_digits` (digits only, no `+`).
    pub fn evaluate(&self, e164_digits: &str) -> Result<RuleVerdict<'_>, ListError> {
        validate_lookup_digits(e164_digits)?;
        let mut allows = Vec::new();
        let mut blocks = Vec::new();
        for list in &self.lists {
            let found = list.matching(e164_digits)?;
            match list.kind {
                ListKind::Allow => allows.extend(found),
                ListKind::Block => blocks.extend(found),
            }
        }
        Ok(verdict(
            most_specific_first(allows),
            most_specific_first(blocks),
        ))
    }
}

/// Matches most specific first; a stable sort, so equal specificity keeps list order,
/// then load order.
fn most_specific_first(found: Vec<RuleMatch<'_>>) -> Vec<RuleMatch<'_>> {
    order::sorted_by(found, |found| found.entry.pattern.specificity_rank())
}

fn verdict<'a>(allows: Vec<RuleMatch<'a>>, blocks: Vec<RuleMatch<'a>>) -> RuleVerdict<'a> {
    let (decision, winners, overruled) = if !allows.is_empty() {
        (Decision::Allowed, allows, blocks)
    } else if !blocks.is_empty() {
        (Decision::Blocked, blocks, Vec::new())
    } else {
        (Decision::NotListed, Vec::new(), Vec::new())
    };
    let mut winners = winners.into_iter();
    let deciding = winners.next();
    RuleVerdict {
        decision,
        deciding,
        overruled,
        also_matched: winners.collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(pattern: &str, category: &str, note: Option<&str>) -> RuleEntry {
        RuleEntry {
            pattern: pattern.parse().expect("valid pattern"),
            category: Some(category.to_string()),
            note: note.map(str::to_string),
            line: None,
        }
    }

    fn rules() -> RuleSet {
        let mut set = RuleSet::new();
        set.add(RuleList::new(
            ListKind::Block,
            "block.csv",
            vec![
                rule("+49900*", "premium", None),
                rule("+216*", "ping_call", None),
                rule("+499001234567", "fraud", None),
            ],
        ));
        set.add(RuleList::new(
            ListKind::Allow,
            "allow.json",
            vec![rule(
                "+499001234567",
                "own_hotline",
                Some("our paid hotline"),
            )],
        ));
        set
    }

    #[test]
    fn allow_overrules_exact_and_range_blocks() {
        let set = rules();
        let verdict = set.evaluate("499001234567").expect("valid number");
        assert_eq!(verdict.decision, Decision::Allowed);
        let deciding = verdict.deciding.as_ref().expect("an allow rule");
        assert_eq!(deciding.list, ListKind::Allow);
        assert_eq!(deciding.entry.note.as_deref(), Some("our paid hotline"));
        let overruled: Vec<String> = verdict
            .overruled
            .iter()
            .map(|found| found.entry.pattern.to_string())
            .collect();
        assert_eq!(overruled, ["+499001234567", "+49900*"]);
    }

    #[test]
    fn block_range_decides_without_allow() {
        let set = rules();
        let verdict = set.evaluate("49900999999").expect("valid number");
        assert_eq!(verdict.decision, Decision::Blocked);
        assert_eq!(
            verdict
                .deciding
                .map(|found| found.entry.pattern.to_string()),
            Some("+49900*".to_string())
        );
        assert!(verdict.overruled.is_empty());
    }

    #[test]
    fn unlisted_and_invalid_numbers() {
        let set = rules();
        let verdict = set.evaluate("4930123456").expect("valid number");
        assert_eq!(verdict.decision, Decision::NotListed);
        assert!(verdict.deciding.is_none());
        assert!(set.evaluate("+4930").is_err());
        assert!(RuleSet::new().evaluate("x").is_err());
    }

    #[test]
    fn verdict_serializes_as_snake_case_json() {
        let set = rules();
        let verdict = set.evaluate("21655501234").expect("valid number");
        let json = serde_json::to_value(&verdict).expect("serializable");
        assert_eq!(json["decision"], "blocked");
        assert_eq!(json["deciding"]["list"], "block");
        assert_eq!(json["deciding"]["match_kind"], "prefix");
        assert_eq!(json["deciding"]["entry"]["category"], "ping_call");
        assert_eq!(json["also_matched"], serde_json::json!([]));
    }
}
