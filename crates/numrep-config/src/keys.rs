//! The top-level keys of the configuration and who reads them.

use numrep::lists::did_you_mean;

use crate::error::ConfigError;

/// Every top-level key, with the part of numrep that reads it.
pub const KEYS: &[(&str, &str)] = &[
    ("lang", "language of every text: \"de\" or \"en\""),
    ("region", "ISO 3166 region for national forms (default DE)"),
    (
        "own_numbers",
        "our call centers' registered numbers (CSV or JSON file)",
    ),
    ("blocklist", "block list (CSV or JSON file)"),
    ("allowlist", "allow list (CSV or JSON file)"),
    ("deadline_ms", "online sources: overall deadline"),
    ("max_body_bytes", "online sources: largest answer accepted"),
    ("cache", "online sources: answer cache"),
    ("backoff", "online sources: pause after failures"),
    ("sources", "online sources: [[sources]] entries"),
    ("server", "complaint desk: [server]"),
    ("alerts", "complaint desk: [[alerts]] rules"),
    (
        "comment",
        "a note for people, not read (JSON has no comments)",
    ),
];

/// The names of [`KEYS`].
fn names() -> Vec<&'static str> {
    KEYS.iter().map(|(name, _)| *name).collect()
}

/// Errors for the first unknown top-level key among `keys` (name, 1-based line).
pub(crate) fn check<'a>(
    keys: impl IntoIterator<Item = (&'a str, Option<usize>)>,
    file: &str,
) -> Result<(), ConfigError> {
    let known = names();
    // The earliest line wins; keys without a line come last, in the order given.
    let first = keys
        .into_iter()
        .filter(|(key, _)| !known.contains(key))
        .min_by_key(|(_, line)| line.unwrap_or(usize::MAX));
    match first {
        None => Ok(()),
        Some((key, line)) => Err(ConfigError::UnknownKey {
            file: file.to_string(),
            line,
            key: key.to_string(),
            hint: did_you_mean(key, &known).map(str::to_string),
        }),
    }
}

#[cfg(feature = "toml")]
pub(crate) use numrep::lists::line_of;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_get_a_hint_and_the_earliest_line_wins() {
        let err = check(
            [
                ("blocklst", Some(7)),
                ("own_number", Some(3)),
                ("lang", Some(1)),
            ],
            "numrep.toml",
        )
        .expect_err("unknown keys");
        assert_eq!(
            err.to_string(),
            "numrep.toml line 3: unknown key `own_number` (did you mean `own_numbers`?)"
        );
        let err = check([("blocklst", Some(7))], "f").expect_err("unknown");
        assert!(
            err.to_string().contains("did you mean `blocklist`?"),
            "{err}"
        );
        assert!(check([("zzzz", None)], "f")
            .expect_err("unknown")
            .to_string()
            .ends_with("`zzzz`"));
        assert!(check(KEYS.iter().map(|(k, _)| (*k, Some(1))), "f").is_ok());
    }
}
