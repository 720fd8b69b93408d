//! The normalized answer of one reputation source.
//!
//! Everything in a [`Reputation`] that came from a service is *plain text data*:
//! control characters are removed and lengths are capped by [`clean_text`], but
//! nothing is HTML-escaped. A renderer must escape these strings for its medium.

use crate::redact::looks_like_address;
use serde::{Deserialize, Serialize};

/// Longest text (in characters) kept from a service for one field.
pub const MAX_TEXT_CHARS: usize = 200;
/// Most list entries (labels, caller names) kept from a service.
pub const MAX_LIST_ENTRIES: usize = 16;

/// What a source says about a number, normalized across services (the core's type, so
/// the core can weigh it).
pub use numrep::ReputationVerdict;

/// One source's normalized answer about one number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reputation {
    /// The normalized verdict.
    pub verdict: ReputationVerdict,
    /// The score exactly as the service gave it (scale depends on the service:
    /// tellows 1–9, PhoneBlock has none, `http_json` as configured).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// The score normalized to a risk from 0 (harmless) to 100 (dangerous).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<u8>,
    /// Caller types or categories the service names (e.g. `"Telemarketer"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    /// Names under which callers from this number are known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caller_names: Vec<String>,
    /// Number of user comments the service holds for the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments: Option<u64>,
    /// How often the number was looked up at the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub searches: Option<u64>,
    /// Number of user votes (reports) for the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes: Option<u64>,
    /// A place name the service associates with the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// A short plain-text sentence a person can read (built by this crate).
    pub summary: String,
}

impl Reputation {
    /// A reputation with the given verdict and nothing else known.
    pub fn new(verdict: ReputationVerdict) -> Self {
        Reputation {
            verdict,
            score: None,
            risk: None,
            labels: Vec::new(),
            caller_names: Vec::new(),
            comments: None,
            searches: None,
            votes: None,
            location: None,
            summary: String::new(),
        }
    }
}

/// Turns service-provided text into safe plain text: control and invisible
/// characters are dropped, words that look like URLs, paths or query strings
/// become `…`, runs of whitespace collapse to one space, the result is trimmed and
/// capped at [`MAX_TEXT_CHARS`] characters. Returns `None` for empty results.
pub fn clean_text(raw: &str) -> Option<String> {
    let visible: String = raw
        .chars()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .filter(|c| !is_invisible(*c))
        .collect();
    let mut out = String::with_capacity(visible.len().min(MAX_TEXT_CHARS * 4));
    let mut chars = 0usize;
    let mut pending_space = false;
    let words = visible
        .split_whitespace()
        .map(|w| if looks_like_address(w) { "…" } else { w });
    for c in spaced_chars(words) {
        if c == ' ' {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            if chars + 1 >= MAX_TEXT_CHARS {
                break;
            }
            out.push(' ');
            chars += 1;
            pending_space = false;
        }
        if chars >= MAX_TEXT_CHARS {
            break;
        }
        out.push(c);
        chars += 1;
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

/// The words joined by single spaces, as characters.
fn spaced_chars<'a>(words: impl Iterator<Item = &'a str> + 'a) -> impl Iterator<Item = char> + 'a {
    words
        .enumerate()
        .flat_map(|(i, w)| (i > 0).then_some(' ').into_iter().chain(w.chars()))
}

/// Unicode bidirectional controls and zero-width characters, which make text
/// display misleadingly or hide what it holds.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// Adds a cleaned text to a list unless it is empty, a duplicate, or the list is full.
pub(crate) fn push_clean(list: &mut Vec<String>, raw: &str) {
    if list.len() >= MAX_LIST_ENTRIES {
        return;
    }
    if let Some(text) = clean_text(raw) {
        if !list.iter().any(|known| known.eq_ignore_ascii_case(&text)) {
            list.push(text);
        }
    }
}

/// Maps a score on the closed scale `[min, max]` to a 0–100 risk, where a
/// higher score means more risk. Out-of-range scores are clamped; a broken
/// scale (`min >= max` or non-finite values) gives `None`.
pub fn normalize_risk(score: f64, min: f64, max: f64) -> Option<u8> {
    if !(score.is_finite() && min.is_finite() && max.is_finite()) || min >= max {
        return None;
    }
    let ratio = ((score - min) / (max - min)).clamp(0.0, 1.0);
    // ratio is within [0, 1], so the product is within [0, 100].
    Some((ratio * 100.0).round() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_strips_controls_and_collapses_space() {
        assert_eq!(
            clean_text("  a\u{0007}b \n\t c\u{202E} ").as_deref(),
            Some("ab c")
        );
        assert_eq!(clean_text(" \u{0000}\n"), None);
        assert_eq!(clean_text("a\u{200B}b\u{FEFF}").as_deref(), Some("ab"));
    }

    #[test]
    fn clean_text_drops_addresses_and_queries() {
        assert_eq!(
            clean_text("Inkasso GET /basic/num/1?json=1 https://x.example/ Kostenfalle").as_deref(),
            Some("Inkasso GET … … Kostenfalle")
        );
        assert_eq!(clean_text("Wer ruft an?").as_deref(), Some("Wer ruft an?"));
    }

    #[test]
    fn clean_text_caps_length() {
        let long = "x".repeat(1000);
        assert_eq!(
            clean_text(&long).map(|s| s.chars().count()),
            Some(MAX_TEXT_CHARS)
        );
    }

    #[test]
    fn push_clean_dedups_and_caps() {
        let mut list = Vec::new();
        push_clean(&mut list, "Spam");
        push_clean(&mut list, "spam");
        push_clean(&mut list, "  ");
        assert_eq!(list, vec!["Spam".to_string()]);
        for i in 0..100 {
            push_clean(&mut list, &format!("n{i}"));
        }
        assert_eq!(list.len(), MAX_LIST_ENTRIES);
    }

    #[test]
    fn risk_normalization() {
        assert_eq!(normalize_risk(1.0, 1.0, 9.0), Some(0));
        assert_eq!(normalize_risk(9.0, 1.0, 9.0), Some(100));
        assert_eq!(normalize_risk(5.0, 1.0, 9.0), Some(50));
        assert_eq!(normalize_risk(42.0, 1.0, 9.0), Some(100));
        assert_eq!(normalize_risk(f64::NAN, 1.0, 9.0), None);
        assert_eq!(normalize_risk(1.0, 9.0, 1.0), None);
    }
}
