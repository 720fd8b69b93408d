//! [`Report::write_json`]: the same JSON as `serde_json::to_writer(&report)`, byte for
//! byte, written straight into a buffer for the CLI's batch path.
//!
//! Most of a report's JSON is text from the catalogue (advice, verdict words), which the
//! tests prove needs no escaping, and short ASCII values; only values that come from
//! outside (the input, list entries, places) go through the escaper, which skips eight
//! clean bytes at a time. Rarely present objects (tariff, own number, list decision,
//! sources) are written by `serde_json` itself. A test compares both writers on a corpus.

use std::fmt::{self, Display, Write as _};

use serde::Serialize;

use super::serialize::TariffJson;
use super::Report;
use crate::evidence::EvidenceList;
use crate::format::Mode;
use crate::plan::DATA_FINGERPRINT;
use crate::region::Region;

/// Room for a typical report, so the buffer grows at most once per report.
const TYPICAL_LEN: usize = 2048;

impl Report {
    /// Appends the report as one JSON object (no newline), exactly as
    /// `serde_json::to_writer(out, &report)` would, only faster.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        out.reserve(TYPICAL_LEN);
        let lang = self.lang();
        let mut w = Object::new(out);
        w.string("input", Some(self.input()));
        w.raw("ok", bool_text(self.is_ok()));
        match self.error() {
            Some(e) => {
                w.key("error");
                let mut inner = Object::new(w.out);
                inner.string("code", Some(e.code()));
                inner.string("message", Some(&e));
                inner.end();
            }
            None => w.raw("error", "null"),
        }
        let number = self.number();
        w.string(
            "e164",
            number
                .filter(|n| !n.is_short_code())
                .and_then(|_| self.formatted(Mode::E164))
                .as_ref(),
        );
        w.number("country_code", number.map(|n| u64::from(n.country_code())));
        w.trusted("region", self.region().map(Region::code));
        w.string("country", self.country());
        w.string("national_number", number.map(|n| n.national_number()));
        w.string(
            "international_format",
            self.formatted(Mode::International).as_ref(),
        );
        w.string("national_format", self.national_format().as_ref());
        w.string("extension", number.and_then(|n| n.extension()));
        w.raw(
            "short_code",
            bool_text(number.is_some_and(|n| n.is_short_code())),
        );
        w.trusted("category", self.category().map(|c| c.as_str()));
        w.trusted("category_text", self.category().map(|c| c.text(lang)));
        w.raw("valid", bool_text(self.is_valid()));
        w.trusted("validity", self.validity().map(|v| v.as_str()));
        w.trusted("validity_text", self.validity().map(|v| v.text(lang)));
        w.string("place", self.place());
        w.string("operator", self.operator());
        w.serde("tariff", &self.tariff().map(|t| TariffJson(t, lang)));
        w.trusted("cost", self.cost().map(|c| c.as_str()));
        w.trusted("cost_text", self.cost().map(|c| c.text(lang)));
        w.raw(
            "caller_id_allowed",
            self.caller_id_allowed().map_or("null", bool_text),
        );
        w.trusted("caller_id", self.caller_id().map(|c| c.as_str()));
        w.trusted("caller_id_text", self.caller_id().map(|c| c.text(lang)));
        match self.range() {
            Some(range) => {
                w.key("range");
                let mut inner = Object::new(w.out);
                inner.string("name", Some(range.name(lang)));
                inner.string("source", Some(range.source()));
                inner.end();
            }
            None => w.raw("range", "null"),
        }
        w.serde("own_number", &self.own_number());
        match self.register() {
            Some(register) => {
                w.key("register");
                let mut inner = Object::new(w.out);
                inner.trusted("status", Some(register.as_str()));
                inner.number("entries", register.entries().map(|n| n as u64));
                inner.string("message", Some(&register.text(lang)));
                inner.end();
            }
            None => w.raw("register", "null"),
        }
        w.serde("list", &self.list());
        w.serde("sources", &EvidenceList(self.sources(), lang));
        w.trusted("risk", self.risk().map(|r| r.as_str()));
        w.trusted("risk_text", self.risk().map(|r| r.text(lang)));
        w.key("reasons");
        w.out.push(b'[');
        for (i, reason) in self.reasons().iter().enumerate() {
            if i > 0 {
                w.out.push(b',');
            }
            let mut inner = Object::new(w.out);
            inner.trusted("code", Some(reason.code()));
            inner.trusted("severity", Some(reason.severity().as_str()));
            inner.string("message", Some(&reason.message(lang)));
            inner.raw("overruled", bool_text(reason.is_overruled()));
            inner.end();
        }
        w.out.push(b']');
        match self.advice() {
            Some(advice) => {
                w.key("advice");
                let mut inner = Object::new(w.out);
                inner.trusted("code", Some(advice.code()));
                inner.trusted("message", Some(advice.text(lang)));
                inner.end();
            }
            None => w.raw("advice", "null"),
        }
        w.trusted("data_version", Some(DATA_FINGERPRINT));
        w.end();
    }
}

