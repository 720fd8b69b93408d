//! numrep's deliberate differences from libphonenumber about German numbers, shared by
//! the tests that compare the two. `docs/differences.md` gives each one's reason and
//! source; keep both lists in step.

use std::ops::RangeInclusive;

use numrep::Report;

/// A justified difference: German numbers whose E.164 digits (without `+`) start with
/// `prefix`, whose national number has a length in `lengths`, and (when `code` is set)
/// for which numrep reports that finding or parse error, may disagree with
/// libphonenumber for `reason`.
pub struct Difference {
    /// E.164 digits the numbers start with.
    pub prefix: &'static str,
    /// National significant number lengths it applies to.
    pub lengths: RangeInclusive<usize>,
    /// A finding or parse-error code numrep must report for it to apply.
    pub code: Option<&'static str>,
    /// Why numrep answers differently.
    pub reason: &'static str,
}

/// Any length.
const ANY: RangeInclusive<usize> = 0..=17;

/// Known, justified differences, most specific first.
pub const KNOWN_DIFFERENCES: &[Difference] = &[
    // Fact sheet §1 (032): libphonenumber files 032 as FIXED_LINE; numrep calls it `voip`
    // (national subscriber numbers, not tied to a place).
    Difference {
        prefix: "4932",
        lengths: ANY,
        code: None,
        reason: "032 is voip in numrep, FIXED_LINE in libphonenumber",
    },
    // Fact sheet §1 (0137): mass traffic / televoting is its own category in numrep;
    // libphonenumber calls 01371–01376 SHARED_COST and 01377–01379 PREMIUM_RATE.
    Difference {
        prefix: "49137",
        lengths: ANY,
        code: None,
        reason: "0137 is mass_traffic in numrep",
    },
    // Fact sheet §1 (0181): international VPNs, up to 14 digits; libphonenumber has none.
    Difference {
        prefix: "49181",
        lengths: ANY,
        code: None,
        reason: "0181 international VPN is closed_user_group in numrep",
    },
    // Fact sheet §1 (0182–0189): closed user groups of 11 digits (not reachable by third
    // parties since 2014); libphonenumber calls them UAN and accepts 13 digits
    // (its example 0185 00123456 is too long for numrep).
    Difference {
        prefix: "4918",
        lengths: ANY,
        code: None,
        reason: "0182–0189 are closed_user_group (11 digits) in numrep, UAN in libphonenumber",
    },
    // Fact sheet §2: since 01.12.2024 the digit after 0900 is a tariff code 0–9;
    // libphonenumber still accepts only the old content codes 1, 3 and 5.
    Difference {
        prefix: "49900",
        lengths: ANY,
        code: None,
        reason: "0900-0…9 tariff digits since 01.12.2024; libphonenumber knows only 1/3/5",
    },
    // Fact sheet §1 (0310, 0311): carrier test numbers of 3 digits; libphonenumber has none.
    Difference {
        prefix: "4931",
        lengths: ANY,
        code: None,
        reason: "0310/0311 test numbers are valid in numrep",
    },
    // Fact sheet §1 (0191–0194): online dial-in numbers (019xyz); libphonenumber has none.
    Difference {
        prefix: "4919",
        lengths: ANY,
        code: None,
        reason: "0191–0194 online services are valid in numrep",
    },
    // Fact sheet §1 short codes: 115 is reachable as (0)115 from abroad.
    Difference {
        prefix: "49115",
        lengths: ANY,
        code: None,
        reason: "+49 115 is the public authority line",
    },
    // Fact sheet §4: numrep knows the assigned 015 blocks; libphonenumber accepts whole
    // 0150x/0155x/0156x/0158x decades, including blocks nobody was assigned.
    Difference {
        prefix: "49150",
        lengths: ANY,
        code: None,
        reason: "unassigned 0150x block (fact sheet §4)",
    },
    Difference {
        prefix: "49155",
        lengths: ANY,
        code: None,
        reason: "unassigned 0155x block (fact sheet §4)",
    },
    Difference {
        prefix: "49156",
        lengths: ANY,
        code: None,
        reason: "unassigned 0156x block (fact sheet §4)",
    },
    Difference {
        prefix: "49158",
        lengths: ANY,
        code: None,
        reason: "unassigned 0158x block (fact sheet §4)",
    },
    // Fact sheet §1 (015: voicemail infixes make 12–13) names voicemail access numbers
    // (a mobile number with an infix) but no ranges; numrep has none, so a 12–13 digit
    // mobile number is too long for its block, where libphonenumber says VOICEMAIL.
    Difference {
        prefix: "4915",
        lengths: 12..=13,
        code: None,
        reason: "015x voicemail (12–13 digits) not modelled by numrep",
    },
    Difference {
        prefix: "4917",
        lengths: 12..=13,
        code: None,
        reason: "017x voicemail (12–13 digits) not modelled by numrep",
    },
    // Fact sheet §1 (0800): freephone numbers have 10 digits (800 + 7; BNetzA allows up to
    // 13 with an extension); libphonenumber accepts up to 15.
    Difference {
        prefix: "49800",
        lengths: 14..=15,
        code: None,
        reason: "0800 numbers have at most 13 digits (BNetzA), libphonenumber accepts 15",
    },
    // Fact sheet §1 (02–09): geographic numbers have at most 13 digits (ITU-T E.164's 15
    // with the calling code); libphonenumber accepts up to 15 after it.
    Difference {
        prefix: "49",
        lengths: 14..=15,
        code: None,
        reason: "geographic numbers have at most 13 digits (fact sheet §1)",
    },
    // Issue 7 §1 (fact sheet §1, 02–09): a subscriber number never starts with 0 after
    // the area code (0 would be the trunk prefix again); libphonenumber's pattern allows it.
    Difference {
        prefix: "49",
        lengths: ANY,
        code: Some("subscriber_starts_with_zero"),
        reason: "a subscriber number never starts with 0 after the area code",
    },
];

/// numrep category name → libphonenumber `PhoneNumberType` names it corresponds to.
pub fn lpn_types(category: &str) -> &'static [&'static str] {
    match category {
        "fixed_line" => &["FIXED_LINE", "FIXED_LINE_OR_MOBILE"],
        "mobile" => &["MOBILE", "FIXED_LINE_OR_MOBILE"],
        "fixed_line_or_mobile" => &["FIXED_LINE_OR_MOBILE"],
        "toll_free" => &["TOLL_FREE"],
        "premium_rate" => &["PREMIUM_RATE"],
        "shared_cost" => &["SHARED_COST"],
        "personal_number" => &["PERSONAL_NUMBER"],
        "voip" => &["VOIP"],
        "pager" => &["PAGER"],
        "uan" => &["UAN"],
        "voicemail" => &["VOICEMAIL"],
        _ => &[],
    }
}

/// The index of the difference that covers the German number of `report` (for an
/// input that did not parse: its digits as written in E.164), if any.
pub fn known_difference(report: &Report) -> Option<usize> {
    let digits: String = match report.number() {
        Some(n) => format!("{}{}", n.country_code(), n.national_number()),
        None => report
            .input()
            .chars()
            .filter(char::is_ascii_digit)
            .collect(),
    };
    let length = digits.len().saturating_sub(2);
    let reports = |code: &str| {
        report.reasons().iter().any(|r| r.code() == code)
            || report.error().is_some_and(|e| e.code() == code)
    };
    KNOWN_DIFFERENCES.iter().position(|d| {
        digits.starts_with(d.prefix) && d.lengths.contains(&length) && d.code.is_none_or(reports)
    })
}
