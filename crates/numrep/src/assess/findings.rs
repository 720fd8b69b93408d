//! The individual rules and what each found.

use crate::classify::{Classification, Cost, NumberRange, Tariff, Validity};
use crate::country_code::CountryCode;
use crate::digits::Digits;
use crate::evidence::ReputationVerdict;
use crate::number::PhoneNumber;
use crate::plan::{place_name, risky_code, CallerIdRule, Category, DE_PLAN};
use crate::region::Region;

use super::{Reason, Risk};

/// How much a finding weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Severity {
    /// Information for the agent.
    Info,
    /// Something to check.
    Warning,
    /// Forged, illegal or a known scam pattern.
    Danger,
}

impl Severity {
    /// The risk level this severity raises to.
    pub fn risk(self) -> Risk {
        match self {
            Severity::Info => Risk::Low,
            Severity::Warning => Risk::Medium,
            Severity::Danger => Risk::High,
        }
    }

    /// Stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Danger => "danger",
        }
    }
}

/// One thing a rule found, with the facts its message needs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Finding {
    /// Banned as caller ID (TKG § 120): premium, mass traffic, directory inquiry, short codes.
    CallerIdForbidden {
        /// The kind of line.
        category: Category,
    },
    /// An emergency number shown as caller ID: 110/112 alone, behind an area code
    /// (`030 110`) or as `+110`, or another region's (`999` in GB, `911` in the US): the
    /// fake-police scam.
    FakeEmergencyDisplay {
        /// The display as the customer saw it (`030 110`, `+110`).
        shown: String,
    },
    /// The range was shut down (0190 in 2005, call-by-call in 2024 …).
    AbolishedRange {
        /// The range that was entered.
        range: Option<NumberRange>,
    },
    /// Nobody can hold a number in this range.
    UnassignedRange,
    /// A landline whose subscriber part starts with 0 (`089 0123456`): cannot exist.
    SubscriberStartsWithZero {
        /// The area code (without the trunk 0).
        area_code: Digits,
    },
    /// Operator-internal number; never reaches an end user.
    NotDiallable,
    /// Not banned, but never a real caller ID (pagers, closed user groups, test numbers …).
    CallerIdImplausible {
        /// The kind of line.
        category: Category,
    },
    /// Fewer digits than the range needs.
    TooShort,
    /// More digits than the range allows.
    TooLong,
    /// No number of the country has this many digits.
    InvalidLength {
        /// The calling code.
        country: CountryCode,
        /// The region, where known.
        region: Option<Region>,
    },
    /// No number range of the country holds the number (libphonenumber's metadata),
    /// though numbers of its length exist.
    UnknownRange {
        /// The calling code.
        country: CountryCode,
        /// The region, where known.
        region: Option<Region>,
    },
    /// Premium rate or another charged service, with its tariff.
    ChargedService {
        /// The kind of line.
        category: Category,
        /// Its tariff, where known.
        tariff: Option<Tariff>,
    },
    /// Most German ping-call (Wangiri) complaints come from this calling code.
    WangiriCountry {
        /// The code.
        country: CountryCode,
    },
    /// BNetzA billing bans have hit numbers with this calling code.
    BillingBanCountry {
        /// The code.
        country: CountryCode,
    },
    /// Calls there are expensive enough to need a price announcement.
    PriceAnnouncementCountry {
        /// The code.
        country: CountryCode,
    },
    /// `00261…` reads like the German area code `0261` (Koblenz).
    LookalikeAreaCode {
        /// The calling code.
        country: CountryCode,
        /// The German area code it resembles (without the 0).
        area_code: Digits,
        /// Its place.
        place: &'static str,
    },
    /// A global network without a country (+870 Inmarsat, +881 satellite …).
    InternationalNetwork {
        /// The code.
        country: CountryCode,
    },
    /// Only the calling code was checked.
    Unverified {
        /// The code.
        country: CountryCode,
        /// The region, where known.
        region: Option<Region>,
    },
    /// Geographic number in a known place.
    Geographic {
        /// Place name.
        place: &'static str,
    },
    /// Mobile number; the block's original operator.
    Mobile {
        /// Original operator, if known.
        operator: Option<&'static str>,
    },
    /// Free for the caller.
    TollFree,
    /// Service number at a capped price.
    SharedCost {
        /// Its tariff.
        tariff: Option<Tariff>,
    },
    /// Non-geographic number (VoIP), easy to obtain anywhere.
    Voip,
    /// Personal number that forwards anywhere. Abroad its price is unknown and can be
    /// far above a normal call (the UK's 070 numbers imitate mobiles): a cost trap.
    PersonalNumber {
        /// The calling code of a foreign personal number; `None` for a German one
        /// (0700, whose price the law caps).
        abroad: Option<CountryCode>,
    },
    /// Universal access number (one number for all of a company's lines).
    Uan,
    /// Voicemail access number.
    Voicemail,
    /// A short number of another region than Germany, with what it costs there.
    ShortNumber {
        /// The region it was dialled in.
        region: Region,
        /// What a call costs.
        cost: Cost,
    },
    /// One of our own contracted call centers, inside its registration window.
    OwnNumber {
        /// The vendor.
        vendor: String,
        /// The campaign, if registered.
        campaign: Option<String>,
        /// Whom to contact at vendor management.
        contact: Option<String>,
    },
    /// Our vendor shows a number that may never be a caller ID (TKG § 120).
    OwnNumberIllegalCallerId {
        /// The vendor.
        vendor: String,
        /// The kind of line.
        category: Category,
    },
    /// Registered to one of our vendors, but not for the day of the call.
    OwnNumberOutsideWindow {
        /// The vendor.
        vendor: String,
        /// The campaign, if registered.
        campaign: Option<String>,
        /// First registered day, when the call came before it.
        from: Option<String>,
        /// Last registered day, when the call came after it.
        to: Option<String>,
    },
    /// On one of our block lists.
    Blocklisted {
        /// The matching pattern.
        pattern: String,
        /// The entry's category (`fraud`, `ping_call` …).
        category: Option<String>,
        /// The entry's note.
        note: Option<String>,
    },
    /// What an online reputation source reported.
    SourceReport {
        /// The source's name.
        source: String,
        /// Its judgement (spam, suspicious or legitimate).
        verdict: ReputationVerdict,
        /// Labels it gave, comma-separated.
        labels: String,
        /// User comments behind it (tellows).
        comments: Option<u64>,
        /// User votes behind it (PhoneBlock).
        votes: Option<u64>,
    },
    /// On one of our allow lists: overrules heuristics, never the law.
    Allowlisted {
        /// The matching pattern.
        pattern: String,
        /// The entry's note.
        note: Option<String>,
        /// Findings it overrules.
        overruled: usize,
        /// True when a legal finding (TKG § 120, a range that cannot exist) stands.
        law_stands: bool,
    },
}

