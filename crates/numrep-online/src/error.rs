//! Error types. A source's problem is the core's [`SourceProblem`] (a code plus
//! the values its sentence needs, in German or English); a bad answer body is a
//! [`BadAnswer`]; a configuration that cannot work is a [`ConfigError`]. None of
//! them holds a secret, a URL or a full number.

use std::fmt;

pub use numrep::{BadAnswer, NetworkStage, PauseReason, ProblemText, SourceProblem, TimeLimit};

/// Why a configuration is not usable. Problems that only show on this machine (an
/// environment variable that is not set) are not config errors: the engine still
/// builds and that one source reports `config_error`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// The TOML text does not parse or a value has the wrong type.
    Syntax {
        /// 1-based line, when known.
        line: Option<usize>,
        /// What is wrong (without the line's text, which may hold a credential).
        message: String,
    },
    /// A table holds a key this crate does not know.
    UnknownKey {
        /// The table, e.g. ``source `tellows` `` or `[cache]`.
        table: String,
        /// The key as written.
        key: String,
        /// 1-based line of the key.
        line: usize,
        /// The known key it most likely means.
        hint: Option<String>,
    },
    /// A source has a `kind` this crate does not know.
    UnknownKind {
        /// The source's name.
        source_name: String,
        /// The kind given.
        kind: String,
        /// 1-based line of the source's table, when known.
        line: Option<usize>,
        /// The kind it most likely means.
        hint: Option<String>,
    },
    /// A source's URL is malformed or not allowed.
    BadUrl {
        /// The source's name.
        source_name: String,
        /// 1-based line of the source's table, when known.
        line: Option<usize>,
        /// What is wrong with it.
        reason: String,
    },
    /// Any other invalid or missing setting.
    Invalid {
        /// The source's name (or `"(global)"` for top-level settings).
        source_name: String,
        /// 1-based line of the source's table, when known.
        line: Option<usize>,
        /// What is wrong.
        reason: String,
    },
    /// The HTTP client could not be built.
    Client(String),
}

impl ConfigError {
    /// The 1-based line the error is about, when known.
    pub fn line(&self) -> Option<usize> {
        match self {
            ConfigError::Syntax { line, .. }
            | ConfigError::UnknownKind { line, .. }
            | ConfigError::BadUrl { line, .. }
            | ConfigError::Invalid { line, .. } => *line,
            ConfigError::UnknownKey { line, .. } => Some(*line),
            ConfigError::Client(_) => None,
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line() {
            write!(f, "line {line}: ")?;
        }
        let hint = |hint: &Option<String>| {
            hint.as_ref()
                .map_or(String::new(), |h| format!(" (did you mean `{h}`?)"))
        };
        match self {
            ConfigError::Syntax { message, .. } => write!(f, "config syntax: {message}"),
            ConfigError::UnknownKey {
                table, key, hint: h, ..
            } => write!(f, "{table}: unknown key `{key}`{}", hint(h)),
            ConfigError::UnknownKind {
                source_name,
                kind,
                hint: h,
                ..
            } => write!(
                f,
                "source `{source_name}`: unknown kind `{kind}`{} (expected tellows, phoneblock or http_json)",
                hint(h)
            ),
            ConfigError::BadUrl {
                source_name,
                reason,
                ..
            } => write!(f, "source `{source_name}`: bad url: {reason}"),
            ConfigError::Invalid {
                source_name,
                reason,
                ..
            } => write!(f, "source `{source_name}`: {reason}"),
            ConfigError::Client(reason) => write!(f, "http client: {reason}"),
        }
    }
}

impl std::error::Error for ConfigError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_puts_the_line_first_and_the_hint_last() {
        let err = ConfigError::UnknownKey {
            table: "source `tellows`".into(),
            key: "api_key".into(),
            line: 7,
            hint: Some("api_key_env".into()),
        };
        assert_eq!(
            err.to_string(),
            "line 7: source `tellows`: unknown key `api_key` (did you mean `api_key_env`?)"
        );
        let err = ConfigError::Invalid {
            source_name: "(global)".into(),
            line: None,
            reason: "x".into(),
        };
        assert_eq!(err.to_string(), "source `(global)`: x");
    }
}
