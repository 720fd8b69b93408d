//! Helpers shared by the integration tests.

// Each test crate uses its own part of the helpers.
#![allow(dead_code)]

pub mod csv_rows;
pub mod differences;
pub mod tally;
