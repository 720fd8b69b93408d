//! Whatever digits (or bytes) come in, the world tables answer without panicking.

use proptest::prelude::*;

use super::tables::{CODE_TERRITORIES, PREFIX_MATCHERS, TERRITORIES};
use super::*;

/// The calling codes several territories share (+1, +7, +44, …).
fn shared_codes() -> Vec<u16> {
    CODE_TERRITORIES
        .iter()
        .filter(|row| row.territories.len() > 1)
        .map(|row| row.code)
        .collect()
}

proptest! {
    #[test]
    fn never_panics(
        index in 0usize..TERRITORIES.len(),
        digits in proptest::collection::vec(prop_oneof![9 => b'0'..=b'9', 1 => any::<u8>()], 0..40),
    ) {
        let t = &TERRITORIES[index];
        let _ = t.number_type(&digits);
        let _ = t.length_check(&digits);
        let _ = t.short_number(&digits);
        let _ = t.strip_national_prefix(&digits);
        let _ = t.international_prefix_len(&digits);
        let _ = t.matches_leading_digits(&digits);
        let _ = region_for_number(t.code, &digits);
        for mode in [FormatMode::E164, FormatMode::International, FormatMode::National, FormatMode::Rfc3966] {
            if let Some(f) = format(t.code, &digits, mode) {
                prop_assert!(f.as_str().len() <= 64);
            }
        }
    }

    #[test]
    fn international_format_keeps_every_digit_in_order(
        index in 0usize..TERRITORIES.len(),
        digits in "[0-9]{1,17}",
    ) {
        let t = &TERRITORIES[index];
        let f = format(t.code, digits.as_bytes(), FormatMode::International).unwrap();
        let shown: String = f.as_str().chars().filter(char::is_ascii_digit).collect();
        prop_assert_eq!(shown, format!("{}{digits}", t.code), "{}", f);
    }
}

proptest! {
    // Cheap, and many paths need digits that start a rare prefix or one of 24 area codes.
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn a_prefix_matches_when_its_states_say_so(
        index in 0..PREFIX_MATCHERS.len(),
        digits in proptest::collection::vec(b'0'..=b'9', 0..17),
    ) {
        // `match_len` is `match_prefix`'s quick test: a match it finds, the full run finds
        // too (the other way round, `tests.rs` holds both to the `regex` crate).
        let index = index as u16;
        prop_assert_eq!(prefix::match_len(index, &digits).is_some(), prefix::match_prefix(index, &digits).is_some());
    }

    #[test]
    fn the_claims_index_skips_only_territories_that_cannot_claim(
        code in proptest::sample::select(shared_codes()),
        digits in proptest::collection::vec(b'0'..=b'9', 0..17),
    ) {
        // libphonenumber's search as written: every territory, in order.
        let every = territories_for_code(code).find_map(|t| claim(t, &digits));
        let indexed = region_and_type(code, &digits);
        prop_assert_eq!(indexed.map(|(t, c)| (t.region, c)), every.map(|(t, c)| (t.region, c)));
    }
}
