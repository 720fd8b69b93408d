//! Reads entries from JSON text: an array of objects, or `{"entries": [...]}`.
//!
//! Elements are converted one at a time while the text is parsed, so memory stays
//! at one element's fields plus the entries built so far. An entry with a field
//! numrep does not know (other than `x_…`) or with a field named twice is left out
//! as a row problem with its index: each entry names its own fields, so a typo in
//! one entry says nothing about the others (unlike a CSV header, which applies to
//! every row and so refuses the file).

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::super::error::ListError;
use super::collector::{Collector, RowPosition};
use super::entry::{ListEntry, RowFields};
use super::json_lines::element_lines;
use super::names::{shortened, Name};

/// Reads every element of the entries array of `text` into `collector`.
pub(crate) fn read<E: ListEntry>(
    text: &str,
    collector: &mut Collector<E>,
) -> Result<(), ListError> {
    let lines = element_lines(text, collector.options.max_entries.saturating_add(1));
    let mut reader = ElementReader {
        collector,
        lines: &lines,
        next_index: 0,
        abort: None,
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let outcome = Entries {
        reader: &mut reader,
        top_level: true,
    }
    .deserialize(&mut deserializer)
    .and_then(|()| deserializer.end());
    if let Some(error) = reader.abort.take() {
        return Err(error);
    }
    outcome.map_err(|error| {
        let file = reader.collector.file().to_string();
        if error.is_data() {
            ListError::JsonShape { file }
        } else {
            ListError::Json {
                file,
                line: error.line(),
                column: error.column(),
                message: error.to_string(),
            }
        }
    })
}

/// Converts elements as they are parsed; keeps the first whole-file error.
struct ElementReader<'a, E> {
    collector: &'a mut Collector<E>,
    lines: &'a [u32],
    next_index: usize,
    abort: Option<ListError>,
}

impl<E: ListEntry> ElementReader<'_, E> {
    fn element(&mut self, element: Element) -> Result<(), ListError> {
        let index = self.next_index;
        self.next_index += 1;
        self.collector.count_row()?;
        let line = self.lines.get(index).copied();
        let position = RowPosition {
            line,
            index: u32::try_from(index).ok(),
        };
        let result = match element {
            Element::Object(object) => check_names::<E>(&object).and_then(|()| {
                let row = JsonRow {
                    object: &object,
                    max_field_bytes: self.collector.options.max_field_bytes,
                };
                E::from_row(&row, line, &self.collector.options.pattern)
            }),
            Element::DuplicateField(field) => Err(ListError::DuplicateField {
                field: shortened(&field),
            }),
            Element::NotAnObject => Err(ListError::NotAnObject),
        };
        self.collector.take(position, result);
        Ok(())
    }

    fn stop<Error: serde::de::Error>(&mut self, error: ListError) -> Error {
        self.abort = Some(error);
        Error::custom("load aborted")
    }
}

/// The entries array: the document itself, or (when `top_level`) the `entries` key of
/// the document's object. Anything else is [`ListError::JsonShape`]. Every kind of
/// value has its own method here, so no serde type error (which formats floats, ~18 KB
/// of the widget's module) is ever built.
struct Entries<'r, 'a, E> {
    reader: &'r mut ElementReader<'a, E>,
    top_level: bool,
}

impl<E: ListEntry> Entries<'_, '_, E> {
    fn wrong_shape<Error: serde::de::Error>(self) -> Error {
        let file = self.reader.collector.file().to_string();
        self.reader.stop(ListError::JsonShape { file })
    }
}

