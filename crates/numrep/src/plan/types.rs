//! The shapes of the compiled tables. `generated.rs` holds the data; this file the types.

use serde::Serialize;

/// What kind of line a number belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Category {
    /// Geographic landline (German "Ortsnetzrufnummer").
    FixedLine,
    /// Mobile network.
    Mobile,
    /// A number that can be either (used where a country does not tell them apart).
    FixedLineOrMobile,
    /// Free for the caller (German 0800).
    TollFree,
    /// Premium-rate service (German 0900).
    PremiumRate,
    /// Shared-cost service (German 0180).
    SharedCost,
    /// Personal number (German 0700).
    PersonalNumber,
    /// Non-geographic subscriber number, mostly VoIP (German 032).
    Voip,
    /// Paging service.
    Pager,
    /// Universal access number.
    Uan,
    /// Voicemail access.
    Voicemail,
    /// Mass-traffic / televoting (German 0137).
    MassTraffic,
    /// Directory inquiry (German 118xy).
    DirectoryInquiry,
    /// Emergency number (110, 112).
    Emergency,
    /// Harmonised service of social value (116xyz).
    SocialService,
    /// Public authority line (German 115).
    Authority,
    /// Another short code.
    ShortCode,
    /// Internet dial-in (German 019x).
    OnlineService,
    /// Carrier selection prefix (German 010xy, ended 2024).
    CarrierSelection,
    /// Closed user group / virtual private network (German 0181–0189).
    ClosedUserGroup,
    /// Operator-internal routing number (German 0198, 0199).
    NetworkInternal,
    /// Carrier test number (German 0310, 0311).
    TestNumber,
    /// A global service without a country (+800, +870, +881 …).
    InternationalNetwork,
    /// Nothing known.
    Unknown,
}

impl Category {
    /// The stable snake_case name used in JSON, CSV and `data/`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::FixedLine => "fixed_line",
            Category::Mobile => "mobile",
            Category::FixedLineOrMobile => "fixed_line_or_mobile",
            Category::TollFree => "toll_free",
            Category::PremiumRate => "premium_rate",
            Category::SharedCost => "shared_cost",
            Category::PersonalNumber => "personal_number",
            Category::Voip => "voip",
            Category::Pager => "pager",
            Category::Uan => "uan",
            Category::Voicemail => "voicemail",
            Category::MassTraffic => "mass_traffic",
            Category::DirectoryInquiry => "directory_inquiry",
            Category::Emergency => "emergency",
            Category::SocialService => "social_service",
            Category::Authority => "authority",
            Category::ShortCode => "short_code",
            Category::OnlineService => "online_service",
            Category::CarrierSelection => "carrier_selection",
            Category::ClosedUserGroup => "closed_user_group",
            Category::NetworkInternal => "network_internal",
            Category::TestNumber => "test_number",
            Category::InternationalNetwork => "international_network",
            Category::Unknown => "unknown",
        }
    }

    /// Every category, in declaration order (for the generator and tests).
    pub const ALL: [Category; 24] = [
        Category::FixedLine,
        Category::Mobile,
        Category::FixedLineOrMobile,
        Category::TollFree,
        Category::PremiumRate,
        Category::SharedCost,
        Category::PersonalNumber,
        Category::Voip,
        Category::Pager,
        Category::Uan,
        Category::Voicemail,
        Category::MassTraffic,
        Category::DirectoryInquiry,
        Category::Emergency,
        Category::SocialService,
        Category::Authority,
        Category::ShortCode,
        Category::OnlineService,
        Category::CarrierSelection,
        Category::ClosedUserGroup,
        Category::NetworkInternal,
        Category::TestNumber,
        Category::InternationalNetwork,
        Category::Unknown,
    ];

    /// libphonenumber's `PhoneNumberType` name of the categories it has (`FIXED_LINE`,
    /// `PREMIUM_RATE`, …); `None` for numrep's own (`mass_traffic`, `emergency`, …).
    pub const fn libphonenumber_type(self) -> Option<&'static str> {
        Some(match self {
            Category::FixedLine => "FIXED_LINE",
            Category::Mobile => "MOBILE",
            Category::FixedLineOrMobile => "FIXED_LINE_OR_MOBILE",
            Category::TollFree => "TOLL_FREE",
            Category::PremiumRate => "PREMIUM_RATE",
            Category::SharedCost => "SHARED_COST",
            Category::PersonalNumber => "PERSONAL_NUMBER",
            Category::Voip => "VOIP",
            Category::Pager => "PAGER",
            Category::Uan => "UAN",
            Category::Voicemail => "VOICEMAIL",
            _ => return None,
        })
    }

    /// Parses the snake_case name.
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// Whether a number range is in service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RangeStatus {
    /// Allocated and in service.
    Assigned,
    /// Not allocated (reserve or free).
    Reserve,
    /// Shut down; numbers from it are not in service any more.
    Abolished,
    /// Used inside networks only; not diallable by end users.
    Internal,
}

