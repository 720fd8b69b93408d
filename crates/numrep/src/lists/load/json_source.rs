//! Reads entries from JSON text: an array of objects, or `{"entries": [...]}`.
//!
//! Elements are converted one at a time while the text is read, so memory stays at
//! one element's fields plus the entries built so far. An entry with a field numrep
//! does not know (other than `x_…`) or with a field named twice is left out as a row
//! problem with its index: each entry names its own fields, so a typo in one entry
//! says nothing about the others (unlike a CSV header, which applies to every row and
//! so refuses the file).

use std::borrow::Cow;
use std::collections::btree_map::{BTreeMap, Entry};

use numrep_json::{Field, Reader, SyntaxError};

use super::super::error::ListError;
use super::collector::{Collector, RowPosition};
use super::entry::{ListEntry, RowFields};
use super::names::{shortened, Name};

/// The fields of one element, by name.
type Object<'a> = BTreeMap<Cow<'a, str>, Field<'a>>;

/// Why reading stopped early.
enum Stop {
    /// Not JSON.
    Syntax(SyntaxError),
    /// Valid JSON so far, but not an entries array.
    Shape,
    /// A limit of the load (too many entries).
    Load(ListError),
}

impl From<SyntaxError> for Stop {
    fn from(error: SyntaxError) -> Self {
        Stop::Syntax(error)
    }
}

/// Reads every element of the entries array of `text` into `collector`.
pub(crate) fn read<E: ListEntry>(
    text: &str,
    collector: &mut Collector<E>,
) -> Result<(), ListError> {
    let mut reader = Reader::new(text);
    let outcome = entries(&mut reader, collector).and_then(|()| Ok(reader.end()?));
    let file = || collector.file().to_string();
    match outcome {
        Ok(()) => Ok(()),
        Err(Stop::Load(error)) => Err(error),
        Err(Stop::Shape) => Err(ListError::JsonShape { file: file() }),
        Err(Stop::Syntax(error)) => Err(ListError::Json {
            file: file(),
            line: error.line,
            column: error.column,
            message: error.problem.to_string(),
        }),
    }
}

/// The document: the entries array itself, or an object with one under `entries`
/// (a second `entries` key is read past).
fn entries<E: ListEntry>(
    reader: &mut Reader<'_>,
    collector: &mut Collector<E>,
) -> Result<(), Stop> {
    match reader.peek() {
        Some(b'[') => return elements(reader, collector, 1),
        Some(b'{') => {}
        _ => {
            reader.skip_value(0)?;
            return Err(Stop::Shape);
        }
    }
    let mut found = false;
    reader.object(|reader, key, _| {
        if key != "entries" || found {
            return Ok(reader.skip_value(1)?);
        }
        if reader.peek() != Some(b'[') {
            reader.skip_value(1)?;
            return Err(Stop::Shape);
        }
        found = true;
        elements(reader, collector, 2)
    })?;
    if found {
        Ok(())
    } else {
        Err(Stop::Shape)
    }
}

/// At `[`: every element of the entries array, at nesting `depth`.
fn elements<E: ListEntry>(
    reader: &mut Reader<'_>,
    collector: &mut Collector<E>,
    depth: usize,
) -> Result<(), Stop> {
    let mut index = 0usize;
    reader.array(|reader| {
        let line = u32::try_from(reader.next_line()).ok();
        let element = element(reader, depth)?;
        collector.count_row().map_err(Stop::Load)?;
        let position = RowPosition {
            line,
            index: u32::try_from(index).ok(),
        };
        let result = match element {
            Element::Object(object) => check_names::<E>(&object).and_then(|()| {
                let row = JsonRow {
                    object: &object,
                    max_field_bytes: collector.options.max_field_bytes,
                };
                E::from_row(&row, line, &collector.options.pattern)
            }),
            Element::DuplicateField(field) => Err(ListError::DuplicateField {
                field: shortened(&field),
            }),
            Element::NotAnObject => Err(ListError::NotAnObject),
        };
        collector.take(position, result);
        index += 1;
        Ok(())
    })
}

/// One element of the entries array, as far as its shape goes.
enum Element<'a> {
    /// An object with distinct field names.
    Object(Object<'a>),
    /// An object naming this field more than once.
    DuplicateField(String),
    /// Anything but an object.
    NotAnObject,
}

/// Reads one element (standing at nesting `depth`).
fn element<'a>(reader: &mut Reader<'a>, depth: usize) -> Result<Element<'a>, SyntaxError> {
    if reader.peek() != Some(b'{') {
        reader.skip_value(depth)?;
        return Ok(Element::NotAnObject);
    }
    let mut object = Object::new();
    let mut duplicate = None;
    reader.object(|reader, key, _| {
        let value = reader.field(depth + 1)?;
        match object.entry(key) {
            Entry::Occupied(taken) => {
                duplicate.get_or_insert_with(|| taken.key().to_string());
            }
            Entry::Vacant(free) => {
                free.insert(value);
            }
        }
        Ok::<_, SyntaxError>(())
    })?;
    Ok(duplicate.map_or(Element::Object(object), Element::DuplicateField))
}

/// Every field must be one the entry reads or an `x_…` extra.
fn check_names<E: ListEntry>(object: &Object<'_>) -> Result<(), ListError> {
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

struct JsonRow<'a> {
    object: &'a Object<'a>,
    max_field_bytes: usize,
}

impl RowFields for JsonRow<'_> {
    fn raw(&self, field: &'static str) -> Result<Option<&str>, ListError> {
        match self.object.get(field) {
            None | Some(Field::Null) => Ok(None),
            Some(Field::Text(text)) => Ok(Some(text)),
            Some(Field::Other) => Err(ListError::WrongFieldType { field }),
        }
    }

    fn max_field_bytes(&self) -> usize {
        self.max_field_bytes
    }
}