impl Finding {
    /// How much it weighs (before an allow list overrules it).
    pub fn severity(&self) -> Severity {
        match self {
            Finding::SourceReport {
                verdict: ReputationVerdict::Spam,
                ..
            } => Severity::Danger,
            Finding::SourceReport {
                verdict: ReputationVerdict::Suspicious,
                ..
            } => Severity::Warning,
            Finding::SourceReport { .. } => Severity::Info,
            Finding::CallerIdForbidden { .. }
            | Finding::FakeEmergencyDisplay { .. }
            | Finding::AbolishedRange { .. }
            | Finding::UnassignedRange
            | Finding::SubscriberStartsWithZero { .. }
            | Finding::NotDiallable
            | Finding::WangiriCountry { .. }
            | Finding::BillingBanCountry { .. }
            | Finding::Blocklisted { .. }
            | Finding::OwnNumberIllegalCallerId { .. } => Severity::Danger,
            Finding::CallerIdImplausible { .. }
            | Finding::TooShort
            | Finding::TooLong
            | Finding::InvalidLength { .. }
            | Finding::UnknownRange { .. }
            | Finding::PersonalNumber { abroad: Some(_) }
            | Finding::ChargedService { .. }
            | Finding::PriceAnnouncementCountry { .. }
            | Finding::LookalikeAreaCode { .. }
            | Finding::InternationalNetwork { .. }
            | Finding::OwnNumberOutsideWindow { .. } => Severity::Warning,
            Finding::Allowlisted {
                law_stands: true, ..
            } => Severity::Danger,
            Finding::Unverified { .. }
            | Finding::Geographic { .. }
            | Finding::Mobile { .. }
            | Finding::TollFree
            | Finding::SharedCost { .. }
            | Finding::Voip
            | Finding::PersonalNumber { abroad: None }
            | Finding::Uan
            | Finding::Voicemail
            | Finding::ShortNumber { .. }
            | Finding::OwnNumber { .. }
            | Finding::Allowlisted { .. } => Severity::Info,
        }
    }

    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Finding::CallerIdForbidden { .. } => "caller_id_forbidden",
            Finding::FakeEmergencyDisplay { .. } => "fake_emergency_display",
            Finding::AbolishedRange { .. } => "abolished_range",
            Finding::UnassignedRange => "unassigned_range",
            Finding::SubscriberStartsWithZero { .. } => "subscriber_starts_with_zero",
            Finding::NotDiallable => "not_diallable",
            Finding::CallerIdImplausible { .. } => "caller_id_implausible",
            Finding::TooShort => "too_short",
            Finding::TooLong => "too_long",
            Finding::InvalidLength { .. } => "invalid_length",
            Finding::UnknownRange { .. } => "unknown_range",
            Finding::ChargedService { .. } => "charged_service",
            Finding::WangiriCountry { .. } => "wangiri_country",
            Finding::BillingBanCountry { .. } => "billing_ban_country",
            Finding::PriceAnnouncementCountry { .. } => "price_announcement_country",
            Finding::LookalikeAreaCode { .. } => "lookalike_area_code",
            Finding::InternationalNetwork { .. } => "international_network",
            Finding::Unverified { .. } => "unverified_country",
            Finding::Geographic { .. } => "geographic",
            Finding::Mobile { .. } => "mobile",
            Finding::TollFree => "toll_free",
            Finding::SharedCost { .. } => "shared_cost",
            Finding::Voip => "voip",
            Finding::PersonalNumber { .. } => "personal_number",
            Finding::Uan => "uan",
            Finding::Voicemail => "voicemail",
            Finding::ShortNumber { .. } => "short_number",
            Finding::OwnNumber { .. } => "own_number",
            Finding::OwnNumberIllegalCallerId { .. } => "own_number_illegal_caller_id",
            Finding::OwnNumberOutsideWindow { .. } => "own_number_outside_window",
            Finding::Blocklisted { .. } => "blocklisted",
            Finding::Allowlisted { .. } => "allowlisted",
            Finding::SourceReport {
                verdict: ReputationVerdict::Spam,
                ..
            } => "source_spam",
            Finding::SourceReport {
                verdict: ReputationVerdict::Suspicious,
                ..
            } => "source_suspicious",
            Finding::SourceReport { .. } => "source_legitimate",
        }
    }

    /// True when the finding proves the displayed number was not the real caller, or
    /// the call broke the law: facts no allow list can overrule.
    pub fn means_spoofed(&self) -> bool {
        matches!(
            self,
            Finding::CallerIdForbidden { .. }
                | Finding::FakeEmergencyDisplay { .. }
                | Finding::AbolishedRange { .. }
                | Finding::UnassignedRange
                | Finding::SubscriberStartsWithZero { .. }
                | Finding::NotDiallable
        )
    }

    /// True for one of our vendors' numbers on the day of the call.
    pub fn means_own_vendor(&self) -> bool {
        matches!(
            self,
            Finding::OwnNumber { .. } | Finding::OwnNumberIllegalCallerId { .. }
        )
    }

    /// True when an online source reports the number as spam or fraud.
    pub fn means_reported_spam(&self) -> bool {
        matches!(
            self,
            Finding::SourceReport {
                verdict: ReputationVerdict::Spam,
                ..
            }
        )
    }

    /// True for the known cost traps (ping calls to expensive destinations, charged lines).
    pub fn means_cost_trap(&self) -> bool {
        matches!(
            self,
            Finding::WangiriCountry { .. }
                | Finding::BillingBanCountry { .. }
                | Finding::ChargedService { .. }
                | Finding::PersonalNumber { abroad: Some(_) }
        )
    }

    /// True for warnings an allow-list entry overrules: heuristics about calling codes,
    /// what sources report, and our own block entries. Never the law or the numbering plan.
    pub fn is_heuristic(&self) -> bool {
        matches!(
            self,
            Finding::WangiriCountry { .. }
                | Finding::BillingBanCountry { .. }
                | Finding::PriceAnnouncementCountry { .. }
                | Finding::LookalikeAreaCode { .. }
                | Finding::InternationalNetwork { .. }
                | Finding::Blocklisted { .. }
        ) || matches!(
            self,
            Finding::SourceReport {
                verdict: ReputationVerdict::Spam | ReputationVerdict::Suspicious,
                ..
            }
        )
    }
}

