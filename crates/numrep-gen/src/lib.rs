//! The table compiler: reads the CSV files in `data/` and writes one Rust file of static
//! arrays (`crates/numrep/src/plan/generated.rs`), deterministically.
//!
//! Why a committed file and not `build.rs`: users of the `numrep` crate compile no CSV
//! parser and do no work at build time, the tables are reviewable in diffs, and
//! `tests/fresh.rs` fails when `data/` changed without regenerating (as chrono-tz does).

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![warn(unnameable_types)]
#![warn(missing_debug_implementations)]

mod csvread;
mod emit;
/// The table types, shared with the `numrep` crate by path so that a broken
/// `generated.rs` never stops the generator from repairing it.
#[allow(dead_code)]
#[path = "../../numrep/src/plan/types.rs"]
pub mod plan;
mod prefix_tree;
mod sources;
pub mod world;

use std::path::{Path, PathBuf};

pub use csvread::GenError;

/// Where the generated file lives, relative to the workspace root.
pub const GENERATED_PATH: &str = "crates/numrep/src/plan/generated.rs";

/// The workspace root (two levels above this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub use world::WORLD_GENERATED_PATH;

/// Reads every table in `data_dir` and returns the text of `generated.rs`.
pub fn generate(data_dir: &Path) -> Result<String, GenError> {
    let tables = sources::Tables::load(data_dir)?;
    emit::render(&tables)
}

/// Reads `data_dir/world/libphonenumber/` and returns the text of the world tables
/// (`crates/numrep/src/plan/world/tables.rs`).
pub fn generate_world(data_dir: &Path) -> Result<String, GenError> {
    world::generate(data_dir)
}
