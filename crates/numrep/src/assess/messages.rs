//! Findings, advice and the enums an agent reads, as texts from the catalogue.
//!
//! Nothing here allocates: every text is a [`fmt::Display`] value rendered when the
//! report is written.

use std::fmt::{self, Display as _};

use super::{Advice, Finding, Risk, Severity};
use crate::classify::Tariff;
use crate::classify::Validity;
use crate::country_code::CountryCode;
use crate::evidence::{ReputationVerdict, SourceEvidence, SourceStatus};
use crate::lang::Lang;
use crate::lists::Decision;
use crate::plan::world::METADATA_VERSION;
use crate::plan::{CallerIdRule, Category};
use crate::region::Region;
use crate::text::{Arg, Msg, Opt};

impl Finding {
    /// The finding as one or two sentences in `lang`.
    pub fn message(&self, lang: Lang) -> FindingText<'_> {
        FindingText {
            finding: self,
            lang,
        }
    }
}

/// A finding's sentence, rendered when displayed ([`Finding::message`]).
#[derive(Clone, Copy, Debug)]
pub struct FindingText<'a> {
    finding: &'a Finding,
    lang: Lang,
}

/// The name of a region, or else of its calling code, in the text's language.
struct CountryName(CountryCode, Option<Region>, Lang);

impl fmt::Display for CountryName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self.1 {
            Some(region) => Some(region.name(self.2)),
            None => self.0.name(self.2),
        };
        match name {
            Some(name) => f.write_str(name),
            None => write!(f, "+{}", self.0),
        }
    }
}

/// `: 0900-5: €1.99/min` or nothing.
struct TariffText(Option<Tariff>, Lang);

impl fmt::Display for TariffText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(t) => write!(f, ": {}", t.description(self.1)),
            None => Ok(()),
        }
    }
}

