//! The scratch record a value crosses the boundary in: a row of numbers (slots) and a
//! text buffer in wasm memory, read in the same order by `js/report.js`.
//!
//! Every slot is an `f64`, so numbers, booleans, lengths and addresses share one
//! `Float64Array` on the JS side. A string is a kind slot and its payload:
//!
//! | kind | payload | for |
//! | --- | --- | --- |
//! | [`NULL`] | — | `None` |
//! | [`STATIC`] | address, byte length | `&'static str` (codes, catalogue texts, places): JS decodes each address once and caches it |
//! | [`ASCII`] | offset, byte length in the text buffer | per-number strings (E.164, formats, the input) |
//! | [`UTF8`] | offset, byte length | the same, when not ASCII |
//! | [`INTERNED`] | id | a rendered sentence JS has received before |
//! | [`INTERN`] | id, offset, byte length | a rendered sentence sent for the first time under `id` |
//! | [`JSON`] | offset, byte length | a rare nested value as JSON text |
//!
//! ASCII text is told apart because JS turns it into a string without a UTF-8 decoder.

use std::collections::HashMap;
use std::fmt::{Display, Write as _};
use std::hash::{BuildHasherDefault, Hash, Hasher};

use numrep::{Lang, Reason, RegisterCheck};
use serde::Serialize;

use crate::slots::Slots;

/// String kind: `null`.
const NULL: f64 = 0.0;
/// String kind: a static string by address and byte length.
const STATIC: f64 = 1.0;
/// String kind: ASCII text in the text buffer.
const ASCII: f64 = 2.0;
/// String kind: an interned sentence JS already holds.
const INTERNED: f64 = 3.0;
/// String kind: an interned sentence sent with its id.
const INTERN: f64 = 4.0;
/// String kind: JSON text in the text buffer.
const JSON: f64 = 5.0;
/// String kind: UTF-8 text (not ASCII) in the text buffer.
const UTF8: f64 = 6.0;

/// Sentences remembered before the interner starts afresh (bounds memory on both sides
/// when inputs quote themselves into messages).
const INTERN_CAPACITY: usize = 4096;

/// A record being written; cleared after each value has crossed.
#[derive(Default)]
pub(crate) struct Record {
    slots: Slots,
    text: String,
    /// `None` for a record beside the shared one: its sentences go as text, since JS
    /// keeps one table of ids.
    interner: Option<Interner>,
}

impl Record {
    /// The record that interns sentences: one per module, as JS keeps one table of ids.
    pub(crate) fn shared() -> Record {
        Record {
            interner: Some(Interner::default()),
            ..Record::default()
        }
    }

    /// Empties the record (capacity and interned sentences are kept).
    pub(crate) fn clear(&mut self) {
        self.slots.clear();
        self.text.clear();
    }

    /// True when the value written since [`Record::clear`] did not fit: [`Record::grow`],
    /// then write it again.
    pub(crate) fn overflowed(&self) -> bool {
        self.slots.overflowed()
    }

    /// Makes room for a larger value (and clears the record).
    pub(crate) fn grow(&mut self) {
        self.slots.grow();
        self.text.clear();
    }

    /// Addresses of the slots and of the text buffer, for JS to read them (they do not
    /// move until the record is written again).
    pub(crate) fn addresses(&self) -> [u32; 2] {
        let address = |p: *const u8| u32::try_from(p as usize).unwrap_or(0);
        [
            address(self.slots.as_ptr().cast()),
            address(self.text.as_ptr()),
        ]
    }

    /// A number slot; `None` is `NaN` (JSON has no NaN, so it cannot be a value).
    pub(crate) fn number(&mut self, value: Option<f64>) {
        self.slots.put([value.unwrap_or(f64::NAN)]);
    }

    /// A count, flag or small integer.
    pub(crate) fn count(&mut self, value: usize) {
        // Exact up to 2^53, far beyond any count here.
        self.slots.put([value as f64]);
    }

    /// A boolean slot (`0`/`1`).
    pub(crate) fn bool(&mut self, value: bool) {
        self.count(usize::from(value));
    }

    /// A boolean or `null` (`NaN`).
    pub(crate) fn opt_bool(&mut self, value: Option<bool>) {
        self.number(value.map(|b| f64::from(u8::from(b))));
    }

