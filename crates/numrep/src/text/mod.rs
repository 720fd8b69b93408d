//! The message catalogue: every word an agent reads, one file per language
//! ([`en`], [`de`]).
//!
//! Texts are templates with named placeholders (`{vendor}`); they are rendered when a
//! report is written (JSON, CSV, text, the widget), never while it is computed, so a
//! lookup allocates no sentences. Each language file is one exhaustive `match` over
//! [`Msg`], so a key missing in one language does not compile; the tests check that
//! both languages use the same placeholders.

mod de;
mod en;

use std::fmt;

use crate::lang::Lang;

macro_rules! keys {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        /// A key of the catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub(crate) enum Msg {
            $($(#[$doc])* $name),*
        }

        impl Msg {
            /// Every key, for the catalogue tests.
            #[cfg(test)]
            pub(crate) const ALL: &'static [Msg] = &[$(Msg::$name),*];
        }
    };
}

keys! {
    // Labels of the text output, the CSV header texts and the widget.
    LabelInput, LabelError, LabelNumber, LabelNational, LabelExtension, LabelCountry,
    LabelKind, LabelValidity, LabelTariff, LabelPlace, LabelOperator, LabelCallerId,
    LabelOwnNumber, LabelRegister, LabelList, LabelSources, LabelRisk, LabelReasons,
    LabelAdvice, LabelSource, LabelCategory, LabelReason, LabelVendor, LabelCampaign,
    // Validity.
    ValidityValid, ValidityTooShort, ValidityTooLong, ValidityUnassignedRange,
    ValidityAbolishedRange, ValidityNotDiallable, ValidityUnknownCountryCode,
    ValidityUnverified, ValidityInvalidLength,
    // What a short number costs.
    CostTollFree, CostStandardRate, CostPremiumRate, CostUnknown,
    // Categories.
    CategoryFixedLine, CategoryMobile, CategoryFixedLineOrMobile, CategoryTollFree,
    CategoryPremiumRate, CategorySharedCost, CategoryPersonalNumber, CategoryVoip,
    CategoryPager, CategoryUan, CategoryVoicemail, CategoryMassTraffic,
    CategoryDirectoryInquiry, CategoryEmergency, CategorySocialService, CategoryAuthority,
    CategoryShortCode, CategoryOnlineService, CategoryCarrierSelection,
    CategoryClosedUserGroup, CategoryNetworkInternal, CategoryTestNumber,
    CategoryInternationalNetwork, CategoryUnknown,
    // Risk levels and severities.
    RiskLow, RiskMedium, RiskHigh, SeverityInfo, SeverityWarning, SeverityDanger,
    // The caller-ID verdict.
    CallerIdAllowed, CallerIdForbidden, CallerIdImplausible,
    // Own-number register and block/allow lists.
    RegisterNotConfigured, RegisterNotListed, RegisterListed, RegisterListedOutsideWindow,
    DecisionAllowed, DecisionBlocked, ListedBy,
    // How asking an online source ended.
    SourceOk, SourceOkCached, SourceTimeout, SourceError, SourceSkipped, SourceNotFound,
    SourceConfigError, FindingSourceVotes,
    // Why a source gave no answer.
    ProblemTimeout, ProblemLimitSource, ProblemLimitDeadline, ProblemBodyTooLarge,
    ProblemRedirect, ProblemRedirectStatus, ProblemUnknownHost, ProblemHttpStatus, ProblemWait,
    ProblemAuth, ProblemRateLimited, ProblemNetworkConnect, ProblemNetworkSend,
    ProblemNetworkReceive, ProblemParse, ProblemNoJson, ProblemExcerpt, ProblemMalformed,
    ProblemUnclosed, ProblemMissingField, ProblemInvalidField, ProblemUnknownValue,
    ProblemInsecureUrl, ProblemNotApplicable, ProblemBackoffFailures, ProblemBackoffRetryAfter,
    ProblemInvalidNumber, ProblemMissingCredential, ProblemBadCredential,
    // Advice.
    AdviceSpoofedCallerId, AdviceFakePolice, AdviceFakePoliceAbroad, AdviceVendorManagement,
    AdviceCheckRegistration, AdviceKnownBad, AdviceReportedSpam, AdviceDoNotCallBack, AdviceVerify, AdviceNoConcern,
    // Findings (reasons).
    FindingCallerIdForbidden, FindingFakeEmergencyDisplay, FindingAbolishedRange,
    FindingUnassignedRange, FindingSubscriberStartsWithZero, FindingNotDiallable,
    FindingCallerIdImplausible, FindingTooShort, FindingTooLong, FindingChargedService,
    FindingWangiriCountry, FindingBillingBanCountry, FindingPriceAnnouncementCountry,
    FindingLookalikeAreaCode, FindingInternationalNetwork, FindingUnverified,
    FindingGeographic, FindingMobile, FindingMobileOperator, FindingTollFree,
    FindingSharedCost, FindingVoip, FindingPersonalNumber, FindingOwnNumber,
    FindingOwnNumberContact, FindingOwnNumberIllegalCallerId, FindingOwnNumberExpired,
    FindingOwnNumberNotYetValid, FindingBlocklisted, FindingSourceSpam,
    FindingSourceSuspicious, FindingSourceLegitimate, FindingSourceComments,
    FindingAllowlisted, FindingAllowlistedLawStands, FindingOverruled,
    FindingEmergencyNumberDisplay, FindingInvalidLength, FindingUnknownRange, FindingUan,
    FindingVoicemail, FindingPersonalNumberAbroad, FindingShortNumber,
    // Why an input is not a number (`ParseError`).
    ErrorEmpty, ErrorNoDigits, ErrorNoNumberShown, ErrorInputTooLong, ErrorInvalidCharacter,
    ErrorTooShort, ErrorTooLong, ErrorUnknownCountryCode, ErrorMissingTrunkPrefix,
    ErrorInvalidNationalNumber, ErrorUnknownRegion, ErrorInvalidExtension,
    ErrorInvalidTelUri, ErrorUnknownWord, ErrorLettersInNumber, ErrorSeveralNumbers,
    ProblemZeroAfterTrunkPrefix, ProblemExtensionTooLong, ProblemEmptyExtension,
    ProblemNoNumberAfterScheme, ProblemExtensionNotDigits,
    // List files: errors, left-out rows, date and lookup-number reasons.
    ListDidYouMean, ListEmptyPattern, ListInvalidCharacter, ListMisplacedPlus,
    ListWildcardNotAtEnd, ListMissingPrefix, ListNationalWithoutCountryCode,
    ListInvalidCountryCodeStart, ListMissingDigits, ListPatternTooLong, ListInvalidCountryCode,
    ListInvalidDate, ListDateRangeReversed, ListInvalidLookupNumber, ListMissingColumn,
    ListDuplicateColumn, ListUnknownColumn, ListBadHeader, ListUnknownField, ListDuplicateField,
    ListUnbalancedQuote, ListValueWithoutColumn, ListMissingField, ListWrongFieldType,
    ListFieldTooLong, ListLineTooLong, ListNotAnObject, ListDuplicateOfLine, ListDuplicate,
    ListJson, ListJsonShape, ListTextTooLarge, ListTooManyEntries, ListUnknownFormat,
    ListNotAFile, ListNotFound, ListNotUtf8, ListUnreadable, ListEntryIndex, ListRowSkipped, ListRowsUnlisted,
    DateNotIsoOrGerman, DateNotGerman, DateYearNotDigits, DateMonthNotNumber, DateDayNotNumber,
    DateYearTooLarge, DateMonthOutOfRange, DateDayOutOfRange,
    LookupEmpty, LookupStartsWithZero, LookupTooLong, LookupNotDigits,
}

