//! # numrep-config
//!
//! The one reader of numrep's configuration, used by every frontend: the `numrep`
//! command (`--config numrep.toml`), the widget's wasm module (the same keys as JSON)
//! and the complaint desk (`numrep serve`). It decides, in one place:
//!
//! - which keys exist ([`KEYS`]); an unknown key anywhere is an error naming the file,
//!   the line and the key it most likely means (`own_number` → `own_numbers`);
//! - the defaults (region DE, language from the environment, see [`Config::lang`]);
//! - how list files are read for a region ([`list_options`]) and found
//!   ([`Config::list_path`]), size-checked before they are read ([`read_text`]);
//! - what "today" is for registration windows: the local calendar date of the machine
//!   the agent works on ([`today()`]; the widget uses the browser's local date).
//!
//! Sections that belong to one frontend are read by it from the same text
//! ([`Config::text`]): the desk's `[server]` and `[[alerts]]`. This crate still knows
//! their names, so a typo at the top level never goes unnoticed.
//!
//! ```
//! let text = "lang = \"de\"\nown_numbers = \"own.csv\"\n";
//! let config = numrep_config::Config::from_toml(text, "numrep.toml").unwrap();
//! assert_eq!(config.lang(), Some(numrep::Lang::De));
//!
//! let typo = numrep_config::Config::from_toml("own_number = \"own.csv\"\n", "numrep.toml");
//! assert_eq!(
//!     typo.unwrap_err().to_string(),
//!     "numrep.toml line 1: unknown key `own_number` (did you mean `own_numbers`?)"
//! );
//! ```

#![warn(missing_docs)]
#![warn(unnameable_types)]
#![warn(missing_debug_implementations)]
#![forbid(unsafe_code)]

mod config;
mod error;
#[cfg(not(target_arch = "wasm32"))]
mod file;
mod keys;
mod lists;
#[cfg(not(target_arch = "wasm32"))]
mod today;

pub use config::Config;
pub use error::ConfigError;
#[cfg(not(target_arch = "wasm32"))]
pub use file::{read_text, MAX_CONFIG_BYTES};
pub use keys::KEYS;
#[cfg(not(target_arch = "wasm32"))]
pub use lists::Lists;
pub use lists::{list_options, ListFile};
#[cfg(not(target_arch = "wasm32"))]
pub use today::today;
