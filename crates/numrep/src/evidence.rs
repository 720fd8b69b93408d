//! What an online reputation source said, in the core's terms.
//!
//! The core asks nobody; `numrep-online` fills these in and the core weighs them
//! together with the tables and lists, so every verdict says which sources were asked.

mod problem;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::assess::Finding;
use crate::lang::Lang;

pub use problem::{BadAnswer, NetworkStage, PauseReason, ProblemText, SourceProblem, TimeLimit};

/// How asking one source ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SourceStatus {
    /// It answered.
    Ok,
    /// It answered that it does not know the number (HTTP 404 from an `http_json`
    /// source): no verdict, and not an error.
    NotFound,
    /// No answer before its timeout or the overall deadline.
    Timeout,
    /// It failed (HTTP error, malformed body, …).
    Error,
    /// Not asked: its settings cannot work on this machine (a credential's
    /// environment variable is not set, …). The other sources are still asked.
    ConfigError,
    /// Not asked (backing off after failures, or not applicable).
    Skipped,
}

impl SourceStatus {
    /// `ok`, `not_found`, `timeout`, `error`, `config_error` or `skipped`.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceStatus::Ok => "ok",
            SourceStatus::NotFound => "not_found",
            SourceStatus::Timeout => "timeout",
            SourceStatus::Error => "error",
            SourceStatus::ConfigError => "config_error",
            SourceStatus::Skipped => "skipped",
        }
    }
}

/// A source's judgement of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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

/// One source's answer (or failure) for one number.
///
/// In JSON ([`SourceEvidence::json`]), `error` is `{"code", "message", …values}` with
/// `message` in the language the report is written in. Made with
/// [`SourceEvidence::answered`] or [`SourceEvidence::unanswered`]; the fields are public
/// to fill in what the source said.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
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
    /// Number of user comments (tellows).
    pub comments: Option<u64>,
    /// Number of user votes, where the source counts votes rather than comments
    /// (PhoneBlock).
    pub votes: Option<u64>,
    /// A short summary in the source's words (data, never markup).
    pub summary: Option<String>,
    /// Why it gave no answer.
    pub error: Option<SourceProblem>,
}

impl SourceEvidence {
    /// The evidence of a source that ended with `status` (mostly [`SourceStatus::Ok`]),
    /// with nothing said yet: set the fields the source gave (verdict, labels, …).
    pub fn answered(
        name: impl Into<String>,
        kind: impl Into<String>,
        status: SourceStatus,
    ) -> SourceEvidence {
        SourceEvidence {
            name: name.into(),
            kind: kind.into(),
            status,
            cached: false,
            elapsed_ms: 0,
            verdict: None,
            risk_score: None,
            labels: Vec::new(),
            comments: None,
            votes: None,
            summary: None,
            error: None,
        }
    }

    /// The evidence of a source that gave no answer; `problem` decides the status.
    pub fn unanswered(
        name: impl Into<String>,
        kind: impl Into<String>,
        problem: SourceProblem,
    ) -> SourceEvidence {
        let status = problem.status();
        SourceEvidence {
            error: Some(problem),
            ..SourceEvidence::answered(name, kind, status)
        }
    }

    /// The error's sentence in `lang`, if there is an error.
    pub fn error_message(&self, lang: Lang) -> Option<ProblemText<'_>> {
        self.error.as_ref().map(|e| e.message(lang))
    }

    /// The evidence as JSON, the error's message in `lang` (the `sources` entries of a
    /// report's JSON).
    pub fn json(&self, lang: Lang) -> impl Serialize + '_ {
        EvidenceJson {
            evidence: self,
            lang,
        }
    }

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
            votes: self.votes,
        })
    }
}

/// [`SourceEvidence::json`].
struct EvidenceJson<'a> {
    evidence: &'a SourceEvidence,
    lang: Lang,
}

impl Serialize for EvidenceJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (evidence, lang) = (self.evidence, self.lang);
        let mut out = serializer.serialize_struct("SourceEvidence", 13)?;
        out.serialize_field("name", &evidence.name)?;
        out.serialize_field("kind", &evidence.kind)?;
        out.serialize_field("status", &evidence.status)?;
        out.serialize_field("status_text", evidence.status_text(lang))?;
        out.serialize_field("cached", &evidence.cached)?;
        out.serialize_field("elapsed_ms", &evidence.elapsed_ms)?;
        out.serialize_field("verdict", &evidence.verdict)?;
        out.serialize_field("risk_score", &evidence.risk_score)?;
        out.serialize_field("labels", &evidence.labels)?;
        out.serialize_field("comments", &evidence.comments)?;
        out.serialize_field("votes", &evidence.votes)?;
        out.serialize_field("summary", &evidence.summary)?;
        out.serialize_field("error", &evidence.error.as_ref().map(|e| e.json(lang)))?;
        out.end()
    }
}

/// A list of evidence as JSON with messages in one language.
pub(crate) struct EvidenceList<'a>(pub &'a [SourceEvidence], pub Lang);

impl Serialize for EvidenceList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|e| e.json(self.1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failed() -> SourceEvidence {
        let problem = SourceProblem::MissingCredential {
            var: "TELLOWS_API_KEY".into(),
        };
        SourceEvidence::unanswered("tellows", "tellows", problem)
    }

    #[test]
    fn json_message_follows_the_report_language() {
        let json = serde_json::to_value(failed().json(Lang::De)).expect("serializes");
        assert_eq!(json["status"], "config_error");
        assert_eq!(json["error"]["code"], "missing_credential");
        assert_eq!(json["error"]["var"], "TELLOWS_API_KEY");
        assert_eq!(
            json["error"]["message"],
            "Umgebungsvariable TELLOWS_API_KEY ist nicht gesetzt; Quelle nicht gefragt"
        );
        assert!(json["votes"].is_null());
        let en = failed();
        assert!(en.error_message(Lang::En).is_some_and(|m| m
            .to_string()
            .starts_with("environment variable TELLOWS_API_KEY")));
    }

    #[test]
    fn only_answers_give_findings() {
        let mut evidence = failed();
        evidence.verdict = Some(ReputationVerdict::Spam);
        assert!(evidence.finding().is_none());
        evidence.status = SourceStatus::NotFound;
        assert!(evidence.finding().is_none());
        evidence.status = SourceStatus::Ok;
        assert!(evidence.finding().is_some());
    }
}
