//! Rules over a classification → findings a person can read, a risk level, the
//! caller-ID verdict, and advice.
//!
//! Every risk comes with its reasons; no bare scores. Findings from our lists and
//! online sources are weighed together with the tables' findings in one pass:
//! an allow-list entry overrules heuristics (calling-code warnings, source reports,
//! block entries) but never the law or the numbering plan.

mod findings;
mod messages;

use serde::Serialize;

pub use findings::{Finding, Severity};
pub use messages::FindingText;

use crate::classify::{Classification, Validity};
use crate::number::PhoneNumber;
use crate::order;
use crate::plan::CallerIdRule;
use crate::region::Region;

/// Overall risk: the highest severity among the findings that stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Risk {
    /// Nothing against the number.
    Low,
    /// Something to check.
    Medium,
    /// The number is forged, illegal as caller ID, or a known scam pattern.
    High,
}

impl Risk {
    /// `low`, `medium` or `high`.
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::Low => "low",
            Risk::Medium => "medium",
            Risk::High => "high",
        }
    }
}

/// What the agent should do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Advice {
    /// The displayed number cannot be a real caller: it was spoofed or the call was illegal.
    SpoofedCallerId,
    /// 110/112 on the display, a German emergency number: the fake-police scam; the
    /// customer calls 110.
    FakePolice,
    /// Another country's emergency number on the display (`999` in GB, `911` in the
    /// US): the same scam, reported to the police where the customer is (110 is
    /// Germany's number only).
    FakePoliceAbroad,
    /// One of our own call centers: vendor management, not security.
    VendorManagement,
    /// Registered to one of our vendors, but not for the day of the call.
    CheckRegistration,
    /// On our block list.
    KnownBad,
    /// Online reputation sources report it as spam or fraud.
    ReportedSpam,
    /// A known cost trap: do not call back.
    DoNotCallBack,
    /// Not clearly bad: check before acting.
    Verify,
    /// An ordinary number.
    NoConcern,
}

/// A finding with the weight it has in this assessment.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Reason {
    finding: Finding,
    overruled: bool,
}

impl Reason {
    /// What was found.
    pub fn finding(&self) -> &Finding {
        &self.finding
    }

    /// Stable code, e.g. `caller_id_forbidden`.
    pub fn code(&self) -> &'static str {
        self.finding.code()
    }

    /// How much it weighs here: `info` when an allow-list entry overrules it.
    pub fn severity(&self) -> Severity {
        if self.overruled {
            Severity::Info
        } else {
            self.finding.severity()
        }
    }

    /// True when an allow-list entry overrules this (heuristic) finding.
    pub fn is_overruled(&self) -> bool {
        self.overruled
    }

    /// The sentence in `lang` (prefixed with "overruled by our allow list" when it is).
    pub fn message(&self, lang: crate::Lang) -> ReasonText<'_> {
        ReasonText { reason: self, lang }
    }
}

/// A reason's sentence, rendered when displayed ([`Reason::message`]).
#[derive(Clone, Copy, Debug)]
pub struct ReasonText<'a> {
    reason: &'a Reason,
    lang: crate::Lang,
}

impl std::fmt::Display for ReasonText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = self.reason.finding.message(self.lang);
        if self.reason.overruled {
            let args: [crate::text::Arg<'_>; 1] = [("message", &text)];
            crate::text::Msg::FindingOverruled
                .with(self.lang, &args)
                .fmt(f)
        } else {
            text.fmt(f)
        }
    }
}

/// Findings, risk, caller-ID verdict and advice for one number.
#[derive(Debug, Clone)]
pub struct Assessment {
    risk: Risk,
    reasons: Vec<Reason>,
    advice: Advice,
    caller_id: CallerIdRule,
}

impl Assessment {
    /// Risk level.
    pub fn risk(&self) -> Risk {
        self.risk
    }

    /// Reasons, most severe first.
    pub fn reasons(&self) -> &[Reason] {
        &self.reasons
    }

    /// Next step.
    pub fn advice(&self) -> Advice {
        self.advice
    }

    /// Whether the number can be a real caller's number: the one verdict that JSON's
    /// `caller_id` and `caller_id_allowed` both come from.
    pub fn caller_id(&self) -> CallerIdRule {
        self.caller_id
    }
}

/// Applies the rules. `region` is where the number was seen (for look-alike codes).
pub fn assess(number: &PhoneNumber, class: &Classification, region: Region) -> Assessment {
    assess_with(number, class, region, Vec::new())
}

