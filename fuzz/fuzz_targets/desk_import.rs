//! Fuzzes `numrep complaints import`'s readers (CSV and JSON lines): every row is
//! read or reported with its line, with bounded memory, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use numrep_desk::import::{rows, ImportFormat};

fuzz_target!(|data: &[u8]| {
    for format in [ImportFormat::Csv, ImportFormat::JsonLines] {
        let reader = std::io::Cursor::new(data.to_vec());
        for row in rows(reader, format).take(10_000) {
            if let Err(e) = row {
                assert!(!e.message.is_empty());
            }
        }
    }
});
