//! What a call is read with: the options its region and language name, and today's
//! date. Both are asked for on every `lookup` or `check` and rarely change, so each keeps
//! its last answer (reading a region code costs more than building a report object).

use std::cell::{Cell, RefCell};

use numrep::lists::Date;
use numrep::{Lang, Options, Region};
use wasm_bindgen::JsValue;

use crate::convert::js_error;

/// The region and language last read, and the options they gave.
type LastOptions = (Option<String>, Option<String>, Options);

thread_local! {
    static LAST_OPTIONS: RefCell<Option<LastOptions>> = const { RefCell::new(None) };
    /// Today, and the span of `Date.now()` (ms) it lasts: local midnight to midnight.
    static TODAY: Cell<Option<(Date, f64, f64)>> = const { Cell::new(None) };
}

/// Reads the region (default DE) and language (default English) the JS side passed.
pub(crate) fn options(region: Option<String>, lang: Option<String>) -> Result<Options, JsValue> {
    let same = |last: &LastOptions| last.0 == region && last.1 == lang;
    let cached = LAST_OPTIONS.with(|cell| {
        cell.try_borrow()
            .ok()
            .and_then(|last| last.as_ref().filter(|last| same(last)).map(|last| last.2))
    });
    if let Some(options) = cached {
        return Ok(options);
    }
    let options = read_options(region.as_deref(), lang.as_deref())?;
    LAST_OPTIONS.with(|cell| {
        if let Ok(mut last) = cell.try_borrow_mut() {
            *last = Some((region, lang, options));
        }
    });
    Ok(options)
}

fn read_options(region: Option<&str>, lang: Option<&str>) -> Result<Options, JsValue> {
    let region = match region.map(str::trim) {
        None | Some("") => Region::default(),
        Some(code) => Region::from_code(code).map_err(|e| js_error(e.code(), &e.to_string()))?,
    };
    let lang = match lang.map(str::trim) {
        None | Some("") => Lang::default(),
        Some(name) => name
            .parse::<Lang>()
            .map_err(|message| js_error("unknown_lang", &message))?,
    };
    Ok(Options::new().region(region).lang(lang))
}

/// Today's date in the browser's local time zone (what the agent calls "today"), read
/// anew once the clock leaves the local day it was read for.
pub(crate) fn today() -> Result<Date, JsValue> {
    let now = js_sys::Date::now();
    if let Some((date, from, until)) = TODAY.get() {
        if (from..until).contains(&now) {
            return Ok(date);
        }
    }
    let clock = js_sys::Date::new(&JsValue::from_f64(now));
    let (year, month, day) = (clock.get_full_year(), clock.get_month(), clock.get_date());
    let part = |value: u32| u8::try_from(value).unwrap_or(u8::MAX);
    let date = Date::new(
        u16::try_from(year).unwrap_or(u16::MAX),
        part(month + 1),
        part(day),
    )
    .map_err(|e| js_error(e.code(), &e.to_string()))?;
    // Local midnights (the Date constructor carries day + 1 into the next month).
    let midnight =
        |day: u32| js_sys::Date::new_with_year_month_day(year, month as i32, day as i32).get_time();
    TODAY.set(Some((date, midnight(day), midnight(day + 1))));
    Ok(date)
}
