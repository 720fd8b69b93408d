//! The complaint desk's domain: what a complaint is, how it is counted per number,
//! range and vendor, when a burst raises an alert, and the storage the desk needs.
//!
//! No HTTP, no SQL, no async runtime here: the backends (`numrep-desk-sqlite`,
//! `numrep-desk-postgres`) implement [`Backend`]'s few primitives, and the algorithms
//! that decide what to write ([`record`], [`remove`]) run once, here, for both.
//!
//! ```
//! use numrep_desk::{poisson_tail, Category};
//!
//! assert_eq!(Category::parse("cold_call"), Some(Category::ColdCall));
//! // 23 complaints in 48 h against a baseline of 0.5 per day (λT = 1):
//! assert!(poisson_tail(23, 1.0) < 1e-22);
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![warn(unnameable_types)]
#![warn(missing_debug_implementations)]

mod alert;
mod backend;
mod category;
pub mod config;
mod error;
pub mod import;
mod input;
mod keys;
mod poisson;
mod privacy;
pub mod record;
pub mod remove;
pub mod rows;
mod rules;
mod stats;
mod store;
#[cfg(feature = "store-tests")]
pub mod testing;
mod time;
pub mod view;

pub use alert::{newest_first, Alert, AlertChange, AlertDraft};
pub use backend::{Backend, IdempotentHit, Ops, Selector};
pub use category::Category;
pub use config::{DeskConfig, Role, RuleConfig, ServerConfig, TokenConfig};
pub use error::StoreError;
pub use input::{ComplaintInput, InputError, Intake};
pub use keys::{range_key, GroupBy, KeyRef, Keys};
pub use poisson::poisson_tail;
pub use privacy::{CustomerHasher, SecretError, MIN_SECRET_BYTES};
pub use record::{Outcome, Recorded};
pub use rules::{Firing, Observation, Rule, RuleKind};
pub use stats::{
    Aggregate, CustomerDelta, KeyDelta, KeyStats, KeySummary, RecentCounts, WindowCount,
};
pub use store::{Complaint, Desk, ListFilter, NewComplaint, Store};
pub use time::{
    day_of, format_timestamp, format_window, parse_timestamp, parse_window, Clock, ManualClock,
    Millis, SystemClock, DAY, HOUR,
};
pub use view::{NumberView, ScopedStats};