fn bool_text(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Bytes copied for a member's key, `,"name":` (longer names are not written: the
/// names are this file's, and the JSON-equals-serde test would fail).
const KEY_WINDOW: usize = 32;

/// Writes the members of one JSON object.
struct Object<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Object<'a> {
    fn new(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        Object { out, first: true }
    }

    fn end(self) {
        self.out.push(b'}');
    }

    fn key(&mut self, name: &str) {
        let comma = usize::from(self.first);
        self.first = false;
        // `,"name":` (the comma dropped for the first member) as one copy of a fixed
        // 32 bytes, then cut to length: a copy of a variable length is a call to
        // `memcpy`, ~60 of them per report (8 % of the CLI's JSON batch in `perf`).
        let mut buf = [0u8; KEY_WINDOW + 1];
        let len = name.len() + 4;
        // At most KEY_WINDOW bytes, so the window below holds all of them.
        if let Some(slot) = buf[..KEY_WINDOW].get_mut(..len) {
            slot[0] = b',';
            slot[1] = b'"';
            slot[2..len - 2].copy_from_slice(name.as_bytes());
            slot[len - 2..].copy_from_slice(b"\":");
            let start = self.out.len();
            let window: &[u8; KEY_WINDOW] = buf[comma..].first_chunk().unwrap_or(&[0; KEY_WINDOW]);
            self.out.extend_from_slice(window);
            self.out.truncate(start + len - comma);
        }
    }

    /// A member whose JSON text is given as it is (`true`, `null`).
    fn raw(&mut self, name: &str, json: &str) {
        self.key(name);
        self.out.extend_from_slice(json.as_bytes());
    }

    /// A string that needs no escaping (codes and catalogue texts; see the tests), or null.
    fn trusted(&mut self, name: &str, value: Option<&str>) {
        self.key(name);
        match value {
            Some(text) => {
                debug_assert!(!needs_escape(text.as_bytes()), "{text:?} needs escaping");
                self.out.push(b'"');
                self.out.extend_from_slice(text.as_bytes());
                self.out.push(b'"');
            }
            None => self.out.extend_from_slice(b"null"),
        }
    }

    /// Any text, escaped as it is written, or null.
    fn string<T: Display + ?Sized>(&mut self, name: &str, value: Option<&T>) {
        self.key(name);
        match value {
            Some(text) => {
                self.out.push(b'"');
                // Writing into a Vec cannot fail.
                let _ = write!(Escaper(self.out), "{text}");
                self.out.push(b'"');
            }
            None => self.out.extend_from_slice(b"null"),
        }
    }

    fn number(&mut self, name: &str, value: Option<u64>) {
        self.key(name);
        match value {
            Some(n) => {
                let _ = write!(Escaper(self.out), "{n}");
            }
            None => self.out.extend_from_slice(b"null"),
        }
    }

    /// A member serde writes (rare objects: tariff, own number, list, sources).
    fn serde<T: Serialize>(&mut self, name: &str, value: &T) {
        self.key(name);
        // Serializing plain data into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *self.out, value);
    }
}

/// A `fmt::Write` that appends JSON-escaped text.
struct Escaper<'a>(&'a mut Vec<u8>);

impl fmt::Write for Escaper<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_into(self.0, s.as_bytes());
        Ok(())
    }
}

/// Eight copies of `b`.
const fn splat(b: u8) -> u64 {
    (b as u64) * 0x0101_0101_0101_0101
}

/// True when some byte of the eight in `x` is `"`, `\` or below 0x20 (SWAR: the
/// classic "has a zero byte" and "has a byte less than n" tricks).
fn word_needs_escape(x: u64) -> bool {
    const LOW: u64 = splat(0x01);
    const HIGH: u64 = splat(0x80);
    let has_zero = |v: u64| v.wrapping_sub(LOW) & !v & HIGH;
    let below_space = x.wrapping_sub(splat(0x20)) & !x & HIGH;
    (has_zero(x ^ splat(b'"')) | has_zero(x ^ splat(b'\\')) | below_space) != 0
}

fn byte_needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

fn needs_escape(bytes: &[u8]) -> bool {
    bytes.iter().any(|&b| byte_needs_escape(b))
}

/// The index of the first byte in `bytes` that needs an escape, checking eight bytes
/// at a time.
fn next_escape(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        if word_needs_escape(word) {
            return chunk
                .iter()
                .position(|&b| byte_needs_escape(b))
                .map(|i| offset + i);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| byte_needs_escape(b))
        .map(|i| offset + i)
}

/// Appends `bytes` with JSON escapes exactly as `serde_json` writes them.
fn escape_into(out: &mut Vec<u8>, mut bytes: &[u8]) {
    while let Some(i) = next_escape(bytes) {
        out.extend_from_slice(&bytes[..i]);
        match bytes[i] {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            b => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xF)]);
            }
        }
        bytes = &bytes[i + 1..];
    }
    out.extend_from_slice(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::text::Msg;

    #[test]
    fn escaping_matches_serde_json() {
        let nasty: String = (0u8..0x80).map(char::from).collect();
        for text in [
            "",
            "plain",
            "exactly8",
            "a \"quoted\" \\ value",
            "tab\there\nnew line\r\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "ünïcödé – „deutsch“ 😀 and more than eight bytes",
            nasty.as_str(),
        ] {
            let mut ours = b"\"".to_vec();
            escape_into(&mut ours, text.as_bytes());
            ours.push(b'"');
            assert_eq!(
                String::from_utf8(ours).expect("UTF-8"),
                serde_json::to_string(text).expect("serializes"),
                "{text:?}"
            );
        }
    }

    #[test]
    fn catalogue_texts_need_no_escaping() {
        // `Object::trusted` writes them without the escaper; parse-error messages quote
        // the input and always go through it (`Object::string`).
        let escaped = |msg: Msg| format!("{msg:?}").starts_with("Error");
        for &msg in Msg::ALL.iter().filter(|&&m| !escaped(m)) {
            for lang in [Lang::En, Lang::De] {
                let text = msg.template(lang);
                assert!(!needs_escape(text.as_bytes()), "{msg:?} {lang:?}: {text:?}");
            }
        }
        assert!(!needs_escape(DATA_FINGERPRINT.as_bytes()));
    }
}
