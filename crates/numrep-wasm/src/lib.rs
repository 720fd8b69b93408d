//! # numrep-wasm
//!
//! A thin [wasm-bindgen] layer over the `numrep` core for browsers: the offline check
//! (parse, classify, assess, own-number registry, block/allow lists) and, with the cargo
//! feature `online`, the reputation sources of `numrep-online` over the browser's `fetch`.
//!
//! Results are plain JS objects with exactly the fields of the CLI's JSON output
//! (`numrep lookup --format json`); see the TypeScript interfaces in [`types`]. A report
//! crosses the boundary as a record of numbers that `js/report.js` reads into that
//! object, not as JSON text. Misuse
//! (an unknown region or language, a list file that cannot be read at all, a bad online
//! configuration) throws a JS `Error` whose `code` property holds the same stable code
//! the CLI reports. Input that is not a phone number is *not* an exception: like the CLI,
//! the report says `ok: false` with `error: {code, message}`.
//!
//! ```js
//! import init, { NumrepChecker, lookup } from "./pkg/numrep_wasm.js";
//! await init();
//! const checker = new NumrepChecker("DE", "en");
//! const { problems } = checker.loadOwnNumbers(csvText, "own.csv");
//! const report = checker.check("+49 900 5123456");
//! report.category; // "premium_rate"
//! report.risk;     // "high"
//! ```
//!
//! There is no start-up work: the core's tables are static data in the module.
//!
//! [wasm-bindgen]: https://rustwasm.github.io/docs/wasm-bindgen/

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![warn(unnameable_types)]

mod bench;
mod checker;
mod context;
mod convert;
#[cfg(feature = "online")]
mod online;
mod record;
mod report_record;
mod slots;
pub mod types;

pub use bench::{bench, bench_corpus, bench_reports};
pub use checker::{check_config, lookup, texts, NumrepChecker};
