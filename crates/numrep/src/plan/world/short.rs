//! Short numbers of a region (`112`, `999`, `911`, `116 000` …) as libphonenumber's
//! `ShortNumberInfo` answers for a number dialled in that region.

use super::automaton::NOTHING;
use super::bits::{
    SHORT_CARRIER_SPECIFIC as CARRIER_SPECIFIC, SHORT_CODE, SHORT_EMERGENCY as EMERGENCY,
    SHORT_GENERAL as GENERAL, SHORT_PREMIUM_RATE as PREMIUM_RATE,
    SHORT_SMS_SERVICES as SMS_SERVICES, SHORT_STANDARD_RATE as STANDARD_RATE,
    SHORT_TOLL_FREE as TOLL_FREE,
};
use super::tables::AUTOMATA;
use super::Territory;

/// Regions where an emergency number must be dialled exactly (no digits after it).
#[cfg(test)]
const EMERGENCY_EXACT: [&str; 3] = ["BR", "CL", "NI"];

/// libphonenumber's `ShortNumberCost`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ShortCost {
    /// Free (emergency numbers count as free).
    TollFree,
    /// Standard rate.
    StandardRate,
    /// Premium rate.
    PremiumRate,
    /// Not known.
    Unknown,
}

/// What `ShortNumberInfo` says about digits dialled in a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ShortNumber {
    /// `is_possible_short_number_for_region`: a length short numbers have here.
    pub possible: bool,
    /// `is_valid_short_number_for_region`.
    pub valid: bool,
    /// `expected_cost_for_region`.
    pub cost: ShortCost,
    /// `is_emergency_number`: exactly an emergency number.
    pub emergency: bool,
    /// `is_carrier_specific_for_region`.
    pub carrier_specific: bool,
    /// `is_sms_service_for_region`.
    pub sms_service: bool,
}

impl Territory {
    /// libphonenumber's short-number answers for `digits` (ASCII, as dialled, without
    /// `+`) dialled in this region; `None` for a territory without short-number data.
    pub(crate) fn short_number(&self, digits: &[u8]) -> Option<ShortNumber> {
        if self.short == NOTHING {
            return None;
        }
        let n = digits.len();
        let bits = AUTOMATA.full(self.short, digits);
        let length_ok = |t: usize| n < 32 && self.short_lengths[t] & (1 << n) != 0;
        let has = |t: usize| bits & (1 << t) != 0 && length_ok(t);
        let emergency = bits & (1 << EMERGENCY) != 0;
        let cost = if !length_ok(GENERAL) {
            ShortCost::Unknown
        } else if has(PREMIUM_RATE) {
            ShortCost::PremiumRate
        } else if has(STANDARD_RATE) {
            ShortCost::StandardRate
        } else if has(TOLL_FREE) || emergency {
            ShortCost::TollFree
        } else {
            ShortCost::Unknown
        };
        Some(ShortNumber {
            possible: length_ok(GENERAL),
            valid: has(SHORT_CODE),
            cost,
            emergency,
            carrier_specific: has(CARRIER_SPECIFIC),
            sms_service: has(SMS_SERVICES),
        })
    }

    /// libphonenumber's `connects_to_emergency_number`: an emergency number, possibly
    /// followed by more digits where the region allows that (`None` as for
    /// [`Territory::short_number`]).
    #[cfg(test)]
    pub(crate) fn connects_to_emergency(&self, digits: &[u8]) -> Option<bool> {
        let exact = self.short_number(digits)?.emergency;
        Some(if EMERGENCY_EXACT.contains(&self.region) {
            exact
        } else {
            AUTOMATA.prefixes(self.short, digits) & (1 << EMERGENCY) != 0
        })
    }
}