    /// Whether an optional object follows, as a flag slot; returns the value to write.
    pub(crate) fn present<T>(&mut self, value: Option<T>) -> Option<T> {
        self.bool(value.is_some());
        value
    }

    /// A static string (codes, catalogue texts, table names) by address, or `null`.
    pub(crate) fn static_str(&mut self, value: Option<&'static str>) {
        match value {
            Some(text) => {
                let address = text.as_ptr() as usize;
                self.slots.put([STATIC, address as f64, text.len() as f64]);
            }
            None => self.slots.put([NULL]),
        }
    }

    /// A per-value string rendered by its `Display` (formats, messages), or `null`.
    pub(crate) fn text<T: Display + ?Sized>(&mut self, value: Option<&T>) {
        match value {
            Some(value) => {
                let start = self.text.len();
                // Writing into a String cannot fail.
                let _ = write!(self.text, "{value}");
                self.text_span(start);
            }
            None => self.slots.put([NULL]),
        }
    }

    /// A per-value string held as text already (the input, the national number), or
    /// `null`: copied without the formatting machinery.
    pub(crate) fn str(&mut self, value: Option<&str>) {
        match value {
            Some(value) => {
                let start = self.text.len();
                self.text.push_str(value);
                self.text_span(start);
            }
            None => self.slots.put([NULL]),
        }
    }

    /// The register's words for `check` in `lang`: sent once, then by id (as text by a
    /// record that is not [`Record::shared`]); like reasons, not rendered again.
    pub(crate) fn register(&mut self, check: RegisterCheck, lang: Lang) {
        let Some(interner) = &mut self.interner else {
            return self.text(Some(&check.text(lang)));
        };
        let interned = interner.register_id(check, lang);
        put_interned(&mut self.slots, &mut self.text, interned, &check.text(lang));
    }

    /// A reason's sentence in `lang`, interned by the reason itself: a reason JS has
    /// received before is neither rendered nor sent again (rendering was a third of
    /// writing a report's record).
    pub(crate) fn reason(&mut self, reason: &Reason, lang: Lang) {
        let Some(interner) = &mut self.interner else {
            return self.text(Some(&reason.message(lang)));
        };
        let interned = interner.reason_id(reason, lang);
        put_interned(
            &mut self.slots,
            &mut self.text,
            interned,
            &reason.message(lang),
        );
    }

    /// A rare nested value as JSON text (what `serde_json` writes), or `null`.
    pub(crate) fn json<T: Serialize>(&mut self, value: Option<&T>) {
        let Some(value) = value else {
            self.slots.put([NULL]);
            return;
        };
        // Serializing plain data cannot fail; a failure would show as `null`.
        match serde_json::to_string(value) {
            Ok(json) => {
                let start = self.text.len();
                self.text.push_str(&json);
                self.span(JSON, start);
            }
            Err(_) => self.slots.put([NULL]),
        }
    }

    /// The slots of the text written since `start`: ASCII or UTF-8.
    fn text_span(&mut self, start: usize) {
        let kind = if self.text[start..].is_ascii() {
            ASCII
        } else {
            UTF8
        };
        self.span(kind, start);
    }

    fn span(&mut self, kind: f64, start: usize) {
        let len = self.text.len() - start;
        self.slots.put([kind, start as f64, len as f64]);
    }
}

/// The slots of an interned sentence: its id, and when it is new its text, written
/// into `text` and given by offset (the buffer may still move while it grows).
fn put_interned<T: Display + ?Sized>(
    slots: &mut Slots,
    text: &mut String,
    interned: Interned,
    sentence: &T,
) {
    match interned {
        Interned::Known(id) => slots.put([INTERNED, f64::from(id)]),
        Interned::New(id) => {
            let start = text.len();
            // Writing into a String cannot fail.
            let _ = write!(text, "{sentence}");
            let len = text.len() - start;
            slots.put([INTERN, f64::from(id), start as f64, len as f64]);
        }
    }
}

/// What the interner knew about a sentence.
enum Interned {
    Known(u32),
    New(u32),
}

/// What an id stands for: the reason or register answer (and language) that renders
/// the sentence.
enum Sentence {
    Reason(Reason, Lang),
    Register(RegisterCheck, Lang),
}