impl RangeStatus {
    /// Parses the name used in `data/` (by `numrep-gen`, which shares this file).
    #[allow(dead_code)]
    pub fn from_name(name: &str) -> Option<RangeStatus> {
        Some(match name {
            "assigned" => RangeStatus::Assigned,
            "reserve" => RangeStatus::Reserve,
            "abolished" => RangeStatus::Abolished,
            "internal" => RangeStatus::Internal,
            _ => return None,
        })
    }
}

/// Whether a number from a range may be shown as the caller's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CallerIdRule {
    /// A legitimate caller ID.
    Allowed,
    /// Banned as caller ID by law (German TKG 2021 § 120).
    Forbidden,
    /// Not banned, but technically never a caller ID (reserve, internal, closed groups).
    Implausible,
}

impl CallerIdRule {
    /// Parses the name used in `data/`.
    pub fn from_name(name: &str) -> Option<CallerIdRule> {
        Some(match name {
            "allowed" => CallerIdRule::Allowed,
            "forbidden" => CallerIdRule::Forbidden,
            "implausible" => CallerIdRule::Implausible,
            _ => return None,
        })
    }
}

/// "No entry" marker for the `u16` indexes in [`RangeRecord`].
pub const NONE: u16 = u16::MAX;

/// Everything the tables know about one range of numbers (after nesting is resolved).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RangeRecord {
    /// Kind of line.
    pub category: Category,
    /// In service, reserve, abolished or internal.
    pub status: RangeStatus,
    /// Caller-ID rule.
    pub caller_id: CallerIdRule,
    /// Shortest allowed national significant number.
    pub min_len: u8,
    /// Longest allowed national significant number.
    pub max_len: u8,
    /// Digits of the leading group when formatting (area code, service prefix).
    pub group_len: u8,
    /// Digits of the most specific `data/` prefix behind this record.
    pub prefix_len: u8,
    /// Index into the plan's `RANGE_NAMES` (the range row's name and source).
    pub range: u16,
    /// Index into the plan's `OPERATORS`, or [`NONE`].
    pub operator: u16,
    /// Index into `TARIFFS`, or [`NONE`].
    pub tariff: u16,
}

/// A flattened longest-prefix table: disjoint key intervals, each pointing at a record.
///
/// Keys encode up to [`KEY_DIGITS`] digits in base 11 (digit + 1, 0 = "no more digits"),
/// so a short number sorts before every longer prefix that extends it and falls into its
/// parent range. One binary search inside the key's bucket answers a longest-prefix
/// query; a key before the bucket's first start lies in the interval before it.
#[derive(Debug)]
pub struct PrefixTable {
    /// Interval starts in key order (the first is 0), each as its offset inside its
    /// bucket (`start % BUCKET_SPAN`): sorted within a bucket, and without the bucket's
    /// digits repeated in every start they compress to a fifteenth.
    pub starts: &'static [u32],
    /// Record index (into the plan's records) for each interval.
    pub records: &'static [u16],
    /// `buckets[b]` = how many starts lie below the first key whose leading base-11
    /// digits are `b` ([`BUCKET_DIGITS`] of them); narrows the binary search to one bucket.
    pub buckets: &'static [u16],
    /// Places (indexes for the plan's `place_name`), kept apart from the
    /// records so that ~5,200 area codes share a handful of records. Intervals come in
    /// runs of [`PLACE_RUN`]; `place_bases[r]` is the smallest place of run `r`…
    pub place_bases: &'static [u16],
    /// … and each interval's place is that base plus its byte here, or none
    /// ([`NO_PLACE`]). Places rise with the intervals, so a byte holds the difference
    /// (a sixth of the compressed size of one `u16` per interval).
    pub place_offsets: &'static [u8],
}

