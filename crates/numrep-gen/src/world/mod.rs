//! libphonenumber's metadata for every territory (`data/world/libphonenumber/`) →
//! `crates/numrep/src/plan/world/tables.rs`: every pattern compiled into automata, no
//! regex left for run time.

mod automaton;
/// The meaning of the automata bits, shared with the core.
#[path = "../../../numrep/src/plan/world/bits.rs"]
pub mod bits;
mod claims;
mod emit;
mod encode;
mod load;
mod pike;
pub mod regex;

use std::path::Path;

use crate::csvread::GenError;

pub use load::{Desc, FormatRow, Territory, WorldData};

/// Where the generated world tables live, relative to the workspace root.
pub const WORLD_GENERATED_PATH: &str = "crates/numrep/src/plan/world/tables.rs";

/// Reads `data/world/libphonenumber/` (and the region order of `world/country_codes.csv`)
/// and returns the text of `tables.rs`.
pub fn generate(data_dir: &Path) -> Result<String, GenError> {
    let data = WorldData::load(data_dir)?;
    emit::render(&data)
}