/// What the rules found, kept as not-yet-weighed reasons: weighing marks them in place,
/// so an assessment allocates one vector, not one for findings and one for reasons.
pub struct Findings(pub(super) Vec<Reason>);

impl Findings {
    /// Adds what a rule found.
    pub(super) fn push(&mut self, finding: Finding) {
        self.0.push(Reason {
            finding,
            overruled: false,
        });
    }
}

/// Runs every rule over the tables' answer.
pub fn collect(number: &PhoneNumber, class: &Classification, region: Region) -> Findings {
    // Most numbers get one to four findings: one allocation, no regrowth.
    let mut out = Findings(Vec::with_capacity(4));
    if let Some(shown) = fake_emergency_display(number, class) {
        out.push(Finding::FakeEmergencyDisplay { shown });
    }
    validity_rules(number, class, &mut out);
    caller_id_rules(class, &mut out);
    if let Some(country) = class.country() {
        country_rules(number, class, country, region, &mut out);
    }
    line_facts(class, &mut out);
    out
}

/// An emergency number dialled as a short code (`110`, `999`), or `110`/`112` behind
/// an area code (`030 110`) or as `+110`/`+112` (which no country's number can be: +1
/// numbers never start with 0 or 1).
fn fake_emergency_display(number: &PhoneNumber, class: &Classification) -> Option<String> {
    let police = |digits: &[u8]| digits.starts_with(b"110") || digits.starts_with(b"112");
    if number.is_short_code() {
        return (class.category() == Category::Emergency).then(|| number.national_number().into());
    }
    if police(number.e164_digits().as_bytes()) {
        return Some(number.to_string());
    }
    let subscriber = class.subscriber(number)?;
    police(subscriber).then(|| {
        let national = number.national_number();
        let area = national.len() - subscriber.len();
        format!("0{} {}", &national[..area], &national[area..])
    })
}

