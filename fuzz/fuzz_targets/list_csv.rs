//! Fuzzes the CSV list loader (see `list_common.rs` for what is checked).

#![no_main]

#[path = "list_common.rs"]
mod list_common;

use libfuzzer_sys::fuzz_target;
use numrep::lists::ListFormat;

fuzz_target!(|data: &[u8]| list_common::check(data, ListFormat::Csv, "fuzz.csv"));
