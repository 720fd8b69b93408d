//! A sorted-array digit trie: finds every pattern that matches a number.
//!
//! Patterns are kept sorted by their symbols (shorter prefixes first). All patterns
//! that share the first `d` symbols form one contiguous range, so walking the number
//! digit by digit narrows the range with two binary searches per step: one for the
//! digit itself and one for `#`. A lookup visits at most 15 levels and, per level,
//! only the branches (`digit`, `#`) that can still match — no per-node allocation,
//! 17 bytes of key per entry, and building is one sort.

use super::error::{ListError, LookupProblem};
use super::pattern::{Pattern, ANY_DIGIT, MAX_PATTERN_SYMBOLS};
use crate::order;

/// An entry that carries a pattern.
pub trait Patterned {
    /// The entry's normalised pattern.
    fn pattern(&self) -> &Pattern;
}

/// Entries indexed by pattern for fast "which entries match this number" lookups.
#[derive(Debug, Clone)]
pub struct PatternIndex<T> {
    keys: Vec<Pattern>,
    entries: Vec<T>,
}

impl<T> Default for PatternIndex<T> {
    fn default() -> Self {
        Self {
            keys: Vec::new(),
            entries: Vec::new(),
        }
    }
}

impl<T: Patterned> PatternIndex<T> {
    /// Builds the index; entries with equal patterns keep their given order.
    pub fn new(mut entries: Vec<T>) -> Self {
        if !entries.is_sorted_by(|a, b| a.pattern() <= b.pattern()) {
            entries = sorted_by_pattern(entries);
        }
        let keys = entries.iter().map(|entry| *entry.pattern()).collect();
        Self { keys, entries }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All entries, sorted by pattern.
    pub fn entries(&self) -> &[T] {
        &self.entries
    }

    /// Every entry whose pattern matches `e164_digits` (digits only, no `+`),
    /// most specific first: exact numbers, then longer `#`/prefix patterns, then
    /// shorter ones. Entries with equal patterns keep their load order.
    pub fn matching(&self, e164_digits: &str) -> Result<Vec<&T>, ListError> {
        let digits = validate_lookup_digits(e164_digits)?;
        let mut found = Vec::new();
        self.collect(digits, 0, self.keys.len(), 0, &mut found);
        most_specific_first(&self.keys, &mut found);
        Ok(found
            .into_iter()
            .map(|index| &self.entries[index])
            .collect())
    }

    /// Collects matches among `keys[start..end]`, which all share the first `depth`
    /// symbols, and those symbols match `digits[..depth]`.
    fn collect(
        &self,
        digits: &[u8],
        start: usize,
        end: usize,
        depth: usize,
        found: &mut Vec<usize>,
    ) {
        let range = &self.keys[start..end];
        // Patterns that end exactly here sort first (their next symbol is padding 0).
        let ending_here = range.partition_point(|key| key.len() == depth);
        for (offset, key) in range[..ending_here].iter().enumerate() {
            if key.is_open_ended() || digits.len() == depth {
                found.push(start + offset);
            }
        }
        let Some(&digit) = digits.get(depth) else {
            return;
        };
        if depth >= MAX_PATTERN_SYMBOLS {
            return;
        }
        let longer = &range[ending_here..];
        let longer_start = start + ending_here;
        for symbol in [ANY_DIGIT, digit] {
            let first = longer.partition_point(|key| key.symbol_at(depth) < symbol);
            let last =
                first + longer[first..].partition_point(|key| key.symbol_at(depth) == symbol);
            if first < last {
                self.collect(
                    digits,
                    longer_start + first,
                    longer_start + last,
                    depth + 1,
                    found,
                );
            }
        }
    }
}

/// Sorts `entries` by pattern, equal patterns in their given order (each entry moves
/// once: much faster for a million entries than sorting the entries themselves).
pub(crate) fn sorted_by_pattern<T: Patterned>(entries: Vec<T>) -> Vec<T> {
    order::sorted_by(entries, |entry| entry.pattern().order_key())
}

/// Orders the indices `found` into `keys` most specific pattern first, equal ones by
/// index (load order): rank and index in one key, sorted in place of the indices.
fn most_specific_first(keys: &[Pattern], found: &mut [usize]) {
    if found.len() < 2 {
        return;
    }
    let mut ranked: Vec<u128> = found
        .iter()
        .map(|&index| u128::from(keys[index].specificity_rank()) << 64 | index as u128)
        .collect();
    order::sort_keys(&mut ranked);
    for (slot, key) in found.iter_mut().zip(ranked) {
        *slot = key as u64 as usize;
    }
}

/// Checks that a lookup number is 1–15 ASCII digits starting with 1–9.
pub fn validate_lookup_digits(e164_digits: &str) -> Result<&[u8], ListError> {
    let digits = e164_digits.as_bytes();
    let invalid = |reason| Err(ListError::InvalidLookupNumber { reason });
    match digits.first() {
        None => invalid(LookupProblem::Empty),
        Some(b'0') => invalid(LookupProblem::StartsWithZero),
        _ if digits.len() > MAX_PATTERN_SYMBOLS => invalid(LookupProblem::TooLong),
        _ if !digits.iter().all(u8::is_ascii_digit) => invalid(LookupProblem::NotDigits),
        _ => Ok(digits),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Named(Pattern, &'static str);

    impl Patterned for Named {
        fn pattern(&self) -> &Pattern {
            &self.0
        }
    }

    fn index(patterns: &[(&str, &'static str)]) -> PatternIndex<Named> {
        PatternIndex::new(
            patterns
                .iter()
                .map(|&(text, name)| Named(text.parse().expect("valid pattern"), name))
                .collect(),
        )
    }

    fn names(index: &PatternIndex<Named>, digits: &str) -> Vec<&'static str> {
        index
            .matching(digits)
            .expect("valid number")
            .into_iter()
            .map(|entry| entry.1)
            .collect()
    }

    #[test]
    fn returns_all_matches_most_specific_first() {
        let index = index(&[
            ("+49*", "country"),
            ("+49900*", "premium"),
            ("+49900123####", "range"),
            ("+4990012345##", "narrow range"),
            ("+499001234567", "exact"),
            ("+49900123456*", "long prefix"),
            ("+4930*", "berlin"),
            ("+49##0*", "hash early"),
        ]);
        assert_eq!(
            names(&index, "499001234567"),
            [
                "exact",
                "long prefix",
                "narrow range",
                "range",
                "premium",
                "hash early",
                "country"
            ]
        );
        assert_eq!(names(&index, "4930111"), ["berlin", "country"]);
        assert_eq!(
            names(&index, "4930011"),
            ["berlin", "hash early", "country"]
        );
        assert!(names(&index, "4312345").is_empty());
    }

    #[test]
    fn open_end_matches_zero_more_digits_and_fixed_length_does_not_overrun() {
        let index = index(&[("+4930*", "prefix"), ("+4930##", "two more")]);
        assert_eq!(names(&index, "4930"), ["prefix"]);
        assert_eq!(names(&index, "493012"), ["two more", "prefix"]);
        assert_eq!(names(&index, "4930123"), ["prefix"]);
    }

    #[test]
    fn equal_patterns_keep_load_order() {
        let index = index(&[("+4930*", "first"), ("+4930*", "second")]);
        assert_eq!(names(&index, "49301"), ["first", "second"]);
    }

    #[test]
    fn agrees_with_brute_force() {
        let patterns = [
            "+1*", "+12#", "+1#3", "+123", "+1##*", "+2#", "+2*", "+12*", "+1#3*", "+123##",
        ];
        let index = index(
            &patterns
                .iter()
                .map(|text| (*text, *text))
                .collect::<Vec<_>>(),
        );
        for number in ["1", "12", "123", "1234", "12345", "13", "133", "2", "22"] {
            let mut expected: Vec<&str> = patterns
                .iter()
                .copied()
                .filter(|text| {
                    text.parse::<Pattern>()
                        .is_ok_and(|pattern| pattern.matches(number.as_bytes()))
                })
                .collect();
            let mut got = names(&index, number);
            expected.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, expected, "number {number}");
        }
    }

    #[test]
    fn rejects_invalid_lookup_numbers() {
        let index = index(&[("+49*", "country")]);
        for bad in ["", "049", "+49", "49 30", "1234567890123456", "4٣"] {
            assert!(
                matches!(
                    index.matching(bad),
                    Err(ListError::InvalidLookupNumber { .. })
                ),
                "{bad:?}"
            );
        }
    }
}
