//! Generic JSON-over-HTTP adapter, e.g. for an in-house complaint service.
//!
//! The request URL is a template; these placeholders are replaced (each
//! value is made of digits only, or `%2B` + digits, so nothing needs escaping):
//! - `{e164}`: `+` form, percent-encoded: `%2B4930123456`
//! - `{digits}`: digits without `+`: `4930123456`
//! - `{intl00}`: international-prefix form: `004930123456`
//! - `{national}`: national form for the configured `country_code` and
//!   `trunk_prefix` (`"49"`, `"0"` → `030123456`); a number from another
//!   country is not applicable (the engine reports `skipped`).
//!
//! One optional auth header is sent: name from the config, value from an
//! environment variable (with an optional prefix such as `"Bearer "`).
//!
//! The answer must be JSON. [`Mapping`] holds RFC 6901 JSON pointers
//! (`serde_json::Value::pointer`) for the score, label(s), comment count and
//! vote count, the score scale, and thresholds (a higher score means more risk):
//! score ≥ `spam_at` → `spam`; ≥ `suspicious_at` → `suspicious`; ≤
//! `legitimate_at` (if set) → `legitimate`; otherwise `neutral`. When the score
//! pointer finds nothing the verdict is `unknown`.
//!
//! HTTP 404 means "this service does not know the number": the engine reports
//! status `not_found` (no verdict, no error), caches it like an answer, and does
//! not count it as a failure.

use crate::error::{BadAnswer, SourceProblem};
use crate::http::{parse_url, HttpClient, RequestHeader};
use crate::number::E164;
use crate::redact::Redactor;
use crate::reputation::{clean_text, normalize_risk, push_clean, Reputation, ReputationVerdict};
use crate::request::Request;
use crate::secret::Secret;
use crate::sources::json_text::{loose_f64, loose_string, loose_u64, whole_json};
use crate::sources::{Answer, BoxFuture, Source, SourceKind};
use reqwest::Url;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The placeholders a URL template may use.
pub const PLACEHOLDERS: [&str; 4] = ["{e164}", "{digits}", "{intl00}", "{national}"];

/// Where to find what in the service's JSON answer, and how to judge the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Mapping {
    /// JSON pointer to the score (number or numeric string), e.g. `/data/score`.
    #[serde(default)]
    pub score_pointer: Option<String>,
    /// JSON pointer to a label (string) or labels (array of strings).
    #[serde(default)]
    pub label_pointer: Option<String>,
    /// JSON pointer to the comment/complaint count.
    #[serde(default)]
    pub comments_pointer: Option<String>,
    /// JSON pointer to a vote/report count.
    #[serde(default)]
    pub votes_pointer: Option<String>,
    /// Lowest score on the service's scale (for the 0–100 risk). Default 0.
    #[serde(default)]
    pub score_min: f64,
    /// Highest score on the service's scale. Default 100.
    #[serde(default = "default_max")]
    pub score_max: f64,
    /// Scores at or above this are `spam`. Default 70.
    #[serde(default = "default_spam")]
    pub spam_at: f64,
    /// Scores at or above this (and below `spam_at`) are `suspicious`. Default 40.
    #[serde(default = "default_suspicious")]
    pub suspicious_at: f64,
    /// Scores at or below this are `legitimate`; unset means never.
    #[serde(default)]
    pub legitimate_at: Option<f64>,
}

fn default_max() -> f64 {
    100.0
}
fn default_spam() -> f64 {
    70.0
}
fn default_suspicious() -> f64 {
    40.0
}

impl Default for Mapping {
    fn default() -> Self {
        Mapping {
            score_pointer: None,
            label_pointer: None,
            comments_pointer: None,
            votes_pointer: None,
            score_min: 0.0,
            score_max: default_max(),
            spam_at: default_spam(),
            suspicious_at: default_suspicious(),
            legitimate_at: None,
        }
    }
}

impl Mapping {
    /// Checks pointers (must be empty or start with `/`) and thresholds.
    pub fn validate(&self) -> Result<(), String> {
        for (key, ptr) in [
            ("score_pointer", &self.score_pointer),
            ("label_pointer", &self.label_pointer),
            ("comments_pointer", &self.comments_pointer),
            ("votes_pointer", &self.votes_pointer),
        ] {
            if let Some(p) = ptr {
                if !p.is_empty() && !p.starts_with('/') {
                    return Err(format!(
                        "`{key}` must be a JSON pointer starting with `/` (RFC 6901), got `{p}`"
                    ));
                }
            }
        }
        let finite = [
            self.score_min,
            self.score_max,
            self.spam_at,
            self.suspicious_at,
        ]
        .iter()
        .chain(self.legitimate_at.iter())
        .all(|v| v.is_finite());
        if !finite || self.score_min >= self.score_max {
            return Err("`score_min` must be below `score_max` (finite numbers)".into());
        }
        if self.suspicious_at > self.spam_at {
            return Err("`suspicious_at` must not be above `spam_at`".into());
        }
        if self.legitimate_at.is_some_and(|l| l >= self.suspicious_at) {
            return Err("`legitimate_at` must be below `suspicious_at`".into());
        }
        Ok(())
    }

