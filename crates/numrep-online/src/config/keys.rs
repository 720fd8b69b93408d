//! Which keys each table of the configuration knows, and the check that finds
//! unknown ones in the TOML text with their line and a "did you mean" hint.

use super::suggest::did_you_mean;
use crate::error::ConfigError;
use crate::sources::SourceKind;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// Keys every `[[sources]]` entry may use.
pub(crate) const COMMON_KEYS: &[&str] = &["name", "kind", "url", "timeout_ms", "prefixes"];
/// Keys of `[sources.mapping]` (http_json).
pub(crate) const MAPPING_KEYS: &[&str] = &[
    "score_pointer",
    "label_pointer",
    "comments_pointer",
    "votes_pointer",
    "score_min",
    "score_max",
    "spam_at",
    "suspicious_at",
    "legitimate_at",
];
/// Keys of `[cache]`.
pub(crate) const CACHE_KEYS: &[&str] = &["max_entries", "ttl_secs"];
/// Keys of `[backoff]`.
pub(crate) const BACKOFF_KEYS: &[&str] = &["failures", "base_ms", "max_ms"];

/// Keys each kind may use besides the common ones.
pub(crate) fn kind_keys(kind: SourceKind) -> &'static [&'static str] {
    match kind {
        SourceKind::Tellows => &["partner", "partner_env", "api_key_env", "auth_mode"],
        SourceKind::Phoneblock => &["user_env", "password_env", "token_env"],
        SourceKind::HttpJson => &[
            "header_name",
            "header_env",
            "header_prefix",
            "country_code",
            "trunk_prefix",
            "mapping",
        ],
        SourceKind::Custom => &[], // built in code, never from a configuration
    }
}

/// Every key a `[[sources]]` entry of `kind` may use (all kinds' keys when the
/// kind is unknown).
fn source_keys(kind: Option<SourceKind>) -> Vec<&'static str> {
    let kinds: Vec<SourceKind> = kind.map_or_else(|| SourceKind::ALL.to_vec(), |k| vec![k]);
    COMMON_KEYS
        .iter()
        .copied()
        .chain(kinds.into_iter().flat_map(|k| kind_keys(k).iter().copied()))
        .collect()
}

pub(crate) use numrep::lists::line_of;

/// Finds keys no table knows in `[cache]`, `[backoff]`, every `[[sources]]` entry
/// and its `[sources.mapping]`. Unknown top-level keys are left alone (the file is
/// shared with other settings).
pub(crate) fn check_unknown_keys(doc: &DeTable<'_>, text: &str) -> Result<(), ConfigError> {
    if let Some(DeValue::Table(cache)) = doc.get("cache").map(Spanned::get_ref) {
        check_table(cache, CACHE_KEYS, "[cache]", text)?;
    }
    if let Some(DeValue::Table(backoff)) = doc.get("backoff").map(Spanned::get_ref) {
        check_table(backoff, BACKOFF_KEYS, "[backoff]", text)?;
    }
    for (index, source) in source_tables(doc).into_iter().enumerate() {
        let name = match source.get("name").map(Spanned::get_ref) {
            Some(DeValue::String(name)) => format!("source `{name}`"),
            _ => format!("source #{}", index + 1),
        };
        let kind = match source.get("kind").map(Spanned::get_ref) {
            Some(DeValue::String(kind)) => SourceKind::from_name(kind),
            _ => None,
        };
        // A key of another kind is known, and reported by `Config::validate`; the
        // hint prefers this kind's keys.
        check_table_with_hints(source, &source_keys(None), &source_keys(kind), &name, text)?;
        if let Some(DeValue::Table(mapping)) = source.get("mapping").map(Spanned::get_ref) {
            check_table(
                mapping,
                MAPPING_KEYS,
                &format!("{name} [sources.mapping]"),
                text,
            )?;
        }
    }
    Ok(())
}

/// The 1-based line where each `[[sources]]` entry starts (its first key), in order.
pub(crate) fn source_lines(doc: &DeTable<'_>, text: &str) -> Vec<Option<usize>> {
    source_tables(doc)
        .into_iter()
        .map(|table| {
            table
                .iter()
                .map(|(key, _)| key.span().start)
                .min()
                .map(|at| line_of(text, at))
        })
        .collect()
}

fn source_tables<'a, 'i>(doc: &'a DeTable<'i>) -> Vec<&'a DeTable<'i>> {
    match doc.get("sources").map(Spanned::get_ref) {
        Some(DeValue::Array(items)) => items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::Table(table) => Some(table),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn check_table(
    table: &DeTable<'_>,
    known: &[&str],
    name: &str,
    text: &str,
) -> Result<(), ConfigError> {
    check_table_with_hints(table, known, known, name, text)
}

fn check_table_with_hints(
    table: &DeTable<'_>,
    known: &[&str],
    hints: &[&str],
    name: &str,
    text: &str,
) -> Result<(), ConfigError> {
    // The first unknown key in file order, so the error points at the earliest line.
    let unknown = table
        .iter()
        .map(|(key, _)| key)
        .filter(|key| !known.contains(&key.get_ref().as_ref()))
        .min_by_key(|key| key.span().start);
    match unknown {
        Some(key) => Err(ConfigError::UnknownKey {
            table: name.to_string(),
            key: key.get_ref().to_string(),
            line: line_of(text, key.span().start),
            hint: did_you_mean(key.get_ref(), hints)
                .or_else(|| did_you_mean(key.get_ref(), known))
                .map(str::to_string),
        }),
        None => Ok(()),
    }
}
