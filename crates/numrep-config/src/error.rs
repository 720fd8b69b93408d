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
        /// Why (with German and English texts).
        error: numrep::lists::ListError,
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
    #[cfg(feature = "online")]
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
            #[cfg(feature = "online")]
            ConfigError::Online { .. } => "config_online",
        }
    }
}

impl ConfigError {
    /// The error in `lang` where a translation exists (unreadable files), else English.
    pub fn message(&self, lang: numrep::Lang) -> String {
        match self {
            ConfigError::Read { error, .. } => error.message(lang).to_string(),
            other => other.to_string(),
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
            ConfigError::Read { error, .. } => error.fmt(f),
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
            #[cfg(feature = "online")]
            ConfigError::Online { file, error } => write!(f, "{file}: {error}"),
        }
    }
}

impl std::error::Error for ConfigError {}