fn validity_rules(number: &PhoneNumber, class: &Classification, out: &mut Findings) {
    let country = class.country();
    match class.validity() {
        Validity::AbolishedRange => out.push(Finding::AbolishedRange {
            range: class.range(),
        }),
        Validity::UnassignedRange if !class.is_german() => {
            if let Some(country) = country {
                out.push(Finding::UnknownRange {
                    country,
                    region: class.region(),
                });
            }
        }
        Validity::UnassignedRange => match class.subscriber(number) {
            Some([b'0', ..]) => {
                let national = number.national_digits();
                let area = &national[..class.group_len().min(national.len())];
                out.push(Finding::SubscriberStartsWithZero {
                    area_code: Digits::from_ascii(area).unwrap_or_default(),
                });
            }
            _ => out.push(Finding::UnassignedRange),
        },
        Validity::NotDiallable => out.push(Finding::NotDiallable),
        Validity::TooShort => out.push(Finding::TooShort),
        Validity::TooLong => out.push(Finding::TooLong),
        Validity::InvalidLength => {
            if let Some(country) = country {
                out.push(Finding::InvalidLength {
                    country,
                    region: class.region(),
                });
            }
        }
        _ => {}
    }
}

fn caller_id_rules(class: &Classification, out: &mut Findings) {
    let category = class.category();
    match class.caller_id() {
        // The fake-police rule already said it, with the display.
        _ if category == Category::Emergency => {}
        CallerIdRule::Forbidden => out.push(Finding::CallerIdForbidden { category }),
        CallerIdRule::Implausible if class.is_valid() => {
            out.push(Finding::CallerIdImplausible { category })
        }
        _ => {}
    }
    let charged = matches!(
        category,
        Category::PremiumRate | Category::MassTraffic | Category::DirectoryInquiry
    ) || class.cost() == Some(Cost::PremiumRate);
    if charged {
        out.push(Finding::ChargedService {
            category,
            tariff: class.tariff(),
        });
    }
}