impl Msg {
    /// The template in `lang`.
    pub(crate) fn template(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => en::text(self),
            Lang::De => de::text(self),
        }
    }

    /// The text in `lang` for keys without placeholders.
    pub(crate) fn text(self, lang: Lang) -> &'static str {
        self.template(lang)
    }

    /// The template in `lang` with its placeholders filled from `args`, as a
    /// [`fmt::Display`] value (nothing is rendered until it is written).
    pub(crate) fn with<'a>(self, lang: Lang, args: &'a [Arg<'a>]) -> Rendered<'a> {
        Rendered {
            template: self.template(lang),
            args,
        }
    }
}

/// A named value for a placeholder.
pub(crate) type Arg<'a> = (&'static str, &'a dyn fmt::Display);

/// A template with its arguments; rendering happens in [`fmt::Display`].
pub(crate) struct Rendered<'a> {
    template: &'static str,
    args: &'a [Arg<'a>],
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.template;
        while let Some(open) = rest.find('{') {
            f.write_str(&rest[..open])?;
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                return f.write_str(&rest[open..]);
            };
            let name = &after[..close];
            match self.args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => value.fmt(f)?,
                None => write!(f, "{{{name}}}")?,
            }
            rest = &after[close + 1..];
        }
        f.write_str(rest)
    }
}