/// Intervals per run of [`PrefixTable::place_bases`].
pub const PLACE_RUN: usize = 64;

/// [`PrefixTable::place_offsets`] of an interval without a place.
pub const NO_PLACE: u8 = u8::MAX;

/// Place names per entry of `PLACE_STARTS` (the text offset of every 32nd name; the
/// names in between are found by adding up their byte lengths).
pub const PLACE_NAMES_PER_START: usize = 32;

/// How many leading digits a [`PrefixTable`] key holds.
pub const KEY_DIGITS: usize = 8;

/// Leading base-11 digits that pick a bucket of [`PrefixTable::buckets`].
pub const BUCKET_DIGITS: usize = 3;

/// Keys per bucket.
pub const BUCKET_SPAN: u32 = 11u32.pow((KEY_DIGITS - BUCKET_DIGITS) as u32);

impl PrefixTable {
    /// The record index for the longest prefix of `digits` (ASCII digits) in the table.
    #[inline]
    pub fn find(&self, digits: &[u8]) -> u16 {
        self.records[self.interval(digits)]
    }

    /// The record index and the place index for the longest prefix of `digits`.
    #[inline]
    pub fn find_with_place(&self, digits: &[u8]) -> (u16, u16) {
        let i = self.interval(digits);
        (self.records[i], self.place(i))
    }

    /// The place of interval `i`, or [`NONE`].
    fn place(&self, i: usize) -> u16 {
        match (
            self.place_offsets.get(i),
            self.place_bases.get(i / PLACE_RUN),
        ) {
            (Some(&offset), Some(&base)) if offset != NO_PLACE => {
                base.checked_add(u16::from(offset)).unwrap_or(NONE)
            }
            _ => NONE,
        }
    }

    #[inline]
    fn interval(&self, digits: &[u8]) -> usize {
        let key = key_for(digits);
        let (bucket, offset) = ((key / BUCKET_SPAN) as usize, key % BUCKET_SPAN);
        // Keys have KEY_DIGITS base-11 digits, so every bucket has its two bounds.
        let (Some(&lo), Some(&hi)) = (self.buckets.get(bucket), self.buckets.get(bucket + 1))
        else {
            return self.starts.len().saturating_sub(1);
        };
        let (lo, hi) = (usize::from(lo), usize::from(hi));
        let within = self.starts.get(lo..hi).unwrap_or_default();
        (lo + within.partition_point(|&s| s <= offset)).saturating_sub(1)
    }
}

/// The base-11 key of the first [`KEY_DIGITS`] digits (ASCII digits).
#[inline]
pub fn key_for(digits: &[u8]) -> u32 {
    match digits.first_chunk::<KEY_DIGITS>() {
        Some(eight) => key_of_eight(*eight),
        None => {
            let mut key = 0u32;
            for i in 0..KEY_DIGITS {
                let d = digits.get(i).map_or(0, |b| u32::from(b - b'0') + 1);
                key = key * 11 + d;
            }
            key
        }
    }
}

/// [`key_for`] of eight digits at once (most numbers have as many): the base-11 values
/// (digit + 1) of neighbouring bytes, then pairs, then quadruples are combined inside one
/// `u64`, as SWAR decimal parsers do with base 10 (no lane overflows: 10 + 11 × 10 = 120
/// fits a byte, 120 + 121 × 120 = 14,640 a 16-bit lane).
#[inline]
fn key_of_eight(digits: [u8; KEY_DIGITS]) -> u32 {
    // Byte i (little-endian: the i-th digit, the most significant first) = digit + 1.
    let values = u64::from_le_bytes(digits).wrapping_sub(0x2f2f_2f2f_2f2f_2f2f);
    let pairs = (values.wrapping_mul(1 + (11 << 8)) >> 8) & 0x00ff_00ff_00ff_00ff;
    let quads = (pairs.wrapping_mul(1 + (121 << 16)) >> 16) & 0x0000_ffff_0000_ffff;
    (quads as u32) * 14_641 + (quads >> 32) as u32
}