impl fmt::Display for FindingText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = self.lang;
        match self.finding {
            Finding::CallerIdForbidden { category } => say(
                f,
                lang,
                Msg::FindingCallerIdForbidden,
                &[("category", &category.text(lang))],
            ),
            Finding::FakeEmergencyDisplay { shown } => {
                // A short code is any country's emergency number (`110`, `999`); only the
                // German forms (`030 110`, `+110`) carry more than digits.
                let german_form = !shown.bytes().all(|b| b.is_ascii_digit());
                let msg = if german_form {
                    Msg::FindingFakeEmergencyDisplay
                } else {
                    Msg::FindingEmergencyNumberDisplay
                };
                say(f, lang, msg, &[("shown", shown)])
            }
            Finding::AbolishedRange { range } => {
                let name = range.map_or("", |r| r.name(lang));
                say(f, lang, Msg::FindingAbolishedRange, &[("range", &name)])
            }
            Finding::UnassignedRange => say(f, lang, Msg::FindingUnassignedRange, &[]),
            Finding::SubscriberStartsWithZero { area_code } => {
                let area = Opt("0", Some(area_code), "");
                say(
                    f,
                    lang,
                    Msg::FindingSubscriberStartsWithZero,
                    &[("area_code", &area)],
                )
            }
            Finding::NotDiallable => say(f, lang, Msg::FindingNotDiallable, &[]),
            Finding::CallerIdImplausible { category } => say(
                f,
                lang,
                Msg::FindingCallerIdImplausible,
                &[("category", &category.text(lang))],
            ),
            Finding::TooShort => say(f, lang, Msg::FindingTooShort, &[]),
            Finding::TooLong => say(f, lang, Msg::FindingTooLong, &[]),
            Finding::InvalidLength { country, region } => say(
                f,
                lang,
                Msg::FindingInvalidLength,
                &[("country", &CountryName(*country, *region, lang))],
            ),
            Finding::UnknownRange { country, region } => say(
                f,
                lang,
                Msg::FindingUnknownRange,
                &[
                    ("country", &CountryName(*country, *region, lang)),
                    ("code", country),
                    ("version", &METADATA_VERSION),
                ],
            ),
            Finding::ChargedService { category, tariff } => say(
                f,
                lang,
                Msg::FindingChargedService,
                &[
                    ("category", &category.text(lang)),
                    ("tariff", &TariffText(*tariff, lang)),
                ],
            ),
            Finding::WangiriCountry { country } => {
                country_msg(f, Msg::FindingWangiriCountry, *country, lang)
            }
            Finding::BillingBanCountry { country } => {
                country_msg(f, Msg::FindingBillingBanCountry, *country, lang)
            }
            Finding::PriceAnnouncementCountry { country } => {
                country_msg(f, Msg::FindingPriceAnnouncementCountry, *country, lang)
            }
            Finding::InternationalNetwork { country } => {
                country_msg(f, Msg::FindingInternationalNetwork, *country, lang)
            }
            Finding::LookalikeAreaCode {
                country,
                area_code,
                place,
            } => say(
                f,
                lang,
                Msg::FindingLookalikeAreaCode,
                &[
                    ("code", country),
                    ("area_code", area_code),
                    ("place", place),
                    ("country", &CountryName(*country, None, lang)),
                ],
            ),
            Finding::Unverified { country, region } => say(
                f,
                lang,
                Msg::FindingUnverified,
                &[
                    ("code", country),
                    ("country", &CountryName(*country, *region, lang)),
                ],
            ),
            Finding::Geographic { place } => {
                say(f, lang, Msg::FindingGeographic, &[("place", place)])
            }
            Finding::Mobile { operator: None } => say(f, lang, Msg::FindingMobile, &[]),
            Finding::Mobile {
                operator: Some(operator),
            } => say(
                f,
                lang,
                Msg::FindingMobileOperator,
                &[("operator", operator)],
            ),
            Finding::TollFree => say(f, lang, Msg::FindingTollFree, &[]),
            Finding::SharedCost { tariff } => say(
                f,
                lang,
                Msg::FindingSharedCost,
                &[("tariff", &TariffText(*tariff, lang))],
            ),
            Finding::Voip => say(f, lang, Msg::FindingVoip, &[]),
            Finding::PersonalNumber { abroad: None } => {
                say(f, lang, Msg::FindingPersonalNumber, &[])
            }
            Finding::PersonalNumber {
                abroad: Some(country),
            } => country_msg(f, Msg::FindingPersonalNumberAbroad, *country, lang),
            Finding::Uan => say(f, lang, Msg::FindingUan, &[]),
            Finding::Voicemail => say(f, lang, Msg::FindingVoicemail, &[]),
            Finding::ShortNumber { region, cost } => say(
                f,
                lang,
                Msg::FindingShortNumber,
                &[("country", &region.name(lang)), ("cost", &cost.text(lang))],
            ),
            Finding::OwnNumber {
                vendor,
                campaign,
                contact,
            } => {
                let contact_args: [Arg<'_>; 1] = [("contact", &contact.as_deref().unwrap_or(""))];
                let contact_text = contact
                    .as_ref()
                    .map(|_| Msg::FindingOwnNumberContact.with(lang, &contact_args));
                say(
                    f,
                    lang,
                    Msg::FindingOwnNumber,
                    &[
                        ("vendor", vendor),
                        ("campaign", &Opt(", ", campaign.as_deref(), "")),
                        ("contact", &Opt("", contact_text.as_ref(), "")),
                    ],
                )
            }
            Finding::OwnNumberIllegalCallerId { vendor, category } => say(
                f,
                lang,
                Msg::FindingOwnNumberIllegalCallerId,
                &[("vendor", vendor), ("category", &category.text(lang))],
            ),
            Finding::OwnNumberOutsideWindow {
                vendor,
                campaign,
                from,
                to,
            } => {
                let campaign = Opt(", ", campaign.as_deref(), "");
                match (to, from) {
                    (Some(to), _) => say(
                        f,
                        lang,
                        Msg::FindingOwnNumberExpired,
                        &[("vendor", vendor), ("campaign", &campaign), ("to", to)],
                    ),
                    (None, from) => say(
                        f,
                        lang,
                        Msg::FindingOwnNumberNotYetValid,
                        &[
                            ("vendor", vendor),
                            ("campaign", &campaign),
                            ("from", &from.as_deref().unwrap_or("…")),
                        ],
                    ),
                }
            }
            Finding::Blocklisted {
                pattern,
                category,
                note,
            } => say(
                f,
                lang,
                Msg::FindingBlocklisted,
                &[
                    ("pattern", pattern),
                    ("category", &Opt(" [", category.as_deref(), "]")),
                    ("note", &Opt(": ", note.as_deref(), "")),
                ],
            ),
            Finding::SourceReport {
                source,
                verdict,
                labels,
                comments,
                votes,
            } => {
                let msg = match verdict {
                    ReputationVerdict::Spam => Msg::FindingSourceSpam,
                    ReputationVerdict::Suspicious => Msg::FindingSourceSuspicious,
                    _ => Msg::FindingSourceLegitimate,
                };
                let (count_msg, count) = match (comments, votes) {
                    (Some(n), _) => (Msg::FindingSourceComments, Some(n)),
                    (None, Some(n)) => (Msg::FindingSourceVotes, Some(n)),
                    (None, None) => (Msg::FindingSourceComments, None),
                };
                let count_args: [Arg<'_>; 1] = [("count", count.unwrap_or(&0u64))];
                let comments_text = count.map(|_| count_msg.with(lang, &count_args));
                let labels = (!labels.is_empty()).then_some(labels.as_str());
                say(
                    f,
                    lang,
                    msg,
                    &[
                        ("source", source),
                        ("labels", &Opt(" (", labels, ")")),
                        ("comments", &Opt("", comments_text.as_ref(), "")),
                    ],
                )
            }
            Finding::Allowlisted {
                pattern,
                note,
                overruled,
                law_stands,
            } => say(
                f,
                lang,
                if *law_stands {
                    Msg::FindingAllowlistedLawStands
                } else {
                    Msg::FindingAllowlisted
                },
                &[
                    ("pattern", pattern),
                    ("note", &Opt(": ", note.as_deref(), "")),
                    ("overruled", overruled),
                ],
            ),
        }
    }
}

