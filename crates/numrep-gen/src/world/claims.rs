//! Which territories of a shared calling code can claim a national number, by its first
//! two digits: an index that lets the core skip the leading-digits automata that cannot
//! match (+1 has 24 territories besides the US; most numbers concern one or two).

use super::automaton::{compile, Dfa, Mode, DEAD};
use super::regex;

/// Index entries per shared code: one per first two digits `00`–`99`.
const PAIRS: usize = 100;

/// Whether a number starting with `digits` can match the prefix automaton `dfa`: the
/// walk accepts on the way (a prefix matched) or is still alive at the end (a longer
/// number may match: minimised states all reach an accept).
fn may_match(dfa: &Dfa, digits: [u8; 2]) -> bool {
    let mut state = dfa.start;
    for d in digits {
        if state == DEAD {
            return false;
        }
        if dfa.accept[state as usize] != 0 {
            return true;
        }
        state = dfa.next[state as usize][usize::from(d)];
    }
    state != DEAD
}

/// For territories given by their leading-digits patterns in libphonenumber's order
/// (empty = none: the territory is tried by its number patterns, so it is always a
/// candidate), bit `i` of entry `10 * a + b` says whether territory `i` can claim a
/// national number starting with digits `a`, `b`.
pub fn claims(leading_digits: &[&str]) -> Result<Vec<u32>, String> {
    if leading_digits.len() > 32 {
        return Err(format!(
            "{} territories share a calling code; the index holds 32",
            leading_digits.len()
        ));
    }
    let mut index = vec![0u32; PAIRS];
    for (bit, pattern) in leading_digits.iter().enumerate() {
        let dfa = if pattern.is_empty() {
            None
        } else {
            let node = regex::parse(pattern).map_err(|e| e.to_string())?;
            Some(compile(&[(0, &node)], Mode::Prefix, |s| s)?)
        };
        for (pair, entry) in index.iter_mut().enumerate() {
            let digits = [(pair / 10) as u8, (pair % 10) as u8];
            if dfa.as_ref().is_none_or(|dfa| may_match(dfa, digits)) {
                *entry |= 1 << bit;
            }
        }
    }
    Ok(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn territories_without_leading_digits_are_always_candidates() {
        let index = claims(&["", "268", "8001|8[024]9", ""]).unwrap();
        assert_eq!(index[26], 0b1011, "26 may start 268");
        assert_eq!(index[80], 0b1101, "80 may start 8001 and 809");
        assert_eq!(index[81], 0b1001, "81 starts neither");
        assert_eq!(index[0], 0b1001);
    }

    #[test]
    fn a_pattern_matched_within_the_first_digits_claims_what_follows() {
        // Norway's `7[0-8]` and `[02-689]`: one digit decides for 0, 2–6, 8, 9.
        let index = claims(&["[02-689]|7[0-8]", "79"]).unwrap();
        assert_eq!(index[5], 0b01);
        assert_eq!(index[70], 0b01);
        assert_eq!(index[79], 0b10);
        assert_eq!(index[10], 0b00);
    }

    #[test]
    fn more_than_32_territories_are_refused() {
        assert!(claims(&[""; 33]).is_err());
    }
}
