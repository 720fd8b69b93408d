//! numrep core: parse phone numbers of every region, classify them from compiled tables,
//! and assess how risky they are. No network, no async runtime, no regex, no start-up
//! work, no allocation while parsing and classifying.
//!
//! The data flow, one step each:
//! [`parse()`] (any written form → [`PhoneNumber`]) → [`classify()`] (compiled tables →
//! [`Classification`]: kind of line, validity, region, place, tariff) → [`assess()`]
//! (rules → [`Risk`] with [`Reason`]s and [`Advice`]) → [`lookup`] (everything as one
//! serializable [`Report`]). A [`Checker`] adds our runtime [`lists`] (own call-center
//! numbers, block/allow lists) and weighs online [`SourceEvidence`].
//!
//! Two sets of tables answer: Germany in depth from the Bundesnetzagentur's numbering
//! plan ([`BNETZA_SNAPSHOT`]), every other region from Google libphonenumber's metadata
//! ([`METADATA_VERSION`]), compiled into automata at generation time. Where the two
//! disagree about German numbers, numrep follows the BNetzA; `docs/differences.md`
//! lists every such difference.
//!
//! ```
//! use numrep::{lookup, Advice, Category, Lang, Mode, Options, Region, Risk};
//!
//! let report = lookup("+49 900 5123456", &Options::default());
//! assert_eq!(report.category(), Some(Category::PremiumRate));
//! assert_eq!(report.caller_id_allowed(), Some(false)); // TKG § 120
//! assert_eq!(report.risk(), Some(Risk::High));
//!
//! // A Swiss premium line: do not call back.
//! let report = lookup("+41 900 123 456", &Options::new().lang(Lang::De));
//! assert_eq!(report.category(), Some(Category::PremiumRate));
//! assert_eq!(report.advice(), Some(Advice::DoNotCallBack));
//!
//! // National forms and short numbers of any region.
//! let report = lookup("020 7946 0958", &Options::new().region(Region::GB));
//! assert_eq!(report.formatted(Mode::International).unwrap().to_string(), "+44 20 7946 0958");
//! let report = lookup("999", &Options::new().region(Region::GB));
//! assert_eq!(report.category(), Some(Category::Emergency));
//! ```
//!
//! Versions: [`METADATA_VERSION`] (libphonenumber), [`BNETZA_SNAPSHOT`] (German tables)
//! and [`DATA_FINGERPRINT`] (all of `data/`) say which data answered.

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![warn(unnameable_types)]
#![warn(missing_debug_implementations)]

mod assess;
mod case;
mod checker;
mod classify;
mod country_code;
mod digits;
mod error;
mod evidence;
mod format;
mod lang;
pub mod lists;
mod number;
mod order;
mod parse;
mod plan;
mod region;
mod report;
mod text;

pub use assess::{
    assess, assess_with, Advice, Assessment, Finding, FindingText, Reason, ReasonText, Risk,
    Severity,
};
pub use checker::{Checker, ListInfo, OwnNumberInfo, RegisterCheck};
pub use classify::{classify, Classification, Cost, NumberRange, Tariff, Validity};
pub use country_code::CountryCode;
pub use digits::Digits;
pub use error::{ErrorText, ParseError, Problem};
pub use evidence::{
    BadAnswer, NetworkStage, PauseReason, ProblemText, ReputationVerdict, SourceEvidence,
    SourceProblem, SourceStatus, TimeLimit,
};
pub use format::{Formatted, Mode};
pub use lang::Lang;
pub use number::PhoneNumber;
pub use parse::{parse, MAX_INPUT_CHARS};
pub use plan::{CallerIdRule, Category};
pub use region::Region;
pub use report::{lookup, Options, Report, ReportError};
pub use text::Label;

/// Fingerprint (FNV-1a 64) of every file in `data/` the tables were compiled from.
pub const DATA_FINGERPRINT: &str = plan::DATA_FINGERPRINT;

/// The libphonenumber release whose metadata classifies, parses and formats every
/// region outside Germany (`data/world/libphonenumber/version.csv`).
pub const METADATA_VERSION: &str = plan::world::METADATA_VERSION;

/// The state (ISO date) of the Bundesnetzagentur lists the German tables were checked
/// against (`data/de/snapshot.csv`).
pub const BNETZA_SNAPSHOT: &str = plan::BNETZA_SNAPSHOT;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
