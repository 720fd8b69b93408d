//! Rules over a classification → findings a person can read, a risk level, and advice.
//!
//! Every risk comes with its reasons; no bare scores.

mod findings;
mod messages;

use serde::Serialize;

pub use findings::{Finding, Severity};

use crate::classify::Classification;
use crate::number::PhoneNumber;
use crate::region::Region;

/// Overall risk: the highest severity among the findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
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
    /// One of our own call centers: vendor management, not security.
    VendorManagement,
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

/// Findings, risk and advice for one number.
#[derive(Debug, Clone)]
pub struct Assessment {
    /// Risk level.
    pub risk: Risk,
    /// Reasons, most severe first.
    pub findings: Vec<Finding>,
    /// Next step.
    pub advice: Advice,
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
    let mut findings = findings::collect(number, class, region);
    findings.extend(more);
    Assessment::from_findings(findings)
}

impl Assessment {
    /// Risk and advice for a set of findings (from the tables, lists and sources).
    pub fn from_findings(mut findings: Vec<Finding>) -> Assessment {
        findings.sort_by_key(|f| std::cmp::Reverse(f.severity()));
        let risk = findings
            .iter()
            .map(Finding::severity)
            .max()
            .map_or(Risk::Low, Severity::risk);
        let advice = advice(&findings, risk);
        Assessment {
            risk,
            findings,
            advice,
        }
    }
}

/// The first rule that applies, in order of how much it changes what the agent does.
fn advice(findings: &[Finding], risk: Risk) -> Advice {
    let any = |f: fn(&Finding) -> bool| findings.iter().any(f);
    if any(Finding::means_spoofed) {
        Advice::SpoofedCallerId
    } else if any(Finding::means_own_vendor) {
        Advice::VendorManagement
    } else if any(|f| matches!(f, Finding::Blocklisted { .. })) {
        Advice::KnownBad
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

pub use messages::{advice_code, advice_text, category_name};
