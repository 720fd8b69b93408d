//! Runtime lists: own call-center numbers, block and allow lists.
//!
//! Everything here works on E.164 digit strings (country code and national number,
//! digits only, no `+`, e.g. `"4930123456"`), needs no network and no clock (the
//! caller passes today's date), and builds for wasm32.
//!
//! ```
//! use numrep::lists::{load_rules, Decision, ListFormat, ListKind, LoadOptions, RuleSet};
//!
//! let csv = "pattern,category,note\n+49900*,premium,\n+216*,ping_call,\n";
//! let loaded = load_rules(csv, "block.csv", ListKind::Block, ListFormat::Csv, &LoadOptions::default())?;
//! assert!(loaded.problems.is_empty());
//! let mut rules = RuleSet::new();
//! rules.add(loaded.list);
//! assert_eq!(rules.evaluate("4990012345")?.decision, Decision::Blocked);
//! # Ok::<(), numrep::lists::ListError>(())
//! ```
//!
//! National forms (`030 …`) need the calling code they belong to, and every limit can
//! be set (the defaults bound memory):
//!
//! ```
//! use numrep::lists::{load_rules, CountryCode, ListFormat, ListKind, LoadOptions, PatternOptions};
//!
//! let germany = PatternOptions::new().default_country_code(CountryCode::new(49)?);
//! let options = LoadOptions::new().patterns(germany).max_entries(10_000);
//! let loaded = load_rules("pattern\n0900*\n", "block.csv", ListKind::Block, ListFormat::Csv, &options)?;
//! assert_eq!(loaded.list.len(), 1);
//! # Ok::<(), numrep::lists::ListError>(())
//! ```

mod date;
mod error;
mod index;
mod load;
mod messages;
mod own;
mod pattern;
mod rules;
mod suggest;

pub use date::Date;
pub use error::{DateProblem, ListError, LookupProblem};
pub use index::{validate_lookup_digits, PatternIndex, Patterned};
pub use load::{
    load_own_numbers, load_rules, ListFormat, LoadOptions, Loaded, RowProblem, EXTRA_NAME_PREFIX,
};
pub use messages::{ListErrorText, RowProblemText, UnlistedProblemsText};
pub use own::{OwnNumberEntry, OwnNumberLookup, OwnNumberMatch, OwnNumberRegistry, WindowPosition};
pub use pattern::{CountryCode, Pattern, PatternKind, PatternOptions, MAX_PATTERN_SYMBOLS};
pub use rules::{Decision, ListKind, RuleEntry, RuleList, RuleMatch, RuleSet, RuleVerdict};
pub use suggest::{did_you_mean, edit_distance, line_of};

#[cfg(test)]
mod proptests;
