//! A [`SourceReport`] in the core's terms, so `numrep::Checker` can weigh it.

use crate::engine::SourceReport;

impl SourceReport {
    /// This report as the core's [`numrep::SourceEvidence`] (for
    /// `Checker::check_with_sources` and the JSON `sources` array). Comments and
    /// votes stay apart.
    pub fn to_evidence(&self) -> numrep::SourceEvidence {
        let reputation = self.reputation.as_ref();
        let mut evidence =
            numrep::SourceEvidence::answered(&self.name, self.kind.as_str(), self.status);
        evidence.cached = self.cached;
        evidence.elapsed_ms = self.elapsed_ms;
        evidence.verdict = reputation.map(|r| r.verdict);
        evidence.risk_score = reputation.and_then(|r| r.risk);
        evidence.labels = reputation.map_or_else(Vec::new, |r| {
            r.labels.iter().chain(&r.caller_names).cloned().collect()
        });
        evidence.comments = reputation.and_then(|r| r.comments);
        evidence.votes = reputation.and_then(|r| r.votes);
        evidence.summary = reputation
            .map(|r| r.summary.clone())
            .filter(|s| !s.is_empty());
        evidence.error = self.error.clone();
        evidence
    }
}