/// [`assess`] plus findings from elsewhere (our lists, online sources), weighed together.
pub fn assess_with(
    number: &PhoneNumber,
    class: &Classification,
    region: Region,
    more: Vec<Finding>,
) -> Assessment {
    let mut found = findings::collect(number, class, region);
    found.0.extend(more.into_iter().map(|finding| Reason {
        finding,
        overruled: false,
    }));
    let mut reasons = found.0;
    vendor_breaks_law(&mut reasons);
    let caller_id = caller_id(class, &reasons);
    weigh(&mut reasons);
    // A report's reasons: a few findings of each kind at most.
    order::sort_short_by_key(&mut reasons, |r| std::cmp::Reverse(r.severity()));
    let risk = reasons
        .iter()
        .map(Reason::severity)
        .max()
        .map_or(Risk::Low, Severity::risk);
    let advice = advice(&reasons, risk, number);
    Assessment {
        risk,
        reasons,
        advice,
        caller_id,
    }
}

/// Our own vendor showing a § 120 number is not a spoofed display: say who breaks the law.
fn vendor_breaks_law(reasons: &mut [Reason]) {
    let Some(vendor) = reasons.iter().find_map(|r| match &r.finding {
        Finding::OwnNumber { vendor, .. } => Some(vendor.clone()),
        _ => None,
    }) else {
        return;
    };
    for reason in reasons.iter_mut() {
        if let Finding::CallerIdForbidden { category } = reason.finding {
            reason.finding = Finding::OwnNumberIllegalCallerId {
                vendor: vendor.clone(),
                category,
            };
        }
    }
}

/// One caller-ID verdict from the range rule, the validity and the findings.
fn caller_id(class: &Classification, reasons: &[Reason]) -> CallerIdRule {
    let forbidden = reasons.iter().any(|r| {
        matches!(
            r.finding,
            Finding::FakeEmergencyDisplay { .. }
                | Finding::CallerIdForbidden { .. }
                | Finding::OwnNumberIllegalCallerId { .. }
        )
    });
    if forbidden || class.caller_id() == CallerIdRule::Forbidden {
        CallerIdRule::Forbidden
    } else if !matches!(class.validity(), Validity::Valid | Validity::Unverified)
        || class.caller_id() == CallerIdRule::Implausible
    {
        // A number that cannot exist cannot have called.
        CallerIdRule::Implausible
    } else {
        CallerIdRule::Allowed
    }
}

/// Marks what an allow-list entry overrules, and tells the entry whether the law stands.
fn weigh(reasons: &mut [Reason]) {
    let allowlisted = reasons
        .iter()
        .any(|r| matches!(r.finding, Finding::Allowlisted { .. }));
    if !allowlisted {
        return;
    }
    let overruled_count = reasons.iter().filter(|r| r.finding.is_heuristic()).count();
    let law = reasons.iter().any(|r| r.finding.means_spoofed());
    for reason in reasons.iter_mut() {
        if let Finding::Allowlisted {
            overruled,
            law_stands,
            ..
        } = &mut reason.finding
        {
            *overruled = overruled_count;
            *law_stands = law;
        }
        reason.overruled = reason.finding.is_heuristic();
    }
}

/// The first rule that applies, in order of how much it changes what the agent does.
fn advice(reasons: &[Reason], risk: Risk, number: &PhoneNumber) -> Advice {
    let any = |test: fn(&Finding) -> bool| reasons.iter().any(|r| !r.overruled && test(&r.finding));
    if any(Finding::means_own_vendor) {
        Advice::VendorManagement
    } else if any(|f| matches!(f, Finding::FakeEmergencyDisplay { .. })) {
        // Only a short code belongs to another country's emergency services; 110/112
        // behind an area code or as `+110` is the German scam.
        if number.is_short_code() && number.country_code() != Region::DE.country_code() {
            Advice::FakePoliceAbroad
        } else {
            Advice::FakePolice
        }
    } else if any(Finding::means_spoofed) {
        Advice::SpoofedCallerId
    } else if any(|f| matches!(f, Finding::Blocklisted { .. })) {
        Advice::KnownBad
    } else if any(|f| matches!(f, Finding::OwnNumberOutsideWindow { .. })) {
        Advice::CheckRegistration
    } else if any(Finding::means_reported_spam) {
        Advice::ReportedSpam
    } else if any(Finding::means_cost_trap) {
        Advice::DoNotCallBack
    } else if risk >= Risk::Medium {
        Advice::Verify
    } else {
        Advice::NoConcern
    }
}
