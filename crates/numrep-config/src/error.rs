//! What can be wrong with a configuration.

use std::fmt;

/// A configuration that cannot be used, with the file (and line) to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file could not be read (missing, not a regular file, too large).
    Read {
        /// The file.
        file: String,
        /// Why.
        reason: String,
    },
    /// The text does not parse, or a value has the wrong type.
    Syntax {
        /// The file.
        file: String,
        /// 1-based line, when known.
        line: Option<usize>,
        /// What is wrong (never the line's text: it may hold a secret).
        message: String,
    },
    /// A top-level key nothing in numrep reads.
    UnknownKey {
        /// The file.
        file: String,
        /// 1-based line of the key, when known.
        line: Option<usize>,
        /// The key as written.
        key: String,
        /// The known key it most likely means.
        hint: Option<String>,
    },
    /// A value that cannot be used (`lang = "fr"`, `region = "XX"`).
    Value {
        /// The file.
        file: String,
        /// The key.
        key: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The online sources' part is wrong (its own message names the line).
    Online {
        /// The file.
        file: String,
        /// numrep-online's error.
        error: numrep_online::ConfigError,
    },
}

impl ConfigError {
    /// A stable code (`config_unknown_key`, …) for JSON and the widget.
    pub fn code(&self) -> &'static str {
        match self {
            ConfigError::Read { .. } => "config_read",
            ConfigError::Syntax { .. } => "config_syntax",
            ConfigError::UnknownKey { .. } => "config_unknown_key",
            ConfigError::Value { .. } => "config_value",
            ConfigError::Online { .. } => "config_online",
        }
    }
}

/// `file line 3: ` or `file: `.
fn at(f: &mut fmt::Formatter<'_>, file: &str, line: Option<usize>) -> fmt::Result {
    match line {
        Some(line) => write!(f, "{file} line {line}: "),
        None => write!(f, "{file}: "),
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Read { file, reason } => write!(f, "cannot read {file}: {reason}"),
            ConfigError::Syntax {
                file,
                line,
                message,
            } => {
                at(f, file, *line)?;
                f.write_str(message)
            }
            ConfigError::UnknownKey {
                file,
                line,
                key,
                hint,
            } => {
                at(f, file, *line)?;
                write!(f, "unknown key `{key}`")?;
                match hint {
                    Some(hint) => write!(f, " (did you mean `{hint}`?)"),
                    None => Ok(()),
                }
            }
            ConfigError::Value { file, key, message } => write!(f, "{file}: {key}: {message}"),
            ConfigError::Online { file, error } => write!(f, "{file}: {error}"),
        }
    }
}

impl std::error::Error for ConfigError {}
