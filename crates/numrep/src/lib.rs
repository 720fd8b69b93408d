//! numrep core: parse phone numbers, classify them from compiled prefix tables,
//! and assess how risky they are. No network, no async runtime, no regex.

pub mod lists;
