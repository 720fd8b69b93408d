//! numrep core: parse phone numbers, classify them from compiled prefix tables,
//! and assess how risky they are. No network, no async runtime, no regex, no start-up work.
//!
//! The data flow, one module each:
//! [`parse`] (text → [`PhoneNumber`]) → [`classify()`] (prefix tables in [`plan`] →
//! [`Classification`]) → [`assess()`] (rules → [`Risk`] with reasons) → [`lookup`]
//! (everything as one serializable [`Report`]). A [`Checker`] adds our runtime [`lists`]
//! (own call-center numbers, block/allow lists) and weighs online [`SourceEvidence`].
//!
//! ```
//! use numrep::{lookup, Options, Risk};
//!
//! let report = lookup("+49 900 5123456", &Options::default());
//! assert_eq!(report.category().map(|c| c.as_str()), Some("premium_rate"));
//! assert_eq!(report.caller_id_allowed(), Some(false));
//! assert_eq!(report.risk(), Some(Risk::High));
//! ```

pub mod assess;
mod checker;
mod classify;
mod digits;
mod error;
mod evidence;
mod format;
mod lang;
pub mod lists;
mod number;
pub mod parse;
pub mod plan;
mod region;
mod report;
mod text;

pub use assess::{
    assess, assess_with, Advice, Assessment, Finding, FindingText, Reason, ReasonText, Risk,
    Severity,
};
pub use checker::{Checker, ListInfo, OwnNumberInfo, RegisterCheck};
pub use classify::{classify, Classification, Validity};
pub use digits::Digits;
pub use error::ParseError;
pub use evidence::{
    BadAnswer, NetworkStage, PauseReason, ReputationVerdict, SourceEvidence, SourceProblem,
    SourceStatus, TimeLimit,
};
pub use format::{Formatted, Mode};
pub use lang::Lang;
pub use number::PhoneNumber;
pub use parse::parse;
pub use plan::{CallerIdRule, Category, DATA_FINGERPRINT};
pub use region::Region;
pub use report::{lookup, Options, RangeInfo, Report, ReportError, TariffInfo};
pub use text::Label;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
