//! What a CSV column or JSON field name means: a field numrep reads, one of the
//! analyst's own extra columns, or a mistake.

use super::super::suggest::did_you_mean;

/// Column and field names starting with this (any case) are the analyst's own,
/// e.g. `x_ticket` or `x_added_by`: accepted in every list and not read by numrep.
/// Any other name numrep does not know is an error, so a typo cannot go unnoticed.
pub const EXTRA_NAME_PREFIX: &str = "x_";

/// Longest name echoed in an error, in characters.
const SHOWN_CHARS: usize = 40;

/// Longest name, in bytes, for which a "did you mean" hint is searched (the search
/// costs time in proportion to the length).
const MAX_HINTED_BYTES: usize = 64;

/// What a name means for an entry type with the given fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Name {
    /// A field numrep reads.
    Field(&'static str),
    /// An extra column of the analyst's (`x_…`), ignored.
    Extra,
    /// Not known: the name shortened for messages, and the field it likely means.
    Unknown {
        shown: String,
        suggestion: Option<&'static str>,
    },
}

impl Name {
    /// Classifies `name` (already trimmed). CSV headers are matched ignoring ASCII
    /// case (`Valid_To`), JSON field names exactly, as JSON keys are case-sensitive.
    pub(crate) fn of(name: &str, fields: &'static [&'static str], ignore_case: bool) -> Self {
        let same = |field: &str| {
            if ignore_case {
                field.eq_ignore_ascii_case(name)
            } else {
                field == name
            }
        };
        if let Some(&field) = fields.iter().find(|&&field| same(field)) {
            return Name::Field(field);
        }
        let extra = name
            .get(..EXTRA_NAME_PREFIX.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(EXTRA_NAME_PREFIX));
        if extra {
            return Name::Extra;
        }
        Name::Unknown {
            shown: shortened(name),
            suggestion: (name.len() <= MAX_HINTED_BYTES)
                .then(|| did_you_mean(name, fields))
                .flatten(),
        }
    }
}

/// `name` cut to [`SHOWN_CHARS`] characters, with `…` when cut.
pub(crate) fn shortened(name: &str) -> String {
    let mut chars = name.chars();
    let mut shown: String = chars.by_ref().take(SHOWN_CHARS).collect();
    if chars.next().is_some() {
        shown.push('…');
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: &[&str] = &["pattern", "valid_to", "note"];

    #[test]
    fn classifies_names() {
        assert_eq!(Name::of("valid_to", FIELDS, false), Name::Field("valid_to"));
        assert_eq!(Name::of("Valid_To", FIELDS, true), Name::Field("valid_to"));
        assert_eq!(
            Name::of("Valid_To", FIELDS, false),
            Name::Unknown {
                shown: "Valid_To".into(),
                suggestion: Some("valid_to")
            }
        );
        assert_eq!(Name::of("x_ticket", FIELDS, false), Name::Extra);
        assert_eq!(Name::of("X_Ticket", FIELDS, true), Name::Extra);
        assert_eq!(
            Name::of("valid_until", FIELDS, true),
            Name::Unknown {
                shown: "valid_until".into(),
                suggestion: Some("valid_to")
            }
        );
        assert_eq!(
            Name::of("x", FIELDS, true),
            Name::Unknown {
                shown: "x".into(),
                suggestion: None
            }
        );
    }

    #[test]
    fn long_names_are_shortened() {
        let long = "ä".repeat(100);
        let shown = shortened(&long);
        assert_eq!(shown.chars().count(), SHOWN_CHARS + 1);
        assert!(shown.ends_with('…'));
        assert_eq!(shortened("kurz"), "kurz");
        let Name::Unknown { suggestion, .. } = Name::of(&"valid_".repeat(50), FIELDS, true) else {
            panic!("unknown");
        };
        assert_eq!(suggestion, None, "no search for very long names");
    }
}
