//! Reads entries from JSON text: an array of objects, or `{"entries": [...]}`.
//!
//! Elements are converted one at a time while the text is parsed, so memory stays
//! at one element's `Value` plus the entries built so far.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::super::error::ListError;
use super::collector::{Collector, RowPosition};
use super::entry::{ListEntry, RowFields};
use super::json_lines::element_lines;

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
    let outcome = TopLevel(&mut reader)
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
    fn element(&mut self, value: Value) -> Result<(), ListError> {
        let index = self.next_index;
        self.next_index += 1;
        self.collector.count_row()?;
        let line = self.lines.get(index).copied();
        let position = RowPosition {
            line,
            index: u32::try_from(index).ok(),
        };
        let result = match &value {
            Value::Object(object) => {
                let row = JsonRow {
                    object,
                    max_field_bytes: self.collector.options.max_field_bytes,
                };
                E::from_row(&row, line, &self.collector.options.pattern)
            }
            _ => Err(ListError::NotAnObject),
        };
        self.collector.take(position, result);
        Ok(())
    }

    fn stop<Error: serde::de::Error>(&mut self, error: ListError) -> Error {
        self.abort = Some(error);
        Error::custom("load aborted")
    }
}

/// The document: either the entries array itself or an object holding it.
struct TopLevel<'r, 'a, E>(&'r mut ElementReader<'a, E>);

impl<'de, E: ListEntry> DeserializeSeed<'de> for TopLevel<'_, '_, E> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, E: ListEntry> Visitor<'de> for TopLevel<'_, '_, E> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an array of entries or an object with an \"entries\" array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        read_elements(self.0, seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut found = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "entries" && !found {
                map.next_value_seed(EntriesArray(&mut *self.0))?;
                found = true;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        if found {
            Ok(())
        } else {
            let file = self.0.collector.file().to_string();
            Err(self.0.stop(ListError::JsonShape { file }))
        }
    }
}

/// The value of the `entries` key, which must be an array.
struct EntriesArray<'r, 'a, E>(&'r mut ElementReader<'a, E>);

impl<'de, E: ListEntry> DeserializeSeed<'de> for EntriesArray<'_, '_, E> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, E: ListEntry> Visitor<'de> for EntriesArray<'_, '_, E> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an array of entries")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        read_elements(self.0, seq)
    }
}

fn read_elements<'de, E: ListEntry, A: SeqAccess<'de>>(
    reader: &mut ElementReader<'_, E>,
    mut seq: A,
) -> Result<(), A::Error> {
    while let Some(value) = seq.next_element::<Value>()? {
        if let Err(error) = reader.element(value) {
            return Err(reader.stop(error));
        }
    }
    Ok(())
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
            Some(_) => Err(ListError::WrongFieldType {
                field,
                expected: "a string",
            }),
        }
    }

    fn max_field_bytes(&self) -> usize {
        self.max_field_bytes
    }
}