/// Sentences already sent to JS, by hash (JS keeps them in an array at the same ids).
#[derive(Default)]
struct Interner {
    entries: HashMap<u64, (Sentence, u32), BuildHasherDefault<Identity>>,
    next: u32,
}

impl Interner {
    /// The id of the register's words for `check` in `lang`.
    fn register_id(&mut self, check: RegisterCheck, lang: Lang) -> Interned {
        let mut hasher = Fx::default();
        (check, lang).hash(&mut hasher);
        self.id(
            hasher.finish(),
            |known| matches!(known, Sentence::Register(c, l) if *c == check && *l == lang),
            || Sentence::Register(check, lang),
        )
    }

    /// The id of a reason's sentence in `lang`.
    fn reason_id(&mut self, reason: &Reason, lang: Lang) -> Interned {
        let mut hasher = Fx::default();
        (reason, lang).hash(&mut hasher);
        self.id(
            hasher.finish(),
            |known| matches!(known, Sentence::Reason(r, l) if r == reason && *l == lang),
            || Sentence::Reason(reason.clone(), lang),
        )
    }

    /// The id under `hash` when `is_it` recognises what it stands for, else a new id
    /// for what `make` gives.
    fn id(
        &mut self,
        hash: u64,
        is_it: impl Fn(&Sentence) -> bool,
        make: impl FnOnce() -> Sentence,
    ) -> Interned {
        if let Some((known, id)) = self.entries.get(&hash) {
            if is_it(known) {
                return Interned::Known(*id);
            }
        }
        if self.next as usize >= INTERN_CAPACITY {
            // Ids restart at 0; JS overwrites its entries as new ones arrive.
            self.entries.clear();
            self.next = 0;
        }
        let id = self.next;
        self.next += 1;
        // A different sentence with the same hash is replaced: it is sent again if it
        // comes back.
        self.entries.insert(hash, (make(), id));
        Interned::New(id)
    }
}

/// FxHash (rustc's), eight bytes at a time: short keys, no DoS concern (the table is
/// bounded and local to one page).
#[derive(Default)]
struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
}

/// The hash map's hasher for keys that are hashes already.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn sentences_are_sent_once_and_again_after_the_interner_starts_afresh() {
        let mut interner = Interner::default();
        let listed = |entries| RegisterCheck::NotListed { entries };
        let none = RegisterCheck::NotConfigured;
        assert!(matches!(
            interner.register_id(none, Lang::De),
            Interned::New(0)
        ));
        assert!(matches!(
            interner.register_id(none, Lang::En),
            Interned::New(1)
        ));
        assert!(matches!(
            interner.register_id(none, Lang::De),
            Interned::Known(0)
        ));
        for n in 2..INTERN_CAPACITY {
            assert!(matches!(
                interner.register_id(listed(n), Lang::De),
                Interned::New(id) if id as usize == n
            ));
        }
        // Full: ids restart, and what JS held under them is sent anew.
        assert!(matches!(
            interner.register_id(listed(0), Lang::De),
            Interned::New(0)
        ));
        assert!(matches!(
            interner.register_id(none, Lang::De),
            Interned::New(1)
        ));
        assert!(matches!(
            interner.register_id(listed(0), Lang::De),
            Interned::Known(0)
        ));
    }

    #[wasm_bindgen_test]
    fn a_reason_is_known_again_only_with_the_same_facts_and_language() {
        let reasons = |input: &str| {
            numrep::lookup(input, &numrep::Options::new())
                .reasons()
                .to_vec()
        };
        let (berlin, munich) = (reasons("030 1234567"), reasons("089 1234567"));
        let (berlin, munich) = (&berlin[0], &munich[0]);
        assert_eq!(berlin.code(), munich.code(), "the same kind of finding");
        let mut interner = Interner::default();
        assert!(matches!(
            interner.reason_id(berlin, Lang::De),
            Interned::New(0)
        ));
        assert!(matches!(
            interner.reason_id(berlin, Lang::De),
            Interned::Known(0)
        ));
        assert!(matches!(
            interner.reason_id(berlin, Lang::En),
            Interned::New(1)
        ));
        assert!(matches!(
            interner.reason_id(munich, Lang::De),
            Interned::New(2)
        ));
        // Reasons and register words share the ids (JS keeps one table).
        assert!(matches!(
            interner.register_id(RegisterCheck::Listed, Lang::De),
            Interned::New(3)
        ));
    }
}
