//! Fuzzes the configuration reader (`numrep.toml` and the widget's `config.json`):
//! any text gives a configuration or an error with a code and a message, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use numrep_config::{Config, ListFile};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for read in [Config::from_json, Config::from_toml] {
        match read(text, "fuzz") {
            Ok(config) => {
                // What every frontend asks of a configuration.
                let _ = (config.lang(), config.region(), config.has_register());
                for list in [ListFile::OwnNumbers, ListFile::Blocklist, ListFile::Allowlist] {
                    let _ = config.list_path(list);
                }
            }
            Err(error) => {
                assert!(!error.code().is_empty());
                assert!(!error.to_string().is_empty());
            }
        }
    }
});
