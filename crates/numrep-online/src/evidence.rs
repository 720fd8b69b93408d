//! A [`SourceReport`] in the core's terms, so `numrep::Checker` can weigh it.

use crate::engine::SourceReport;

impl SourceReport {
    /// This report as the core's [`numrep::SourceEvidence`] (for
    /// `Checker::check_with_sources` and the JSON `sources` array). Comments and
    /// votes stay apart.
    pub fn to_evidence(&self) -> numrep::SourceEvidence {
        let reputation = self.reputation.as_ref();
        numrep::SourceEvidence {
            name: self.name.clone(),
            kind: self.kind.as_str().to_string(),
            status: self.status,
            cached: self.cached,
            elapsed_ms: self.elapsed_ms,
            verdict: reputation.map(|r| r.verdict),
            risk_score: reputation.and_then(|r| r.risk),
            labels: reputation.map_or_else(Vec::new, |r| {
                r.labels.iter().chain(&r.caller_names).cloned().collect()
            }),
            comments: reputation.and_then(|r| r.comments),
            votes: reputation.and_then(|r| r.votes),
            summary: reputation
                .map(|r| r.summary.clone())
                .filter(|s| !s.is_empty()),
            error: self.error.clone(),
        }
    }
}