    /// The verdict for a score on this mapping's thresholds.
    pub fn verdict_for(&self, score: f64) -> ReputationVerdict {
        if score >= self.spam_at {
            ReputationVerdict::Spam
        } else if score >= self.suspicious_at {
            ReputationVerdict::Suspicious
        } else if self.legitimate_at.is_some_and(|l| score <= l) {
            ReputationVerdict::Legitimate
        } else {
            ReputationVerdict::Neutral
        }
    }
}

/// The optional auth header of an `http_json` source.
#[derive(Debug, Clone)]
pub struct HeaderAuth(RequestHeader);

impl HeaderAuth {
    /// The header `name` (e.g. `Authorization`, `X-Api-Key`) with its full `value`
    /// (prefix included, e.g. `Bearer …`).
    ///
    /// # Errors
    ///
    /// [`SourceProblem::BadCredential`] (without a variable name) when `name` or
    /// `value` holds characters HTTP does not allow in a header.
    pub fn new(name: &str, value: Secret) -> Result<HeaderAuth, SourceProblem> {
        RequestHeader::checked(name, value).map(HeaderAuth)
    }

    /// The header as the request sends it.
    fn header(&self) -> RequestHeader {
        self.0.clone()
    }
}

/// The national-form settings for `{national}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalForm {
    /// Country calling code without `+`, e.g. `"49"`.
    pub country_code: String,
    /// Trunk prefix put before the national number, e.g. `"0"` (may be empty).
    pub trunk_prefix: String,
}

/// A configured generic JSON source.
#[derive(Debug, Clone)]
pub struct HttpJson {
    name: String,
    template: String,
    national: Option<NationalForm>,
    auth: Option<HeaderAuth>,
    mapping: Mapping,
    prefixes: Vec<String>,
}

impl HttpJson {
    /// A source asking the URL `template` (see the module docs for placeholders).
    pub fn new(
        name: impl Into<String>,
        template: impl Into<String>,
        national: Option<NationalForm>,
        auth: Option<HeaderAuth>,
        mapping: Mapping,
        prefixes: Vec<String>,
    ) -> HttpJson {
        HttpJson {
            name: name.into(),
            template: template.into(),
            national,
            auth,
            mapping,
            prefixes,
        }
    }

    /// The URL for `number`, or `None` if `{national}` cannot be formed.
    fn url_for(&self, number: &E164) -> Result<Option<Url>, SourceProblem> {
        let mut text = self
            .template
            .replace("{e164}", &number.url_plus())
            .replace("{digits}", number.digits())
            .replace("{intl00}", &number.zero_zero());
        if text.contains("{national}") {
            let national = match &self.national {
                Some(form) => number.national(&form.country_code, &form.trunk_prefix),
                None => None,
            };
            match national {
                Some(n) => text = text.replace("{national}", &n),
                None => return Ok(None),
            }
        }
        parse_url(&text).map(Some)
    }
}

impl Source for HttpJson {
    fn name(&self) -> &str {
        &self.name
    }

    fn kind(&self) -> SourceKind {
        SourceKind::HttpJson
    }

    fn applies_to(&self, e164: &str) -> bool {
        let prefix_ok = super::serves(&self.prefixes, e164);
        let national_ok = !self.template.contains("{national}")
            || match (&self.national, E164::parse(e164)) {
                (Some(form), Ok(n)) => n.national(&form.country_code, &form.trunk_prefix).is_some(),
                _ => false,
            };
        prefix_ok && national_ok
    }

    fn query<'a>(
        &'a self,
        e164: &'a str,
        client: &'a HttpClient,
    ) -> BoxFuture<'a, Result<Answer, SourceProblem>> {
        Box::pin(async move {
            let number = E164::parse(e164)?;
            let url = self.url_for(&number)?.ok_or(SourceProblem::NotApplicable)?;
            let headers = self.auth.iter().map(HeaderAuth::header);
            let request = Request::new(number, url).with_headers(headers);
            let parse =
                |body: &[u8], redactor: &Redactor| parse_response(body, &self.mapping, redactor);
            match request.send(client, parse).await {
                Ok(reputation) => Ok(Answer::Found(reputation)),
                Err(SourceProblem::HttpStatus { status: 404, .. }) => Ok(Answer::NotFound),
                Err(problem) => Err(problem),
            }
        })
    }
}

