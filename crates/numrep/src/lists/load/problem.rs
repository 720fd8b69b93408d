//! A row that could not be used, with where it is and why.

use std::fmt;
use std::sync::Arc;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::super::error::ListError;
use crate::lang::Lang;

/// One left-out row: file, line (and JSON array index), and the reason.
///
/// `Display` and the JSON `message` use the language the list was loaded with
/// ([`LoadOptions::lang`](super::LoadOptions::lang)); [`RowProblem::message`] gives
/// any other.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RowProblem {
    /// The file name given to the loader.
    pub file: Arc<str>,
    /// 1-based line where the row starts, when known.
    pub line: Option<u32>,
    /// 0-based index in the JSON entries array (JSON only).
    pub index: Option<u32>,
    /// Why the row was left out.
    pub error: ListError,
    /// The language of `Display` and the JSON `message`.
    pub lang: Lang,
}

impl RowProblem {
    /// The stable machine code of the reason.
    pub fn code(&self) -> &'static str {
        self.error.code()
    }
}

impl fmt::Display for RowProblem {
    /// `block.csv:6: skipped: …` in the problem's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message(self.lang).fmt(f)
    }
}

impl Serialize for RowProblem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct("RowProblem", 5)?;
        state.serialize_field("file", &*self.file)?;
        state.serialize_field("line", &self.line)?;
        state.serialize_field("index", &self.index)?;
        state.serialize_field("code", self.code())?;
        state.serialize_field("message", &self.error.message(self.lang).to_string())?;
        state.end()
    }
}