/// Renders `msg` with `args` in `lang`.
fn say(f: &mut fmt::Formatter<'_>, lang: Lang, msg: Msg, args: &[Arg<'_>]) -> fmt::Result {
    msg.with(lang, args).fmt(f)
}

/// A message about a calling code: `+{code} ({country})`.
fn country_msg(
    f: &mut fmt::Formatter<'_>,
    msg: Msg,
    country: CountryCode,
    lang: Lang,
) -> fmt::Result {
    msg.with(
        lang,
        &[
            ("code", &country),
            ("country", &CountryName(country, None, lang)),
        ],
    )
    .fmt(f)
}

impl Advice {
    /// The advice's stable code.
    pub fn code(self) -> &'static str {
        match self {
            Advice::SpoofedCallerId => "spoofed_caller_id",
            Advice::FakePolice => "fake_police",
            Advice::FakePoliceAbroad => "fake_police_abroad",
            Advice::VendorManagement => "vendor_management",
            Advice::CheckRegistration => "check_registration",
            Advice::KnownBad => "known_bad",
            Advice::ReportedSpam => "reported_spam",
            Advice::DoNotCallBack => "do_not_call_back",
            Advice::Verify => "verify",
            Advice::NoConcern => "no_concern",
        }
    }

    /// What to tell the customer and whom to involve, in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let msg = match self {
            Advice::SpoofedCallerId => Msg::AdviceSpoofedCallerId,
            Advice::FakePolice => Msg::AdviceFakePolice,
            Advice::FakePoliceAbroad => Msg::AdviceFakePoliceAbroad,
            Advice::VendorManagement => Msg::AdviceVendorManagement,
            Advice::CheckRegistration => Msg::AdviceCheckRegistration,
            Advice::KnownBad => Msg::AdviceKnownBad,
            Advice::ReportedSpam => Msg::AdviceReportedSpam,
            Advice::DoNotCallBack => Msg::AdviceDoNotCallBack,
            Advice::Verify => Msg::AdviceVerify,
            Advice::NoConcern => Msg::AdviceNoConcern,
        };
        msg.text(lang)
    }
}

impl Risk {
    /// The level in words (`hoch`, `high`).
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Risk::Low => Msg::RiskLow,
            Risk::Medium => Msg::RiskMedium,
            Risk::High => Msg::RiskHigh,
        }
        .text(lang)
    }
}

impl Severity {
    /// The severity in words (`Warnung`, `warning`).
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Severity::Info => Msg::SeverityInfo,
            Severity::Warning => Msg::SeverityWarning,
            Severity::Danger => Msg::SeverityDanger,
        }
        .text(lang)
    }
}

