//! numrep core: parse phone numbers, classify them from compiled prefix tables,
//! and assess how risky they are. No network, no async runtime, no regex.

mod classify;
mod digits;
mod error;
pub mod lists;
mod number;
pub mod parse;
pub mod plan;
mod region;

pub use classify::{classify, Classification, Validity};
pub use digits::Digits;
pub use error::ParseError;
pub use number::PhoneNumber;
pub use parse::parse;
pub use region::Region;