fn country_rules(
    number: &PhoneNumber,
    class: &Classification,
    country: CountryCode,
    region: Region,
    out: &mut Findings,
) {
    // A freephone number of a global network (+800) costs nothing to call back.
    if country.is_international_network() && class.category() != Category::TollFree {
        out.push(Finding::InternationalNetwork { country });
    }
    let Some(risky) = risky_code(country.value()) else {
        return;
    };
    if risky.wangiri {
        out.push(Finding::WangiriCountry { country });
    }
    if risky.billing_ban {
        out.push(Finding::BillingBanCountry { country });
    }
    if risky.price_announcement {
        out.push(Finding::PriceAnnouncementCountry { country });
    }
    if region == Region::DE && country.value() != DE_PLAN.country_code {
        if let Some(found) = lookalike(number, country) {
            out.push(found);
        }
    }
}

/// `00` + calling code + number, misread with one `0` as a German number.
fn lookalike(number: &PhoneNumber, country: CountryCode) -> Option<Finding> {
    let digits = number.e164_digits();
    let (record, place) = DE_PLAN.national.find_with_place(digits.as_bytes());
    let record = &DE_PLAN.records[usize::from(record)];
    let place = place_name(place)?;
    let area = digits.as_bytes().get(..usize::from(record.group_len))?;
    Some(Finding::LookalikeAreaCode {
        country,
        area_code: Digits::from_ascii(area)?,
        place,
    })
}

fn line_facts(class: &Classification, out: &mut Findings) {
    if class.validity() == Validity::Unverified {
        if let Some(country) = class.country().filter(|c| !c.is_international_network()) {
            out.push(Finding::Unverified {
                country,
                region: class.region(),
            });
        }
        return;
    }
    let abroad = class.country().filter(|_| !class.is_german());
    match class.category() {
        Category::FixedLine => {
            if let Some(place) = class.place() {
                out.push(Finding::Geographic { place });
            }
        }
        Category::Mobile => out.push(Finding::Mobile {
            operator: class.operator(),
        }),
        Category::TollFree => out.push(Finding::TollFree),
        Category::SharedCost => out.push(Finding::SharedCost {
            tariff: class.tariff(),
        }),
        Category::Voip => out.push(Finding::Voip),
        Category::PersonalNumber => out.push(Finding::PersonalNumber { abroad }),
        Category::Uan => out.push(Finding::Uan),
        Category::Voicemail => out.push(Finding::Voicemail),
        Category::ShortCode if abroad.is_some() => {
            if let (Some(region), Some(cost)) = (class.region(), class.cost()) {
                out.push(Finding::ShortNumber { region, cost });
            }
        }
        _ => {}
    }
}