impl Category {
    /// The kind of line in running text (`Premium-Dienst`, `premium rate`).
    pub fn text(self, lang: Lang) -> &'static str {
        let msg = match self {
            Category::FixedLine => Msg::CategoryFixedLine,
            Category::Mobile => Msg::CategoryMobile,
            Category::FixedLineOrMobile => Msg::CategoryFixedLineOrMobile,
            Category::TollFree => Msg::CategoryTollFree,
            Category::PremiumRate => Msg::CategoryPremiumRate,
            Category::SharedCost => Msg::CategorySharedCost,
            Category::PersonalNumber => Msg::CategoryPersonalNumber,
            Category::Voip => Msg::CategoryVoip,
            Category::Pager => Msg::CategoryPager,
            Category::Uan => Msg::CategoryUan,
            Category::Voicemail => Msg::CategoryVoicemail,
            Category::MassTraffic => Msg::CategoryMassTraffic,
            Category::DirectoryInquiry => Msg::CategoryDirectoryInquiry,
            Category::Emergency => Msg::CategoryEmergency,
            Category::SocialService => Msg::CategorySocialService,
            Category::Authority => Msg::CategoryAuthority,
            Category::ShortCode => Msg::CategoryShortCode,
            Category::OnlineService => Msg::CategoryOnlineService,
            Category::CarrierSelection => Msg::CategoryCarrierSelection,
            Category::ClosedUserGroup => Msg::CategoryClosedUserGroup,
            Category::NetworkInternal => Msg::CategoryNetworkInternal,
            Category::TestNumber => Msg::CategoryTestNumber,
            Category::InternationalNetwork => Msg::CategoryInternationalNetwork,
            Category::Unknown => Msg::CategoryUnknown,
        };
        msg.text(lang)
    }
}

impl Validity {
    /// Whether the number can exist, in words (`zu kurz`, `too short`).
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Validity::Valid => Msg::ValidityValid,
            Validity::TooShort => Msg::ValidityTooShort,
            Validity::TooLong => Msg::ValidityTooLong,
            Validity::InvalidLength => Msg::ValidityInvalidLength,
            Validity::UnassignedRange => Msg::ValidityUnassignedRange,
            Validity::AbolishedRange => Msg::ValidityAbolishedRange,
            Validity::NotDiallable => Msg::ValidityNotDiallable,
            Validity::UnknownCountryCode => Msg::ValidityUnknownCountryCode,
            Validity::Unverified => Msg::ValidityUnverified,
        }
        .text(lang)
    }
}

impl CallerIdRule {
    /// `allowed`, `forbidden` or `implausible`.
    pub fn as_str(self) -> &'static str {
        match self {
            CallerIdRule::Allowed => "allowed",
            CallerIdRule::Forbidden => "forbidden",
            CallerIdRule::Implausible => "implausible",
        }
    }

    /// The caller-ID verdict in words (`VERBOTEN: …`, `FORBIDDEN: …`).
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            CallerIdRule::Allowed => Msg::CallerIdAllowed,
            CallerIdRule::Forbidden => Msg::CallerIdForbidden,
            CallerIdRule::Implausible => Msg::CallerIdImplausible,
        }
        .text(lang)
    }
}

impl Decision {
    /// `allowed`, `blocked` or `not_listed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Allowed => "allowed",
            Decision::Blocked => "blocked",
            Decision::NotListed => "not_listed",
        }
    }

    /// The decision in words (`GESPERRT`, `BLOCKED`); empty for [`Decision::NotListed`].
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Decision::Allowed => Msg::DecisionAllowed.text(lang),
            Decision::Blocked => Msg::DecisionBlocked.text(lang),
            Decision::NotListed => "",
        }
    }
}

impl SourceEvidence {
    /// How asking the source ended, in words (`ZEITÜBERSCHREITUNG`, `ok (from the cache)`).
    pub fn status_text(&self, lang: Lang) -> &'static str {
        match self.status {
            SourceStatus::Ok if self.cached => Msg::SourceOkCached,
            SourceStatus::Ok => Msg::SourceOk,
            SourceStatus::Timeout => Msg::SourceTimeout,
            SourceStatus::Error => Msg::SourceError,
            SourceStatus::Skipped => Msg::SourceSkipped,
            SourceStatus::NotFound => Msg::SourceNotFound,
            SourceStatus::ConfigError => Msg::SourceConfigError,
        }
        .text(lang)
    }
}
