//! What an online reputation source said, in the core's terms.
//!
//! The core asks nobody; `numrep-online` fills these in and the core weighs them
//! together with the tables and lists, so every verdict says which sources were asked.

use serde::{Deserialize, Serialize};

use crate::assess::Finding;

/// How asking one source ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceStatus {
    /// It answered.
    Ok,
    /// No answer before its timeout or the overall deadline.
    Timeout,
    /// It failed (HTTP error, malformed body, …).
    Error,
    /// Not asked (backing off after failures, or not applicable).
    Skipped,
}

impl SourceStatus {
    /// `ok`, `timeout`, `error` or `skipped`.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceStatus::Ok => "ok",
            SourceStatus::Timeout => "timeout",
            SourceStatus::Error => "error",
            SourceStatus::Skipped => "skipped",
        }
    }
}

/// A source's judgement of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReputationVerdict {
    /// Reported as spam, fraud or a cost trap.
    Spam,
    /// Mixed or mildly negative reports.
    Suspicious,
    /// Neither good nor bad.
    Neutral,
    /// Reported as legitimate.
    Legitimate,
    /// The source knows nothing useful.
    Unknown,
}

impl ReputationVerdict {
    /// The lowercase name used in JSON (`"spam"`, `"suspicious"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ReputationVerdict::Spam => "spam",
            ReputationVerdict::Suspicious => "suspicious",
            ReputationVerdict::Neutral => "neutral",
            ReputationVerdict::Legitimate => "legitimate",
            ReputationVerdict::Unknown => "unknown",
        }
    }
}

/// A source's error, as a code and a sentence (no URLs, keys or full numbers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceProblem {
    /// Stable code, e.g. `timeout`, `http_status`, `body_too_large`.
    pub code: String,
    /// Human-readable text.
    pub message: String,
}

/// One source's answer (or failure) for one number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceEvidence {
    /// The configured name.
    pub name: String,
    /// The adapter (`tellows`, `phoneblock`, `http_json`).
    pub kind: String,
    /// How asking it ended.
    pub status: SourceStatus,
    /// Served from the cache (nothing was sent).
    pub cached: bool,
    /// Time spent on it.
    pub elapsed_ms: u64,
    /// Its judgement, when it answered.
    pub verdict: Option<ReputationVerdict>,
    /// Its score normalised to 0–100 (higher = riskier), where it gives one.
    pub risk_score: Option<u8>,
    /// Caller types or labels it reports (`Telemarketer`, `G_FRAUD`).
    pub labels: Vec<String>,
    /// Number of user comments or votes.
    pub comments: Option<u64>,
    /// A short summary in the source's words (data, never markup).
    pub summary: Option<String>,
    /// Why it failed.
    pub error: Option<SourceProblem>,
}

impl SourceEvidence {
    /// The finding this answer contributes, if it says anything.
    pub fn finding(&self) -> Option<Finding> {
        let verdict = self.verdict.filter(|_| self.status == SourceStatus::Ok)?;
        matches!(
            verdict,
            ReputationVerdict::Spam | ReputationVerdict::Suspicious | ReputationVerdict::Legitimate
        )
        .then(|| Finding::SourceReport {
            source: self.name.clone(),
            verdict,
            labels: self.labels.join(", "),
            comments: self.comments,
        })
    }
}
