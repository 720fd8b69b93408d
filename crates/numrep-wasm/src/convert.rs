//! Crossing the boundary: Rust values to plain JS objects, failures to JS `Error`s.
//!
//! Reports, the hot path, cross as a record of numbers (`record.rs`) that `js/report.js`
//! reads; the other, rarer values as JSON text and one `JSON.parse`.

use std::cell::RefCell;

use numrep::Report;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::record::Record;
use crate::report_record;

/// A JS `Error` with `message` and a stable `code` property (the CLI's code).
pub(crate) fn js_error(code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(code));
    error.into()
}

/// Serializes `value` as a plain JS object (no `Map`s; `null` for `None`; numbers for
/// 64-bit integers), i.e. what `JSON.parse` of the CLI's output would give — built that
/// way: one `JSON.parse` of its JSON text is several times faster than setting each
/// property across the boundary.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| js_error("serialize", &e.to_string()))?;
    js_sys::JSON::parse(&text)
}

#[wasm_bindgen(module = "/js/report.js")]
extern "C" {
    /// Gives `js/report.js` the module's memory, once.
    fn attach(memory: JsValue);
    /// Builds the report object from the record's slots and text at these addresses.
    #[wasm_bindgen(js_name = readReport)]
    fn read_report(slots: u32, text: u32) -> JsValue;
}

thread_local! {
    /// The record reports cross in, reused (with its interned sentences) by every call.
    static RECORD: RefCell<Option<Record>> = const { RefCell::new(None) };
}

/// A report as the plain object `JSON.parse` of its JSON (`Report::write_json`) would
/// give, built by `js/report.js` from a record of numbers and short texts: no JSON
/// text is written or parsed for it.
pub(crate) fn report_to_js(report: &Report) -> JsValue {
    RECORD.with(|cell| match cell.try_borrow_mut() {
        Ok(mut slot) => {
            let record = slot.get_or_insert_with(|| {
                attach(wasm_bindgen::memory());
                Record::shared()
            });
            read(record, report)
        }
        // Only reachable if reading a record ever re-entered Rust: a record of its own,
        // which leaves the shared sentence ids alone.
        Err(_) => read(&mut Record::default(), report),
    })
}

fn read(record: &mut Record, report: &Report) -> JsValue {
    record.clear();
    report_record::write(record, report);
    while record.overflowed() {
        record.grow();
        report_record::write(record, report);
    }
    let [slots, text] = record.addresses();
    read_report(slots, text)
}