/// One country's numbering plan in depth.
#[derive(Debug)]
pub struct NationalPlan {
    /// Country calling code.
    pub country_code: u16,
    /// National significant numbers (after the trunk prefix).
    pub national: PrefixTable,
    /// Short codes dialled without trunk prefix (110, 116116 …).
    pub short: PrefixTable,
    /// Short codes that also work behind an area code (`030 115`).
    pub area_suffixes: &'static [&'static str],
    /// Records the two tables point into.
    pub records: &'static [RangeRecord],
}

/// Whether a calling code belongs to a country or a global network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeKind {
    /// Belongs to one or more countries or territories.
    Geographic,
    /// A global service (+800, +870, +881 …), no country.
    InternationalNetwork,
}

/// A country calling code's row (ITU-T E.164).
#[derive(Debug)]
pub struct CountryCodeInfo {
    /// The code, 1–3 digits.
    pub code: u16,
    /// Digits in the code.
    pub len: u8,
    /// English name (the main region's, or the network's).
    pub name_en: &'static str,
    /// German name.
    pub name_de: &'static str,
    /// Country or global network.
    pub kind: CodeKind,
}

/// The names of one region (its code, calling code and dialling facts are in the
/// world tables, in the same order).
#[derive(Debug)]
pub struct RegionInfo {
    /// English name.
    pub name_en: &'static str,
    /// German name.
    pub name_de: &'static str,
}

/// Name and source of a hand-edited range row.
#[derive(Debug)]
pub struct RangeName {
    /// Official name (German).
    pub de: &'static str,
    /// English meaning.
    pub en: &'static str,
    /// Where the fact comes from.
    pub source: &'static str,
}

/// A tariff row: prices in tenths of a euro cent (so 3.9 ct = 39), incl. VAT.
#[derive(Debug, Clone, Copy)]
pub struct TariffRow {
    /// Stable id such as `0900-5`.
    pub id: &'static str,
    /// Price per minute, if any.
    pub per_minute: Option<u32>,
    /// Price per call, if any.
    pub per_call: Option<u32>,
    /// Free seconds at the start of a call.
    pub free_seconds: u16,
    /// Legal cap per minute.
    pub max_per_minute: Option<u32>,
    /// Legal cap per call.
    pub max_per_call: Option<u32>,
    /// German description.
    pub description_de: &'static str,
    /// English description.
    pub description_en: &'static str,
    /// Where the fact comes from.
    pub source: &'static str,
}

/// Warning lists a calling code can be on (bit flags).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiskyCode {
    /// Calling code.
    pub code: u16,
    /// Most German complaints about ping calls (Wangiri).
    pub wangiri: bool,
    /// Hit by BNetzA billing bans.
    pub billing_ban: bool,
    /// Needs a free price announcement (since 01.03.2019).
    pub price_announcement: bool,
    /// Where the facts come from.
    pub source: &'static str,
}

/// Builds a record; keeps the generated table short.
#[allow(clippy::too_many_arguments)]
pub(crate) const fn rec(
    category: Category,
    status: RangeStatus,
    caller_id: CallerIdRule,
    min_len: u8,
    max_len: u8,
    group_len: u8,
    prefix_len: u8,
    range: u16,
    operator: u16,
    tariff: u16,
) -> RangeRecord {
    RangeRecord {
        category,
        status,
        caller_id,
        min_len,
        max_len,
        group_len,
        prefix_len,
        range,
        operator,
        tariff,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key digit by digit, as the table generator defines it.
    fn key_by_digit(digits: &[u8]) -> u32 {
        (0..KEY_DIGITS).fold(0, |key, i| {
            key * 11 + digits.get(i).map_or(0, |b| u32::from(b - b'0') + 1)
        })
    }

    #[test]
    fn eight_digits_at_once_give_the_key_digit_by_digit() {
        let mut texts = vec![*b"00000000", *b"99999999", *b"01234567", *b"98765432"];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..100_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut text = [0u8; KEY_DIGITS];
            for (i, b) in text.iter_mut().enumerate() {
                *b = b'0' + ((state >> (5 * i)) % 10) as u8;
            }
            texts.push(text);
        }
        for text in texts {
            assert_eq!(key_for(&text), key_by_digit(&text), "{text:?}");
            let longer = [&text[..], b"123"].concat();
            assert_eq!(key_for(&longer), key_by_digit(&text), "{longer:?}");
            assert_eq!(key_for(&text[..5]), key_by_digit(&text[..5]), "{text:?}");
        }
    }
}
