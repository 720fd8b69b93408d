//! Sorting with one routine. Every `sort`/`sort_by_key` on another element type or key
//! adds its own copy of the standard library's sort to the wasm module (2–3 KB each,
//! five of them once); here every sort of unbounded length is a sort of `u128` keys
//! (a key in the high half, the position in the low half, so equal keys keep their
//! order), and short vectors whose length a constant bounds use an insertion sort.

/// The positions of `keys` in ascending key order, equal keys by position (a stable
/// order).
fn order(keys: impl IntoIterator<Item = u64>) -> Vec<usize> {
    let mut keyed: Vec<u128> = keys
        .into_iter()
        .zip(0u64..)
        .map(|(key, position)| u128::from(key) << 64 | u128::from(position))
        .collect();
    sort_keys(&mut keyed);
    keyed.into_iter().map(|k| k as u64 as usize).collect()
}

/// Sorts `keys` ascending: the crate's one instance of the standard library's sort.
#[inline(never)]
pub(crate) fn sort_keys(keys: &mut [u128]) {
    keys.sort_unstable();
}

/// `items` in the order of their keys, equal keys in their given order. Each item
/// moves once.
pub(crate) fn sorted_by<T>(items: Vec<T>, key: impl Fn(&T) -> u64) -> Vec<T> {
    let order = order(items.iter().map(key));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|position| slots.get_mut(position).and_then(Option::take))
        .collect()
}

/// Sorts a short slice by `key`, stably, in place: an insertion sort, quadratic, for
/// slices whose length a small constant bounds (the reasons of one report).
pub(crate) fn sort_short_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 && key(&items[at - 1]) > key(&items[at]) {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort by the same keys.
        #[test]
        fn sorted_by_is_a_stable_sort(keys in prop::collection::vec(0u64..8, 0..200)) {
            let items: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            let mut want = items.clone();
            want.sort_by_key(|&(key, _)| key);
            prop_assert_eq!(sorted_by(items, |&(key, _)| key), want);
        }

        /// Keys that use all 64 bits order as numbers.
        #[test]
        fn full_width_keys_order_as_numbers(keys in prop::collection::vec(any::<u64>(), 0..50)) {
            let got: Vec<u64> = order(keys.iter().copied()).into_iter().map(|p| keys[p]).collect();
            let mut want = keys.clone();
            want.sort_unstable();
            prop_assert_eq!(got, want);
        }

        /// The insertion sort is the standard library's stable sort too.
        #[test]
        fn short_sort_is_stable(keys in prop::collection::vec(0u8..4, 0..30)) {
            let mut got: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut want = got.clone();
            want.sort_by_key(|&(key, _)| key);
            sort_short_by_key(&mut got, |&(key, _)| key);
            prop_assert_eq!(got, want);
        }
    }
}
