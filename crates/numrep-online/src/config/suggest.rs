//! "Did you mean …?" for misspelt keys and kinds: the closest known word by edit
//! distance (adjacent swaps count once), or a known word the typo is a prefix of.

/// The edit distance between `a` and `b` in characters: insertions, deletions,
/// substitutions and swaps of two adjacent characters count 1 each (optimal string
/// alignment). Meant for short words such as config keys.
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

/// The candidate `word` most likely means, if any is close enough: within an edit
/// distance of a third of the longer word (at least 1), or starting with `word`
/// (3+ characters, e.g. `timeout` → `timeout_ms`), or being the start of `word`
/// (`url_template` → `url`). Case is ignored.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .iter()
        .filter_map(|&candidate| {
            let lower = candidate.to_lowercase();
            let distance = edit_distance(&word, &lower);
            let longer = word.chars().count().max(lower.chars().count());
            let close = distance <= (longer / 3).max(1);
            let shorter = word.chars().count().min(lower.chars().count());
            let prefix = shorter >= 3 && (lower.starts_with(&word) || word.starts_with(&lower));
            (close || prefix).then_some((distance, candidate))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("nmae", "name"), 1, "a swap counts once");
        assert_eq!(edit_distance("blocklst", "blocklist"), 1);
        assert_eq!(edit_distance("Grüße", "Grüsse"), 2);
    }

    #[test]
    fn hints() {
        let keys = [
            "name",
            "kind",
            "url",
            "timeout_ms",
            "api_key_env",
            "partner",
        ];
        assert_eq!(did_you_mean("api_key", &keys), Some("api_key_env"));
        assert_eq!(did_you_mean("apikey_env", &keys), Some("api_key_env"));
        assert_eq!(did_you_mean("timeout", &keys), Some("timeout_ms"));
        assert_eq!(did_you_mean("nmae", &keys), Some("name"));
        assert_eq!(did_you_mean("URL", &keys), Some("url"));
        assert_eq!(did_you_mean("url_template", &keys), Some("url"));
        assert_eq!(did_you_mean("colour", &keys), None);
        assert_eq!(did_you_mean("x", &keys), None);
        assert_eq!(
            did_you_mean("telows", &["tellows", "phoneblock"]),
            Some("tellows")
        );
    }
}