/// An optional value written with a fixed prefix and suffix (`", " + campaign`), or
/// nothing. Language-neutral punctuation around values from our lists.
pub(crate) struct Opt<'a, T: fmt::Display + ?Sized>(
    pub &'static str,
    pub Option<&'a T>,
    pub &'static str,
);

impl<T: fmt::Display + ?Sized> fmt::Display for Opt<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Some(value) => write!(f, "{}{value}{}", self.0, self.2),
            None => Ok(()),
        }
    }
}

/// A label an agent reads next to a value: in the CLI's text output, as CSV column
/// titles and in the widget. [`Label::text`] gives it in a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Label {
    /// The text as given.
    Input,
    /// Why the input is not a number.
    Error,
    /// The number in international format.
    Number,
    /// The number in national format.
    National,
    /// The extension.
    Extension,
    /// Country or network.
    Country,
    /// Kind of line and validity.
    Kind,
    /// Whether the number can exist.
    Validity,
    /// Tariff of a service number.
    Tariff,
    /// Place of a landline.
    Place,
    /// Original mobile operator.
    Operator,
    /// Whether the number can be a real caller ID.
    CallerId,
    /// Our own call-center registry entry.
    OwnNumber,
    /// What the own-number register said.
    Register,
    /// Block/allow decision.
    List,
    /// Online sources.
    Sources,
    /// Risk level.
    Risk,
    /// Reasons.
    Reasons,
    /// What to do next.
    Advice,
    /// Where the range facts come from.
    Source,
    /// Kind of line (table column).
    Category,
    /// The first reason (table column).
    Reason,
    /// Vendor of an own number (table column).
    Vendor,
    /// Campaign of an own number.
    Campaign,
}

impl Label {
    /// Every label, in the order the text output shows them.
    pub const ALL: [Label; 24] = [
        Label::Input,
        Label::Error,
        Label::Number,
        Label::National,
        Label::Extension,
        Label::Country,
        Label::Kind,
        Label::Validity,
        Label::Tariff,
        Label::Place,
        Label::Operator,
        Label::CallerId,
        Label::OwnNumber,
        Label::Register,
        Label::List,
        Label::Sources,
        Label::Risk,
        Label::Reasons,
        Label::Advice,
        Label::Source,
        Label::Category,
        Label::Reason,
        Label::Vendor,
        Label::Campaign,
    ];

