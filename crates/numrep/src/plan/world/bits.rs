//! What the accept bits of the world automata mean. Shared by `numrep-gen` (which sets
//! them, including this file by path) and the core (which reads them): one list.

use crate::plan::Category;

/// Number types in the order of their bits in a territory's type automaton; their
/// `as_str()` names are the `type` values of `data/world/libphonenumber/number_types.csv`.
pub const NUMBER_TYPES: [Category; 10] = [
    Category::FixedLine,
    Category::Mobile,
    Category::TollFree,
    Category::PremiumRate,
    Category::SharedCost,
    Category::PersonalNumber,
    Category::Voip,
    Category::Pager,
    Category::Uan,
    Category::Voicemail,
];

/// Short-number types (the `type` values of `short_numbers.csv`) in the order of their
/// bits in a region's short-number automaton. The general description has no bit of
/// its own (it is folded into `short_code`: validity needs both); its index holds the
/// possible lengths.
#[allow(dead_code)] // numrep-gen and the tests read it
pub const SHORT_TYPES: [&str; 8] = [
    "general",
    "toll_free",
    "standard_rate",
    "premium_rate",
    "emergency",
    "short_code",
    "carrier_specific",
    "sms_services",
];

/// Index of `general` in [`SHORT_TYPES`].
pub const SHORT_GENERAL: usize = 0;
/// Index of `toll_free`.
pub const SHORT_TOLL_FREE: usize = 1;
/// Index of `standard_rate`.
pub const SHORT_STANDARD_RATE: usize = 2;
/// Index of `premium_rate`.
pub const SHORT_PREMIUM_RATE: usize = 3;
/// Index of `emergency`.
pub const SHORT_EMERGENCY: usize = 4;
/// Index of `short_code`.
pub const SHORT_CODE: usize = 5;
/// Index of `carrier_specific`.
pub const SHORT_CARRIER_SPECIFIC: usize = 6;
/// Index of `sms_services`.
pub const SHORT_SMS_SERVICES: usize = 7;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_indexes_name_their_types() {
        for (index, name) in [
            (SHORT_GENERAL, "general"),
            (SHORT_TOLL_FREE, "toll_free"),
            (SHORT_STANDARD_RATE, "standard_rate"),
            (SHORT_PREMIUM_RATE, "premium_rate"),
            (SHORT_EMERGENCY, "emergency"),
            (SHORT_CODE, "short_code"),
            (SHORT_CARRIER_SPECIFIC, "carrier_specific"),
            (SHORT_SMS_SERVICES, "sms_services"),
        ] {
            assert_eq!(SHORT_TYPES[index], name);
        }
    }
}
