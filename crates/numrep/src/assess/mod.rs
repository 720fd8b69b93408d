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

/// What the agent should do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Advice {
    /// The displayed number cannot be a real caller: it was spoofed or the call was illegal.
    SpoofedCallerId,
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
    let mut findings = findings::collect(number, class, region);
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

fn advice(findings: &[Finding], risk: Risk) -> Advice {
    if findings.iter().any(Finding::means_spoofed) {
        Advice::SpoofedCallerId
    } else if findings.iter().any(Finding::means_cost_trap) {
        Advice::DoNotCallBack
    } else if risk >= Risk::Medium {
        Advice::Verify
    } else {
        Advice::NoConcern
    }
}

pub use messages::{advice_code, advice_text, category_name};