    /// A stable snake_case name (keys of the widget's label object).
    pub const fn name(self) -> &'static str {
        match self {
            Label::Input => "input",
            Label::Error => "error",
            Label::Number => "number",
            Label::National => "national",
            Label::Extension => "extension",
            Label::Country => "country",
            Label::Kind => "kind",
            Label::Validity => "validity",
            Label::Tariff => "tariff",
            Label::Place => "place",
            Label::Operator => "operator",
            Label::CallerId => "caller_id",
            Label::OwnNumber => "own_number",
            Label::Register => "register",
            Label::List => "list",
            Label::Sources => "sources",
            Label::Risk => "risk",
            Label::Reasons => "reasons",
            Label::Advice => "advice",
            Label::Source => "source",
            Label::Category => "category",
            Label::Reason => "reason",
            Label::Vendor => "vendor",
            Label::Campaign => "campaign",
        }
    }

    /// The label in `lang` (`Anruferkennung`, `Caller ID`).
    pub fn text(self, lang: Lang) -> &'static str {
        self.msg().text(lang)
    }

    fn msg(self) -> Msg {
        match self {
            Label::Input => Msg::LabelInput,
            Label::Error => Msg::LabelError,
            Label::Number => Msg::LabelNumber,
            Label::National => Msg::LabelNational,
            Label::Extension => Msg::LabelExtension,
            Label::Country => Msg::LabelCountry,
            Label::Kind => Msg::LabelKind,
            Label::Validity => Msg::LabelValidity,
            Label::Tariff => Msg::LabelTariff,
            Label::Place => Msg::LabelPlace,
            Label::Operator => Msg::LabelOperator,
            Label::CallerId => Msg::LabelCallerId,
            Label::OwnNumber => Msg::LabelOwnNumber,
            Label::Register => Msg::LabelRegister,
            Label::List => Msg::LabelList,
            Label::Sources => Msg::LabelSources,
            Label::Risk => Msg::LabelRisk,
            Label::Reasons => Msg::LabelReasons,
            Label::Advice => Msg::LabelAdvice,
            Label::Source => Msg::LabelSource,
            Label::Category => Msg::LabelCategory,
            Label::Reason => Msg::LabelReason,
            Label::Vendor => Msg::LabelVendor,
            Label::Campaign => Msg::LabelCampaign,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn placeholders(template: &str) -> BTreeSet<&str> {
        template
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect()
    }

    /// Texts that are the same word in both languages.
    const SAME_IN_BOTH: [Msg; 3] = [
        Msg::LabelNational,
        Msg::LabelRegister,
        Msg::ProblemRedirectStatus,
    ];

    #[test]
    fn every_key_has_both_languages_with_the_same_placeholders() {
        for &msg in Msg::ALL {
            let (en, de) = (msg.template(Lang::En), msg.template(Lang::De));
            assert!(
                !en.trim().is_empty() && !de.trim().is_empty(),
                "{msg:?} is empty"
            );
            assert_eq!(
                placeholders(en),
                placeholders(de),
                "{msg:?}: placeholders differ"
            );
            assert_eq!(
                en.matches('{').count(),
                en.matches('}').count(),
                "{msg:?}: unbalanced braces in {en:?}"
            );
            if !SAME_IN_BOTH.contains(&msg) {
                assert_ne!(en, de, "{msg:?} is not translated");
            }
        }
    }

    #[test]
    fn german_texts_are_german() {
        // Words from the English texts that must never reach a German agent.
        for &msg in Msg::ALL {
            let de = msg.template(Lang::De);
            for english in [" the ", " number ", "caller", "valid", "unknown", " call "] {
                assert!(
                    !de.to_lowercase().contains(english),
                    "{msg:?}: {english:?} in German text {de:?}"
                );
            }
        }
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        let args: [Arg<'_>; 1] = [("vendor", &"Callcenter Nord")];
        let text = Msg::FindingOwnNumberExpired
            .with(Lang::En, &args)
            .to_string();
        assert!(text.contains("Callcenter Nord"), "{text}");
        assert!(
            text.contains("{to}"),
            "missing argument stays visible: {text}"
        );
    }

    #[test]
    fn labels_are_distinct_per_language() {
        for lang in [Lang::En, Lang::De] {
            let texts: BTreeSet<&str> = Label::ALL.iter().map(|l| l.text(lang)).collect();
            assert_eq!(texts.len(), Label::ALL.len(), "duplicate label in {lang:?}");
        }
        assert_eq!(Label::CallerId.text(Lang::De), "Anruferkennung");
        assert_eq!(Label::Advice.text(Lang::De), "Empfehlung");
    }
}
