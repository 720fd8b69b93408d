//! Fuzzes the desk's part of `numrep.toml` (`[server]`, `[[alerts]]`): any text gives a
//! configuration whose alert rules are built or refused with a message, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use numrep_desk::DeskConfig;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match DeskConfig::from_toml(text) {
        Ok(config) => {
            if let Err(message) = config.rules() {
                assert!(!message.is_empty());
            }
        }
        Err(message) => assert!(!message.is_empty()),
    }
});
