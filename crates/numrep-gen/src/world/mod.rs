//! libphonenumber's metadata for every territory (`data/world/libphonenumber/`) →
//! `crates/numrep/src/plan/world/tables.rs`: every pattern compiled into automata, no
//! regex left for run time.

mod automaton;
mod emit;
mod encode;
mod enumerate;
mod load;
mod pike;
pub mod regex;

use std::path::Path;

use crate::csvread::GenError;

pub use load::{Desc, FormatRow, Territory, WorldData};

/// Where the generated world tables live, relative to the workspace root.
pub const WORLD_GENERATED_PATH: &str = "crates/numrep/src/plan/world/tables.rs";

/// Number types in the order of their bits in the compiled type automata
/// (bit 0 is the general description while compiling; it masks the others, then goes).
pub const NUMBER_TYPES: [&str; 10] = [
    "fixed_line",
    "mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "personal_number",
    "voip",
    "pager",
    "uan",
    "voicemail",
];

/// Short-number types in the order of their bits in the short-number automata.
pub const SHORT_TYPES: [&str; 8] = [
    "general",
    "toll_free",
    "standard_rate",
    "premium_rate",
    "emergency",
    "short_code",
    "carrier_specific",
    "sms_services",
];

/// Reads `data/world/libphonenumber/` (and the region order of `world/country_codes.csv`)
/// and returns the text of `tables.rs`.
pub fn generate(data_dir: &Path) -> Result<String, GenError> {
    let data = WorldData::load(data_dir)?;
    emit::render(&data)
}