/// Parses a JSON answer with `mapping` into a [`Reputation`]; every text has
/// passed `redactor` (use [`Redactor::none`] outside a request).
pub fn parse_response(
    body: &[u8],
    mapping: &Mapping,
    redactor: &Redactor,
) -> Result<Reputation, BadAnswer> {
    let root: Value = whole_json(body, redactor)?;
    let lookup = |ptr: &Option<String>| {
        ptr.as_deref()
            .and_then(|p| root.pointer(p))
            .filter(|v| !v.is_null())
    };

    let score = match lookup(&mapping.score_pointer) {
        Some(v) => Some(loose_f64(v).ok_or_else(|| BadAnswer::Invalid {
            field: mapping.score_pointer.clone().unwrap_or_default(),
        })?),
        None => None,
    };
    let mut rep =
        Reputation::new(score.map_or(ReputationVerdict::Unknown, |s| mapping.verdict_for(s)));
    rep.score = score;
    rep.risk = score.and_then(|s| normalize_risk(s, mapping.score_min, mapping.score_max));
    rep.comments = lookup(&mapping.comments_pointer).and_then(loose_u64);
    rep.votes = lookup(&mapping.votes_pointer).and_then(loose_u64);
    match lookup(&mapping.label_pointer) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(loose_string)
            .for_each(|s| push_clean(&mut rep.labels, &s)),
        Some(other) => {
            if let Some(s) = loose_string(other) {
                push_clean(&mut rep.labels, &s);
            }
        }
        None => {}
    }
    let mut summary = match score {
        Some(s) => format!("score {s} ({})", rep.verdict.as_str()),
        None => "number not known to the service".to_string(),
    };
    if let Some(c) = rep.comments {
        summary.push_str(&format!(", {c} comments"));
    }
    if let Some(v) = rep.votes {
        summary.push_str(&format!(", {v} votes"));
    }
    if !rep.labels.is_empty() {
        summary.push_str(&format!("; {}", rep.labels.join(", ")));
    }
    rep.summary = clean_text(&summary).unwrap_or_default();
    Ok(rep)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &[u8], mapping: &Mapping) -> Result<Reputation, BadAnswer> {
        parse_response(body, mapping, &Redactor::none())
    }

    fn mapping() -> Mapping {
        Mapping {
            score_pointer: Some("/result/risk".into()),
            label_pointer: Some("/result/tags".into()),
            comments_pointer: Some("/result/complaints".into()),
            legitimate_at: Some(10.0),
            ..Mapping::default()
        }
    }

    #[test]
    fn an_auth_header_is_checked_when_built() {
        let bad = Err(SourceProblem::BadCredential { var: None });
        let header = |name, value| HeaderAuth::new(name, Secret::new(value)).map(|h| h.header());
        assert_eq!(header("X Api Key", "k").map(|_| ()), bad);
        assert_eq!(header("X-Api-Key", "line\nbreak").map(|_| ()), bad);
        let ok = header("X-Api-Key", "Bearer k").expect("valid");
        assert_eq!(
            (ok.name.as_str(), ok.value.expose()),
            ("x-api-key", "Bearer k")
        );
    }

    #[test]
    fn maps_fields() {
        let body = br#"{"result":{"risk":"85","tags":["scam","robocall"],"complaints":14}}"#;
        let rep = parse(body, &mapping()).expect("parses");
        assert_eq!(rep.verdict, ReputationVerdict::Spam);
        assert_eq!(rep.risk, Some(85));
        assert_eq!(rep.labels, vec!["scam", "robocall"]);
        assert_eq!(rep.comments, Some(14));
        let rep = parse(br#"{"result":{"risk":5,"tags":"company"}}"#, &mapping()).expect("parses");
        assert_eq!(rep.verdict, ReputationVerdict::Legitimate);
        assert_eq!(rep.labels, vec!["company"]);
        let rep = parse(br#"{"result":null}"#, &mapping()).expect("parses");
        assert_eq!(rep.verdict, ReputationVerdict::Unknown);
    }

    #[test]
    fn rejects_bad_bodies() {
        assert!(matches!(
            parse(b"<html>", &mapping()),
            Err(BadAnswer::NoJson { .. })
        ));
        assert!(matches!(
            parse(b"{\"a\":", &mapping()),
            Err(BadAnswer::Malformed { .. })
        ));
        assert_eq!(
            parse(br#"{"result":{"risk":"high"}}"#, &mapping()),
            Err(BadAnswer::Invalid {
                field: "/result/risk".into()
            })
        );
    }

    #[test]
    fn validates_mapping() {
        assert!(mapping().validate().is_ok());
        let bad = Mapping {
            score_pointer: Some("score".into()),
            ..Mapping::default()
        };
        assert!(bad.validate().is_err());
        let bad = Mapping {
            spam_at: 10.0,
            suspicious_at: 20.0,
            ..Mapping::default()
        };
        assert!(bad.validate().is_err());
    }

    #[test]
    fn url_template() {
        let n = E164::parse("+4930123456").expect("number");
        let national = Some(NationalForm {
            country_code: "49".into(),
            trunk_prefix: "0".into(),
        });
        let s = HttpJson::new(
            "x",
            "https://c.example/n/{national}?e={e164}&d={digits}&i={intl00}",
            national,
            None,
            Mapping::default(),
            vec![],
        );
        let url = s.url_for(&n).expect("ok").expect("applies");
        assert_eq!(
            url.as_str(),
            "https://c.example/n/030123456?e=%2B4930123456&d=4930123456&i=004930123456"
        );
        assert!(s.applies_to("+4930123456"));
        assert!(!s.applies_to("+3312345678"));
        let fr = E164::parse("+3312345678").expect("number");
        assert_eq!(s.url_for(&fr).expect("ok"), None);
    }
}