impl<'de, E: ListEntry> DeserializeSeed<'de> for Entries<'_, '_, E> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, E: ListEntry> Visitor<'de> for Entries<'_, '_, E> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an array of entries or an object with an \"entries\" array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        read_elements(self.reader, seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        if !self.top_level {
            return Err(self.wrong_shape());
        }
        let mut found = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "entries" && !found {
                map.next_value_seed(Entries {
                    reader: &mut *self.reader,
                    top_level: false,
                })?;
                found = true;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        if found {
            Ok(())
        } else {
            Err(self.wrong_shape())
        }
    }

    fn visit_bool<Fail: serde::de::Error>(self, _: bool) -> Result<(), Fail> {
        Err(self.wrong_shape())
    }

    fn visit_i64<Fail: serde::de::Error>(self, _: i64) -> Result<(), Fail> {
        Err(self.wrong_shape())
    }

    fn visit_u64<Fail: serde::de::Error>(self, _: u64) -> Result<(), Fail> {
        Err(self.wrong_shape())
    }

    fn visit_f64<Fail: serde::de::Error>(self, _: f64) -> Result<(), Fail> {
        Err(self.wrong_shape())
    }

    fn visit_str<Fail: serde::de::Error>(self, _: &str) -> Result<(), Fail> {
        Err(self.wrong_shape())
    }

    fn visit_unit<Fail: serde::de::Error>(self) -> Result<(), Fail> {
        Err(self.wrong_shape())
    }
}

fn read_elements<'de, E: ListEntry, A: SeqAccess<'de>>(
    reader: &mut ElementReader<'_, E>,
    mut seq: A,
) -> Result<(), A::Error> {
    while let Some(element) = seq.next_element_seed(ElementSeed)? {
        if let Err(error) = reader.element(element) {
            return Err(reader.stop(error));
        }
    }
    Ok(())
}

/// Every field must be one the entry reads or an `x_…` extra.
fn check_names<E: ListEntry>(object: &Map<String, Value>) -> Result<(), ListError> {
    for name in object.keys() {
        if let Name::Unknown { shown, suggestion } = Name::of(name, E::FIELDS, false) {
            return Err(ListError::UnknownField {
                field: shown,
                suggestion,
                known: E::FIELDS,
            });
        }
    }
    Ok(())
}

/// One element of the entries array, as far as its shape goes.
enum Element {
    /// An object with distinct field names.
    Object(Map<String, Value>),
    /// An object naming this field more than once.
    DuplicateField(String),
    /// Anything but an object.
    NotAnObject,
}

/// Reads one element; unlike `Value`, notices a field named twice (`Value` keeps the
/// last one without a word).
struct ElementSeed;

impl<'de> DeserializeSeed<'de> for ElementSeed {
    type Value = Element;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Element, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ElementSeed {
    type Value = Element;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an entry")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Element, A::Error> {
        let mut object = Map::new();
        let mut duplicate = None;
        while let Some(key) = map.next_key::<String>()? {
            let value: Value = map.next_value()?;
            if object.contains_key(&key) {
                duplicate.get_or_insert(key);
            } else {
                object.insert(key, value);
            }
        }
        Ok(duplicate.map_or(Element::Object(object), Element::DuplicateField))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Element, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Element::NotAnObject)
    }

    fn visit_bool<Fail: serde::de::Error>(self, _: bool) -> Result<Element, Fail> {
        Ok(Element::NotAnObject)
    }

    fn visit_i64<Fail: serde::de::Error>(self, _: i64) -> Result<Element, Fail> {
        Ok(Element::NotAnObject)
    }

    fn visit_u64<Fail: serde::de::Error>(self, _: u64) -> Result<Element, Fail> {
        Ok(Element::NotAnObject)
    }

    fn visit_f64<Fail: serde::de::Error>(self, _: f64) -> Result<Element, Fail> {
        Ok(Element::NotAnObject)
    }

    fn visit_str<Fail: serde::de::Error>(self, _: &str) -> Result<Element, Fail> {
        Ok(Element::NotAnObject)
    }

    fn visit_unit<Fail: serde::de::Error>(self) -> Result<Element, Fail> {
        Ok(Element::NotAnObject)
    }
}

struct JsonRow<'a> {
    object: &'a Map<String, Value>,
    max_field_bytes: usize,
}

impl RowFields for JsonRow<'_> {
    fn raw(&self, field: &'static str) -> Result<Option<&str>, ListError> {
        match self.object.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(_) => Err(ListError::WrongFieldType { field }),
        }
    }

    fn max_field_bytes(&self) -> usize {
        self.max_field_bytes
    }
}
