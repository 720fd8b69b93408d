//! The JSON contract: [`Serialize`] for [`Report`], the same for every serde format
//! (the CLI and the widget write the same text through the faster
//! `Report::write_json`, which a test holds to this). Texts are rendered while they are
//! written, never stored.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use super::Report;
use crate::assess::Reason;
use crate::checker::RegisterCheck;
use crate::classify::{NumberRange, Tariff};
use crate::evidence::EvidenceList;
use crate::format::Mode;
use crate::lang::Lang;
use crate::number::PhoneNumber;
use crate::plan::DATA_FINGERPRINT;
use crate::region::Region;

/// `{code, message}` with the message rendered in place.
struct CodeMessage<T>(&'static str, T);

impl<T: std::fmt::Display> Serialize for CodeMessage<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Message", 2)?;
        s.serialize_field("code", self.0)?;
        s.serialize_field("message", &AsStr(&self.1))?;
        s.end()
    }
}

/// A `Display` value serialized as a string without an intermediate `String`.
struct AsStr<T>(T);

impl<T: std::fmt::Display> Serialize for AsStr<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

/// The reasons with their messages in the report's language.
struct Reasons<'a>(&'a [Reason], Lang);

impl Serialize for Reasons<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|r| ReasonJson(r, self.1)))
    }
}

struct ReasonJson<'a>(&'a Reason, Lang);

impl Serialize for ReasonJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (reason, lang) = (self.0, self.1);
        let mut s = serializer.serialize_struct("Reason", 4)?;
        s.serialize_field("code", reason.code())?;
        s.serialize_field("severity", reason.severity().as_str())?;
        s.serialize_field("message", &AsStr(reason.message(lang)))?;
        s.serialize_field("overruled", &reason.is_overruled())?;
        s.end()
    }
}

/// `{status, entries, message}` of the own-number register.
struct RegisterJson(RegisterCheck, Lang);

impl Serialize for RegisterJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Register", 3)?;
        s.serialize_field("status", self.0.as_str())?;
        s.serialize_field("entries", &self.0.entries())?;
        s.serialize_field("message", &AsStr(self.0.text(self.1)))?;
        s.end()
    }
}

/// A tariff in euros with its description in the report's language (JSON `tariff`).
pub(super) struct TariffJson(pub Tariff, pub Lang);

impl Serialize for TariffJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let t = self.0;
        let mut s = serializer.serialize_struct("Tariff", 7)?;
        s.serialize_field("id", t.id())?;
        s.serialize_field("per_minute_eur", &t.per_minute_eur())?;
        s.serialize_field("per_call_eur", &t.per_call_eur())?;
        s.serialize_field("free_seconds", &t.free_seconds())?;
        s.serialize_field("max_per_minute_eur", &t.max_per_minute_eur())?;
        s.serialize_field("max_per_call_eur", &t.max_per_call_eur())?;
        s.serialize_field("description", t.description(self.1))?;
        s.end()
    }
}

/// The range row's name in the report's language and its source (JSON `range`).
struct RangeJson(NumberRange, Lang);

impl Serialize for RangeJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Range", 2)?;
        s.serialize_field("name", self.0.name(self.1))?;
        s.serialize_field("source", self.0.source())?;
        s.end()
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let lang = self.options.lang;
        let found = self.found_ref();
        let number = found.map(|f| &f.number);
        let mut s = serializer.serialize_struct("Report", 37)?;
        s.serialize_field("input", &self.input)?;
        s.serialize_field("ok", &self.is_ok())?;
        s.serialize_field("error", &self.error().map(|e| CodeMessage(e.code(), e)))?;
        s.serialize_field(
            "e164",
            &number
                .filter(|n| !n.is_short_code())
                .and_then(|_| self.formatted(Mode::E164))
                .map(AsStr),
        )?;
        s.serialize_field("country_code", &number.map(PhoneNumber::country_code))?;
        s.serialize_field("region", &self.region().map(Region::code))?;
        s.serialize_field("country", &self.country())?;
        s.serialize_field("national_number", &number.map(PhoneNumber::national_number))?;
        s.serialize_field(
            "international_format",
            &self.formatted(Mode::International).map(AsStr),
        )?;
        s.serialize_field("national_format", &self.national_format().map(AsStr))?;
        s.serialize_field("extension", &number.and_then(PhoneNumber::extension))?;
        s.serialize_field(
            "short_code",
            &number.is_some_and(PhoneNumber::is_short_code),
        )?;
        s.serialize_field("category", &self.category())?;
        s.serialize_field("category_text", &self.category().map(|c| c.text(lang)))?;
        s.serialize_field("valid", &self.is_valid())?;
        s.serialize_field("validity", &self.validity())?;
        s.serialize_field("validity_text", &self.validity().map(|v| v.text(lang)))?;
        s.serialize_field("place", &self.place())?;
        s.serialize_field("operator", &self.operator())?;
        s.serialize_field("tariff", &self.tariff().map(|t| TariffJson(t, lang)))?;
        s.serialize_field("cost", &self.cost())?;
        s.serialize_field("cost_text", &self.cost().map(|c| c.text(lang)))?;
        s.serialize_field("caller_id_allowed", &self.caller_id_allowed())?;
        s.serialize_field("caller_id", &self.caller_id())?;
        s.serialize_field("caller_id_text", &self.caller_id().map(|c| c.text(lang)))?;
        s.serialize_field("range", &self.range().map(|r| RangeJson(r, lang)))?;
        s.serialize_field("own_number", &self.own_number())?;
        s.serialize_field("register", &self.register().map(|r| RegisterJson(r, lang)))?;
        s.serialize_field("list", &self.list())?;
        s.serialize_field("sources", &EvidenceList(self.sources(), lang))?;
        s.serialize_field("risk", &self.risk())?;
        s.serialize_field("risk_text", &self.risk().map(|r| r.text(lang)))?;
        s.serialize_field("reasons", &Reasons(self.reasons(), lang))?;
        s.serialize_field(
            "advice",
            &self.advice().map(|a| CodeMessage(a.code(), a.text(lang))),
        )?;
        s.serialize_field("data_version", DATA_FINGERPRINT)?;
        s.end()
    }
}
