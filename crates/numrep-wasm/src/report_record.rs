//! A [`Report`] as a [`Record`]: its JSON fields in the order of the CLI's JSON
//! (`Report::write_json`), which `js/report.js` reads back into a plain object.
//!
//! Codes and catalogue texts cross as addresses of static strings, per-number strings as
//! text, rendered sentences interned; own number, list decision and online sources
//! (only with lists or sources, and rare) as JSON text.

use numrep::{Mode, Region, Report};

use crate::record::Record;

/// Writes `report` into `record`, field by field in JSON order.
pub(crate) fn write(record: &mut Record, report: &Report) {
    let lang = report.lang();
    record.str(Some(report.input()));
    record.bool(report.is_ok());
    if let Some(error) = record.present(report.error()) {
        record.static_str(Some(error.code()));
        record.text(Some(&error));
    }
    let number = report.number();
    record.text(
        number
            .filter(|n| !n.is_short_code())
            .and_then(|_| report.formatted(Mode::E164))
            .as_ref(),
    );
    record.number(number.map(|n| f64::from(n.country_code())));
    record.static_str(report.region().map(Region::code));
    record.static_str(report.country());
    record.str(number.map(|n| n.national_number()));
    record.text(report.formatted(Mode::International).as_ref());
    record.text(report.national_format().as_ref());
    record.str(number.and_then(|n| n.extension()));
    record.bool(number.is_some_and(|n| n.is_short_code()));
    let category = report.category();
    record.static_str(category.map(|c| c.as_str()));
    record.static_str(category.map(|c| c.text(lang)));
    record.bool(report.is_valid());
    let validity = report.validity();
    record.static_str(validity.map(|v| v.as_str()));
    record.static_str(validity.map(|v| v.text(lang)));
    record.static_str(report.place());
    record.static_str(report.operator());
    if let Some(tariff) = record.present(report.tariff()) {
        record.static_str(Some(tariff.id()));
        record.number(tariff.per_minute_eur());
        record.number(tariff.per_call_eur());
        record.number(Some(f64::from(tariff.free_seconds())));
        record.number(tariff.max_per_minute_eur());
        record.number(tariff.max_per_call_eur());
        record.static_str(Some(tariff.description(lang)));
    }
    let cost = report.cost();
    record.static_str(cost.map(|c| c.as_str()));
    record.static_str(cost.map(|c| c.text(lang)));
    record.opt_bool(report.caller_id_allowed());
    let caller_id = report.caller_id();
    record.static_str(caller_id.map(|c| c.as_str()));
    record.static_str(caller_id.map(|c| c.text(lang)));
    if let Some(range) = record.present(report.range()) {
        record.static_str(Some(range.name(lang)));
        record.static_str(Some(range.source()));
    }
    record.json(report.own_number());
    if let Some(register) = record.present(report.register()) {
        record.static_str(Some(register.as_str()));
        record.number(register.entries().map(|n| n as f64));
        record.register(register, lang);
    }
    record.json(report.list());
    let sources: Vec<_> = report.sources().iter().map(|s| s.json(lang)).collect();
    record.json((!sources.is_empty()).then_some(&sources));
    let risk = report.risk();
    record.static_str(risk.map(|r| r.as_str()));
    record.static_str(risk.map(|r| r.text(lang)));
    let reasons = report.reasons();
    record.count(reasons.len());
    for reason in reasons {
        record.static_str(Some(reason.code()));
        record.static_str(Some(reason.severity().as_str()));
        record.reason(reason, lang);
        record.bool(reason.is_overruled());
    }
    if let Some(advice) = record.present(report.advice()) {
        record.static_str(Some(advice.code()));
        record.static_str(Some(advice.text(lang)));
    }
    record.static_str(Some(report.data_version()));
}
