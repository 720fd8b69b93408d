//! "Did you mean …?" for misspelt column, field and key names: the closest known name
//! by edit distance; and [`line_of`] for pointing at the line of a file.

use crate::case::lower_latin1;

/// The 1-based line of byte offset `at` in `text` (for errors about files).
pub fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The edit distance between `a` and `b` in characters: insertions, deletions,
/// substitutions and swaps of two adjacent characters count 1 each (optimal string
/// alignment). Meant for short words such as column names.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows: two back (for swaps), one back, and the current one.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The candidate `word` most likely means, if any is close enough. Case is ignored.
///
/// Close enough is any of:
/// - an edit distance of at most a third of the longer word (at least 1): `vendr`;
/// - the same first word of at least 4 characters before `_`, and an edit distance of
///   at most half the longer word: `valid_until` → `valid_to` (the shared `valid_`
///   says which field was meant even though `until` and `to` differ);
/// - a candidate that starts with `word` or is the start of `word` (3+ characters):
///   `camp` → `campaign`, `notes` → `note`.
///
/// The closest such candidate wins; on a tie, the first in `candidates`.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = lowercase(word);
    candidates
        .iter()
        .filter_map(|&candidate| {
            let lower = lowercase(candidate);
            let distance = edit_distance(&word, &lower);
            let (word_len, lower_len) = (word.chars().count(), lower.chars().count());
            let longer = word_len.max(lower_len);
            let close = distance <= (longer / 3).max(1);
            let same_first_word = first_word(&word)
                .is_some_and(|first| first_word(&lower) == Some(first) && first.len() >= 4);
            let related = same_first_word && distance <= longer / 2;
            let prefix = word_len.min(lower_len) >= 3
                && (lower.starts_with(&word) || word.starts_with(&lower));
            (close || related || prefix).then_some((distance, candidate))
        })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// `text` in lower case (Latin-1 letters; see [`lower_latin1`]).
fn lowercase(text: &str) -> String {
    text.chars().map(lower_latin1).collect()
}

/// The part before the first `_`, when there is one.
fn first_word(name: &str) -> Option<&str> {
    name.split_once('_').map(|(first, _)| first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lists::load::entry::ListEntry;
    use crate::lists::OwnNumberEntry;

    const OWN: &[&str] = <OwnNumberEntry as ListEntry>::FIELDS;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("vnedor", "vendor"), 1, "a swap counts once");
        assert_eq!(edit_distance("valid_until", "valid_to"), 4);
        assert_eq!(edit_distance("Grüße", "Grüsse"), 2);
    }

    #[test]
    fn hints_for_list_columns() {
        assert_eq!(did_you_mean("valid_until", OWN), Some("valid_to"));
        assert_eq!(did_you_mean("valid_since", OWN), Some("valid_from"));
        assert_eq!(did_you_mean("validto", OWN), Some("valid_to"));
        assert_eq!(did_you_mean("Valid-From", OWN), Some("valid_from"));
        assert_eq!(did_you_mean("vendr", OWN), Some("vendor"));
        assert_eq!(did_you_mean("patern", OWN), Some("pattern"));
        assert_eq!(did_you_mean("notes", OWN), Some("note"));
        assert_eq!(did_you_mean("camp", OWN), Some("campaign"));
        assert_eq!(did_you_mean("contacts", OWN), Some("contact"));
        assert_eq!(did_you_mean("comment", OWN), None);
        assert_eq!(did_you_mean("telefon", OWN), None);
        assert_eq!(did_you_mean("id", OWN), None);
        assert_eq!(did_you_mean("", OWN), None);
    }
}
