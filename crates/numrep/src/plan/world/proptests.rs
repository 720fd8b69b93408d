//! Whatever digits (or bytes) come in, the world tables answer without panicking.

use proptest::prelude::*;

use super::tables::TERRITORIES;
use super::*;

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
